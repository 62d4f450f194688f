import { cutText, textWidth, wrapText } from './longText.js';

/**
 * The last pass of the renderer: every line is fitted to the width by display columns (wide
 * CJK characters and emoji count two), with a hanging indent for list items and block quotes.
 * Blocks mark their lines with a sentinel right after their indentation:
 * CODE_MARK (wrap at the exact column, keep spaces) or RIGID_MARK (never wrap: cut).
 */
export const CODE_MARK = '\u0001';
export const RIGID_MARK = '\u0002';

const MIN_TEXT = 12;
/** Marks a code line that continues the one above it. */
export const CONTINUATION = '↪ ';

function wrapMarked(line: string, mark: string, width: number): string[] {
  const at = line.indexOf(mark);
  const head = line.slice(0, at);
  const body = line.slice(at + 1);
  const whole = head + body;
  if (mark === RIGID_MARK) return [cutText(whole, width)];
  if (textWidth(whole) <= width) return [whole];
  const indent = ' '.repeat(textWidth(head));
  const room = width - indent.length - CONTINUATION.length;
  if (room < MIN_TEXT) return wrapText(whole, width, { hard: true, trim: false, wordWrap: false });
  // Code breaks at spaces where it can; continued lines are marked so they are not read as new ones.
  const parts = wrapText(body, room, { hard: true, trim: false, wordWrap: true });
  return parts.map((part, i) => (i === 0 ? head + part : indent + CONTINUATION + trimStartSpaces(part)));
}

function trimStartSpaces(text: string): string {
  let start = 0;
  while (start < text.length && text.charCodeAt(start) === 0x20) start++;
  return start === 0 ? text : text.slice(start);
}

/**
 * The indentation of a rendered line as it stands in the styled text: spaces and block quote
 * bars (each possibly wrapped in SGR codes), then an optional list marker. Splitting the raw
 * string here avoids measuring and slicing styled text, the costly part on long posts. (The bar,
 * │, is written as \u2502: a bundle with one character past ASCII is held as two bytes a character.)
 */
const RAW_PREFIX = /^((?:(?:\u001b\[[0-9;]*m)*(?: |\u2502 )(?:\u001b\[[0-9;]*m)*)*)(\* |\d+\. )?/;

/** Fits one rendered line into `width` columns; returns one or more lines. */
export function fitLine(line: string, width: number): string[] {
  if (line.includes(CODE_MARK)) return wrapMarked(line, CODE_MARK, width);
  if (line.includes(RIGID_MARK)) return wrapMarked(line, RIGID_MARK, width);
  const m = RAW_PREFIX.exec(line)!;
  const marker = m[2];
  let head = m[0];
  const rest = line.slice(head.length);
  if (marker === '* ') head = head.slice(0, -2) + '• ';
  if (textWidth(line) <= width) return [head + rest];
  const prefixWidth = textWidth(head);
  const room = width - prefixWidth;
  if (room < MIN_TEXT) return wrapText(head + rest, width, { hard: true, trim: true });
  const continuation = marker ? head.slice(0, -marker.length) + ' '.repeat(marker.length) : head;
  const parts = wrapText(rest, room, { hard: true, trim: true });
  return parts.map((part, i) => (i === 0 ? head : continuation) + part);
}
