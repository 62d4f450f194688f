import type { Block } from '../model.js';
import { indent, type Context, type Out } from '../document.js';

/** A block quote: its blocks two columns narrower, behind a bar. */
export function renderQuote(blocks: Block[], ctx: Context): Out {
  const inner = ctx.renderBlocks(blocks, { ...ctx, width: Math.max(10, ctx.width - 2) });
  const bar = ctx.roles.quoteBar('│ ');
  const out: Out = { lines: [], marks: [] };
  indent({ lines: inner.lines.map((line) => (line === '' ? line : ctx.roles.quote(line))), marks: inner.marks }, bar, bar, out);
  return out;
}
