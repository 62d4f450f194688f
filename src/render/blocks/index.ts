import type { Block } from '../model.js';
import { append, type Context, type Out } from '../document.js';
import { renderParagraph } from './paragraph.js';
import { renderHeading } from './heading.js';
import { renderList } from './list.js';
import { renderCode, renderMath } from './code.js';
import { renderQuote } from './quote.js';
import { renderTable } from './table.js';
import { renderRule } from './rule.js';
import { renderAdmonition } from './admonition.js';

/** One block's lines. */
export function renderBlock(block: Block, ctx: Context): Out {
  switch (block.kind) {
    case 'paragraph':
      return renderParagraph(block.inline, ctx);
    case 'heading':
      return renderHeading(block.level, block.inline, block.id, ctx);
    case 'list':
      return renderList(block.ordered, block.start, block.loose, block.items, ctx);
    case 'code':
      return renderCode(block.text, block.lang, ctx);
    case 'math':
      return renderMath(block.tex, ctx);
    case 'quote':
      return renderQuote(block.blocks, ctx);
    case 'table':
      return renderTable(block.header, block.rows, block.align, ctx);
    case 'rule':
      return renderRule(ctx);
    case 'admonition':
      return renderAdmonition(block.type, block.title, block.blocks, ctx, block.name);
    case 'anchor':
      return { lines: [], marks: [{ line: 0, anchor: block.id }] };
    case 'group':
      return renderBlocks(block.blocks, ctx, true);
  }
}

/** Blocks one after another, a blank line between them unless `tight` (a tight list item). */
export function renderBlocks(blocks: Block[], ctx: Context, tight = false): Out {
  const out: Out = { lines: [], marks: [] };
  for (const block of blocks) {
    const one = renderBlock(block, ctx);
    if (one.lines.length === 0) {
      for (const mark of one.marks) out.marks.push({ ...mark, line: out.lines.length + (out.lines.length > 0 && !tight ? 1 : 0) });
      continue;
    }
    if (out.lines.length > 0 && !tight) out.lines.push('');
    append(one, out);
  }
  return out;
}
