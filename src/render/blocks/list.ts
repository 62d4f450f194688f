import type { ListItem } from '../model.js';
import { indent, type Context, type Out } from '../document.js';
import { plainWidth } from '../inlineText.js';

const BULLETS = ['•', '◦', '▪'];
/** A list stands two columns in from the text around it; a nested one stands under its item's text. */
const TOP_INDENT = '  ';

/**
 * A list: every item numbered from the list's own start (nesting never shares a count),
 * bullets by depth, task boxes, items indented by their marker's width, blank lines between
 * the items of a loose list only.
 */
export function renderList(ordered: boolean, start: number, loose: boolean, items: ListItem[], ctx: Context): Out {
  const r = ctx.roles;
  const last = start + items.length - 1;
  const numberWidth = ordered ? Math.max(String(start).length, String(last).length) : 0;
  const bullet = BULLETS[ctx.listDepth % BULLETS.length]!;
  const LIST_INDENT = ctx.listDepth === 0 ? TOP_INDENT : '';
  const out: Out = { lines: [], marks: [] };
  items.forEach((item, i) => {
    let marker = LIST_INDENT + (ordered ? `${String(start + i).padStart(numberWidth)}. ` : `${bullet} `);
    if (item.checked !== undefined) marker = ordered ? `${marker}${item.checked ? '☒' : '☐'} ` : `${LIST_INDENT}${item.checked ? '☒' : '☐'} `;
    const width = plainWidth(marker);
    const inner = ctx.renderBlocks(item.blocks, { ...ctx, width: Math.max(10, ctx.width - width), listDepth: ctx.listDepth + 1 }, !loose);
    if (i > 0 && loose) out.lines.push('');
    if (inner.lines.length === 0) inner.lines.push('');
    indent(inner, LIST_INDENT + r.listMarker(marker.slice(LIST_INDENT.length)), ' '.repeat(width), out);
  });
  return out;
}
