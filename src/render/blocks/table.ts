import type { Align, Inline } from '../model.js';
import type { Context, Out } from '../document.js';
import { layoutInline } from '../inlineRender.js';
import { layoutTable } from '../tableLayout.js';

/** A table: cells show their text (links too: their URLs go to the link list), <br> breaks a cell's line. */
export function renderTable(header: Inline[][], rows: Inline[][][], align: Align[], ctx: Context): Out {
  const marks: Out['marks'] = [];
  const cell = (inline: Inline[]) => layoutInline(inline, ctx, Infinity).lines.join('\n');
  const lines = layoutTable(
    { header: header.map(cell), rows: rows.map((row) => row.map(cell)), align },
    ctx.width,
    { border: ctx.roles.tableBorder, header: ctx.roles.tableHeader },
  );
  return { lines, marks };
}
