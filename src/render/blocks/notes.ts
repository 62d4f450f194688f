import { indent, type Context, type Out } from '../document.js';
import { renderHeading } from './heading.js';

/** The Notes section at the end: each footnote under its number, which its references show. */
export function renderNotes(ctx: Context): Out {
  const notes = ctx.doc.numberedFootnotes();
  const out: Out = { lines: [], marks: [] };
  if (notes.length === 0) return out;
  indent(renderHeading(2, ['Notes'], 'footnotes', ctx), '', '', out);
  const width = String(notes.length).length + 3;
  // Rendering a note can number footnotes it refers to, so the list may grow while it is drawn.
  for (let i = 0; i < notes.length; i++) {
    const { n, note } = notes[i]!;
    out.lines.push('');
    const marker = ctx.roles.footnote(`[${n}]`.padEnd(width));
    const inner = ctx.renderBlocks(note.blocks, { ...ctx, width: Math.max(10, ctx.width - width) });
    if (inner.lines.length === 0) inner.lines.push('');
    out.marks.push({ line: out.lines.length, anchor: `fn:${note.label}` });
    indent(inner, marker, ' '.repeat(width), out);
    if (i === notes.length - 1) for (const more of ctx.doc.numberedFootnotes().slice(notes.length)) notes.push(more);
  }
  return out;
}

/** The Links section of piped text: each URL under the number its links show. */
export function renderLinkList(ctx: Context): Out {
  const out: Out = { lines: [], marks: [] };
  if (ctx.doc.numberedLinks().length === 0) return out;
  indent(renderHeading(2, ['Links'], 'links', ctx), '', '', out);
  out.lines.push('');
  const links = ctx.doc.numberedLinks();
  const width = String(links[links.length - 1]!.n).length + 3;
  const inner = { ...ctx, width: Math.max(10, ctx.width - width), linkMarkers: false };
  for (const { n, href } of links) {
    const lines = ctx.renderBlocks([{ kind: 'paragraph', inline: [{ kind: 'link', href, children: [href] }] }], inner);
    indent(lines, ctx.roles.footnote(`[${n}]`.padEnd(width)), ' '.repeat(width), out);
  }
  return out;
}
