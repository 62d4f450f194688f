import stringWidth from 'string-width';
import stripAnsi from 'strip-ansi';
import sliceAnsi from 'slice-ansi';
import wrapAnsi from 'wrap-ansi';

/**
 * The last pass of the renderer: every line is fitted to the width by display columns (wide
 * CJK characters and emoji count two), with a hanging indent for list items and block quotes.
 * Blocks mark their lines with a sentinel right after their indentation:
 * CODE_MARK (wrap at the exact column, keep spaces) or RIGID_MARK (never wrap: cut).
 */
export const CODE_MARK = '\u0001';
export const RIGID_MARK = '\u0002';

const PREFIX = /^((?:[ ]|│ )*)(\* |\d+\. )?/;
const MIN_TEXT = 12;
/** Marks a code line that continues the one above it. */
export const CONTINUATION = '↪ ';

function cut(line: string, width: number): string {
  return stringWidth(line) <= width ? line : sliceAnsi(line, 0, Math.max(0, width - 1)) + '…';
}

function wrapMarked(line: string, mark: string, width: number): string[] {
  const at = line.indexOf(mark);
  const head = line.slice(0, at);
  const body = line.slice(at + 1);
  const whole = head + body;
  if (mark === RIGID_MARK) return [cut(whole, width)];
  if (stringWidth(whole) <= width) return [whole];
  const indent = ' '.repeat(stringWidth(head));
  const room = width - indent.length - CONTINUATION.length;
  if (room < MIN_TEXT) return wrapAnsi(whole, width, { hard: true, trim: false, wordWrap: false }).split('\n');
  // Code breaks at spaces where it can; continued lines are marked so they are not read as new ones.
  const parts = wrapAnsi(body, room, { hard: true, trim: false, wordWrap: true }).split('\n');
  return parts.map((part, i) => (i === 0 ? head + part : indent + CONTINUATION + part.replace(/^ +/, '')));
}

/** Fits one rendered line into `width` columns; returns one or more lines. */
export function fitLine(line: string, width: number): string[] {
  if (line.includes(CODE_MARK)) return wrapMarked(line, CODE_MARK, width);
  if (line.includes(RIGID_MARK)) return wrapMarked(line, RIGID_MARK, width);
  const plain = stripAnsi(line);
  const m = PREFIX.exec(plain)!;
  const prefixWidth = m[0].length;
  let head = prefixWidth > 0 ? sliceAnsi(line, 0, prefixWidth) : '';
  const rest = prefixWidth > 0 ? sliceAnsi(line, prefixWidth) : line;
  if (m[2] === '* ') {
    const star = head.lastIndexOf('* ');
    head = head.slice(0, star) + '• ' + head.slice(star + 2);
  }
  if (stringWidth(plain) <= width) return [head + rest];
  const room = width - prefixWidth;
  if (room < MIN_TEXT) return wrapAnsi(head + rest, width, { hard: true, trim: true }).split('\n');
  const continuation = m[2] ? head.replace(m[2] === '* ' ? '• ' : m[2], ' '.repeat(m[2].length)) : head;
  const parts = wrapAnsi(rest, room, { hard: true, trim: true }).split('\n');
  return parts.map((part, i) => (i === 0 ? head : continuation) + part);
}
