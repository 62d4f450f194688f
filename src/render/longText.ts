import stringWidth from 'string-width';
import stripAnsi from 'strip-ansi';
import sliceAnsi from 'slice-ansi';
import wrapAnsi from 'wrap-ansi';
import { CHUNK, pieceEnds, pieces } from './clusters.js';

/**
 * Measuring, wrapping and cutting styled text in time linear in its length. Text up to CHUNK
 * code units goes to string-width, wrap-ansi and slice-ansi as it is; longer text (a paragraph
 * of 100,000 CJK characters, a line of emoji) is handled a piece at a time, because the
 * grapheme segmenter under those libraries slows down far faster than linearly (clusters.ts).
 */

export interface WrapOptions {
  hard?: boolean;
  trim?: boolean;
  wordWrap?: boolean;
}

/** Display width in terminal columns, escape sequences ignored. */
export function textWidth(text: string): number {
  if (text.length <= CHUNK) return stringWidth(text);
  let width = 0;
  for (const piece of pieces(stripAnsi(text))) width += stringWidth(piece);
  return width;
}

/** The end of the escape sequence that starts at `at` (CSI or OSC), or `at` when none starts there. */
const SEQUENCE = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\))/y;

function sequenceEnd(text: string, at: number): number {
  SEQUENCE.lastIndex = at;
  return SEQUENCE.test(text) ? SEQUENCE.lastIndex : at;
}

/** Moves a cut back before any escape sequence it would fall inside. */
function outsideSequence(text: string, cut: number, start: number): number {
  // Sequences blog-tui writes are short, except OSC 8 links, whose targets are URLs.
  const from = Math.max(start, cut - 4096);
  let esc = cut - 1;
  while (esc >= from && text.charCodeAt(esc) !== 0x1b) esc--;
  if (esc < from) return cut;
  const end = sequenceEnd(text, esc);
  return end > cut ? esc : cut;
}

/**
 * Where to cut a long line into pieces for wrapping: before a space when there is one in the
 * second half of the piece (never right after another space, so no space is lost between two
 * pieces), else at a cluster boundary; never inside an escape sequence.
 */
function wrapPieces(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (const end of pieceEnds(text)) {
    if (end <= start) continue;
    let cut = end;
    if (end < text.length) {
      // A bounded scan: lastIndexOf would search back to the start of a line without spaces.
      const floor = start + (CHUNK >> 1);
      let space = end - 1;
      while (space > floor && text.charCodeAt(space) !== 0x20) space--;
      while (space > floor && text.charCodeAt(space - 1) === 0x20) space--;
      if (space > floor && text.charCodeAt(space) === 0x20) cut = space;
      cut = outsideSequence(text, cut, start);
      if (cut <= start) cut = end;
    }
    out.push(text.slice(start, cut));
    start = cut;
  }
  if (start < text.length) out.push(text.slice(start));
  return out;
}

/**
 * wrap-ansi's rows of one line without a newline, for any length: a long line is wrapped a piece
 * at a time, and the unfinished last row of each piece is carried into the next, so the rows
 * are those of wrapping the whole line (styles included: wrap-ansi reopens them on each row).
 */
function wrapLine(line: string, width: number, options: WrapOptions): string[] {
  if (line.length <= CHUNK) return wrapAnsi(line, width, options).split('\n');
  const rows: string[] = [];
  let carry = '';
  for (const piece of wrapPieces(line)) {
    const wrapped = wrapAnsi(carry + piece, width, options).split('\n');
    carry = wrapped.pop() ?? '';
    for (const row of wrapped) rows.push(row);
    // A row of zero-width characters may be long: carry only what keeps the work linear.
    if (carry.length > CHUNK) {
      rows.push(carry);
      carry = '';
    }
  }
  if (carry !== '' || rows.length === 0) rows.push(carry);
  return rows;
}

/** wrap-ansi's rows, in time linear in the text's length. */
export function wrapText(text: string, width: number, options: WrapOptions): string[] {
  if (text.length <= CHUNK) return wrapAnsi(text, width, options).split('\n');
  const rows: string[] = [];
  for (const line of text.split('\n')) for (const row of wrapLine(line, width, options)) rows.push(row);
  return rows;
}

/** The text cut to `width` columns with an ellipsis when it is wider. */
/**
 * Text each of whose code units is a character one column wide and a grapheme cluster of its own
 * (printable Latin, no combining marks; the dashes, quotes and dots of general punctuation): cut by
 * index, without slice-ansi's grapheme segmenter, whose first use costs more than a list's frame.
 */
const NARROW_SINGLES = /^[\x20-\x7e\xa0-\xac\xae-\u02ff\u2010-\u2027\u2030-\u205e]*$/;

export function cutText(text: string, width: number): string {
  if (text.length <= CHUNK && NARROW_SINGLES.test(text)) return text.length <= width ? text : text.slice(0, Math.max(0, width - 1)) + '…';
  if (text.length <= CHUNK) return stringWidth(text) <= width ? text : sliceAnsi(text, 0, Math.max(0, width - 1)) + '…';
  if (textWidth(text) <= width) return text;
  const first = wrapText(text, Math.max(1, width - 1), { hard: true, trim: false, wordWrap: false })[0] ?? '';
  return first + '…';
}
