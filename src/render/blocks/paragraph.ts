import type { Inline } from '../model.js';
import type { Context, Out } from '../document.js';
import { layoutInline } from '../inlineRender.js';

/** A paragraph: its inline content wrapped to the width; anchors in it mark their lines. */
export function renderParagraph(inline: Inline[], ctx: Context): Out {
  const { lines, anchors } = layoutInline(inline, ctx);
  if (lines.every((line) => line === '')) return { lines: [], marks: anchors.map((a) => ({ line: 0, anchor: a.id })) };
  return { lines, marks: anchors.map((a) => ({ line: a.line, anchor: a.id })) };
}
