import type { Inline } from '../model.js';
import type { Context, Out } from '../document.js';
import { layoutInline, plainText } from '../inlineRender.js';
import { plainWidth } from '../inlineText.js';
import stripAnsi from 'strip-ansi';
import { maxOf } from '../../content/arrays.js';

/**
 * Headings, each level distinct with or without colour: h1 and h2 are underlined with double
 * and single rules, h3 with a dashed one, h4-h6 carry a mark in front.
 */
const UNDERLINE = ['═', '─', '┄'];
const MARK = ['', '', '', '▪ ', '▫ ', '· '];

export function renderHeading(level: number, inline: Inline[], id: string | undefined, ctx: Context): Out {
  const depth = Math.min(Math.max(level, 1), 6);
  const text = plainText(inline);
  const paint = ctx.roles[`heading${depth}` as 'heading1'];
  const mark = MARK[depth - 1]!;
  const { lines, anchors } = layoutInline(inline, ctx, ctx.width - plainWidth(mark));
  const out: Out = {
    lines: lines.map((line, i) => (i === 0 ? ctx.roles.headingRule(mark) : ' '.repeat(plainWidth(mark))) + paint(line)),
    marks: [{ line: 0, heading: { level: depth, text } }],
  };
  const generated = ctx.doc.headingId(text);
  out.marks.push({ line: 0, anchor: generated });
  if (id && id !== generated) out.marks.push({ line: 0, anchor: id });
  for (const a of anchors) out.marks.push({ line: a.line, anchor: a.id });
  const rule = UNDERLINE[depth - 1];
  if (rule) {
    const widest = maxOf(lines, (line) => plainWidth(stripAnsi(line)));
    out.lines.push(ctx.roles.headingRule(rule.repeat(Math.max(1, Math.min(widest, ctx.width)))));
  }
  return out;
}
