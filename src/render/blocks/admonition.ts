import type { Block } from '../model.js';
import { indent, type Context, type Out } from '../document.js';
import { admonitionRole, type AdmonitionKind } from '../style.js';
import { plainWidth } from '../inlineText.js';

const NAMES: Record<AdmonitionKind, string> = { note: 'Note', tip: 'Tip', important: 'Important', warning: 'Warning', caution: 'Caution' };

/** An alert or admonition: a box with its kind and title on the top edge. */
export function renderAdmonition(type: AdmonitionKind, title: string, blocks: Block[], ctx: Context, written?: string): Out {
  const paint = ctx.roles[admonitionRole(type)];
  const name = written ? written.charAt(0).toUpperCase() + written.slice(1).toLowerCase() : NAMES[type];
  const label = title && title.toLowerCase() !== name.toLowerCase() ? `${name}: ${title}` : name;
  const width = Math.max(10, ctx.width);
  const top = `╭─ ${label} `;
  const topLine = plainWidth(top) < width ? top + '─'.repeat(width - plainWidth(top)) : top.trimEnd();
  const inner = ctx.renderBlocks(blocks, { ...ctx, width: Math.max(10, width - 2) });
  const out: Out = { lines: [paint(topLine)], marks: [] };
  const bar = paint('│ ');
  indent(inner, bar, bar, out);
  out.lines.push(paint('╰' + '─'.repeat(width - 1)));
  return out;
}
