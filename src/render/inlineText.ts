import { eastAsianWidth } from 'get-east-asian-width';
import type { Paint } from './style.js';

/**
 * Inline text laid out in three linear passes: the inline tree is flattened into plain text
 * plus styled segments, the plain text is wrapped by display width, and each line is painted
 * from the segments it covers. Styles are applied per line, so a style never runs over a line
 * end, and wrapping never has to measure or cut styled text.
 */
export interface Segment {
  start: number;
  end: number;
  /** Outermost first. */
  paints: Paint[];
  /** An OSC 8 link target for the segment. */
  href?: string;
}

export interface FlatText {
  text: string;
  segments: Segment[];
  /** Places in the text (offsets) that anchors point at. */
  anchors: Array<{ at: number; id: string }>;
}

/** Builds a FlatText from a walk of the inline tree. */
export class FlatBuilder {
  private parts: string[] = [];
  private length = 0;
  private paints: Paint[] = [];
  private hrefs: Array<string | undefined> = [];
  private lastSpace = true;
  readonly segments: Segment[] = [];
  readonly anchors: FlatText['anchors'] = [];

  get position(): number {
    return this.length;
  }

  /** Text as it should read; runs of whitespace become one space, except hard breaks ('\n' via lineBreak). */
  text(value: string): void {
    // Runs of spaces read as one, across pieces too, as in a web page.
    if (value.includes('  ')) value = value.replace(/ {2,}/g, ' ');
    if (this.lastSpace && value.startsWith(' ')) value = value.slice(1);
    if (value === '') return;
    this.lastSpace = value.endsWith(' ');
    const start = this.length;
    this.parts.push(value);
    this.length += value.length;
    const href = this.hrefs[this.hrefs.length - 1];
    const last = this.segments[this.segments.length - 1];
    if (last && last.end === start && last.href === href && samePaints(last.paints, this.paints)) last.end = this.length;
    else this.segments.push({ start, end: this.length, paints: this.paints.slice(), href });
  }

  lineBreak(): void {
    this.lastSpace = true;
    this.parts.push('\n');
    this.length += 1;
  }

  anchor(id: string): void {
    this.anchors.push({ at: this.length, id });
  }

  push(paint: Paint | undefined, href?: string): void {
    this.paints.push(paint ?? identity);
    this.hrefs.push(href ?? this.hrefs[this.hrefs.length - 1]);
  }

  pop(): void {
    this.paints.pop();
    this.hrefs.pop();
  }

  build(): FlatText {
    return { text: this.parts.join(''), segments: this.segments, anchors: this.anchors };
  }
}

const identity: Paint = (s) => s;

function samePaints(a: Paint[], b: Paint[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

// Characters that take no column of their own: combining marks, zero-width joiners and
// spaces, variation selectors.
const ZERO_WIDTH = /[\p{M}\u200b-\u200f\u2060-\u2064\ufe00-\ufe0f\ufeff]/u;

/** Display width of the code point at `i` (and how many code units it takes). */
function charAt(text: string, i: number): { width: number; size: number } {
  const code = text.codePointAt(i)!;
  const size = code > 0xffff ? 2 : 1;
  if (code >= 0x20 && code < 0x7f) return { width: 1, size };
  if (code < 0x20 || (code >= 0x7f && code < 0xa0)) return { width: 0, size };
  if (code < 0x300) return { width: 1, size };
  if (ZERO_WIDTH.test(String.fromCodePoint(code))) return { width: 0, size };
  return { width: eastAsianWidth(code), size };
}

/** Where a long word (a URL, a path, text without spaces) may be broken: after these. */
const BREAK_AFTER = new Set(['/', '-', '?', '&', '=', '.', '_', '#', ',', ';', ':', '|', '\\', '+', ')', ']', '}', '>']);

/** Display width of plain text (no escape sequences). */
export function plainWidth(text: string): number {
  let width = 0;
  for (let i = 0; i < text.length; ) {
    const c = charAt(text, i);
    width += c.width;
    i += c.size;
  }
  return width;
}

/**
 * Wraps plain text at `width` columns: lines as [start, end) offsets. Breaks at spaces; a word
 * wider than a line is broken after URL punctuation or beside a wide (CJK) character where
 * possible, else at the column. '\n' is a forced break. Linear in the length of the text.
 */
export function wrapRanges(text: string, width: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const room = Math.max(1, width);
  let lineStart = -1;
  let lineEnd = -1;
  let lineWidth = 0;
  const flush = (at: number) => {
    out.push(lineStart < 0 ? [at, at] : [lineStart, lineEnd]);
    lineStart = -1;
    lineWidth = 0;
  };
  let i = 0;
  const n = text.length;
  while (i < n) {
    const ch = text.charCodeAt(i);
    if (ch === 10) {
      flush(i);
      i++;
      continue;
    }
    if (ch === 32) {
      i++;
      continue;
    }
    // A word: up to the next space or break.
    let j = i;
    let w = 0;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === 32 || c === 10) break;
      const info = charAt(text, j);
      w += info.width;
      j += info.size;
    }
    const gap = lineStart < 0 ? 0 : 1;
    if (lineStart >= 0 && lineWidth + gap + w <= room) {
      lineEnd = j;
      lineWidth += gap + w;
    } else if (w <= room) {
      if (lineStart >= 0) flush(i);
      lineStart = i;
      lineEnd = j;
      lineWidth = w;
    } else {
      // Too long for a line: fill the current line if a useful part fits, then whole lines.
      let free = lineStart >= 0 ? room - lineWidth - 1 : room;
      if (lineStart >= 0 && free < Math.min(12, room >> 2)) {
        flush(i);
        free = room;
      }
      let pieceStart = i;
      let pieceWidth = 0;
      let lastBreak = -1;
      let widthAtBreak = 0;
      let k = i;
      while (k < j) {
        const info = charAt(text, k);
        if (pieceWidth + info.width > free) {
          if (pieceWidth === 0 && lineStart >= 0) {
            // Nothing fits in what is left of the current line.
            flush(k);
            free = room;
            continue;
          }
          if (pieceWidth > 0) {
            const cut = lastBreak > pieceStart && widthAtBreak * 2 >= free ? lastBreak : k;
            if (lineStart < 0) lineStart = pieceStart;
            lineEnd = cut;
            flush(cut);
            free = room;
            pieceStart = cut;
            pieceWidth = 0;
            lastBreak = -1;
            k = cut;
            continue;
          }
          // One character wider than the whole line: it goes on a line of its own.
        }
        pieceWidth += info.width;
        k += info.size;
        if (info.width === 2 || BREAK_AFTER.has(text[k - 1]!) || (k < j && charAt(text, k).width === 2)) {
          lastBreak = k;
          widthAtBreak = pieceWidth;
        }
      }
      if (lineStart < 0) {
        lineStart = pieceStart;
        lineWidth = pieceWidth;
      } else {
        lineWidth += 1 + pieceWidth;
      }
      lineEnd = j;
    }
    i = j;
  }
  if (lineStart >= 0 || out.length === 0) flush(n);
  return out;
}

/** Paints one line of a FlatText: the segments that overlap [start, end). `from` is a cursor into segments. */
function paintRange(flat: FlatText, start: number, end: number, cursor: { seg: number }, link: (text: string, href: string) => string): string {
  let out = '';
  const { segments, text } = flat;
  while (cursor.seg < segments.length && segments[cursor.seg]!.end <= start) cursor.seg++;
  let at = start;
  for (let s = cursor.seg; s < segments.length; s++) {
    const seg = segments[s]!;
    if (seg.start >= end) break;
    if (seg.start > at) out += text.slice(at, seg.start);
    const from = Math.max(seg.start, start);
    const to = Math.min(seg.end, end);
    let piece = text.slice(from, to);
    for (let p = seg.paints.length - 1; p >= 0; p--) piece = seg.paints[p]!(piece);
    out += seg.href ? link(piece, seg.href) : piece;
    at = to;
  }
  if (at < end) out += text.slice(at, end);
  return out;
}

export interface WrappedText {
  lines: string[];
  /** The line index of each anchor. */
  anchors: Array<{ line: number; id: string }>;
}

/**
 * Lays out flat text in `width` columns, painted. With width Infinity, only forced breaks split
 * lines (table cells are wrapped later by the table layout).
 */
export function layoutFlat(flat: FlatText, width: number, link: (text: string, href: string) => string = (t) => t): WrappedText {
  const ranges = width === Infinity ? splitBreaks(flat.text) : wrapRanges(flat.text, width);
  const cursor = { seg: 0 };
  const lines = ranges.map(([start, end]) => paintRange(flat, start, trimEnd(flat.text, start, end), cursor, link));
  const anchors: WrappedText['anchors'] = [];
  let line = 0;
  for (const anchor of flat.anchors) {
    while (line + 1 < ranges.length && ranges[line + 1]![0] <= anchor.at) line++;
    anchors.push({ line, id: anchor.id });
  }
  return { lines, anchors };
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && text.charCodeAt(end - 1) === 32) end--;
  return end;
}

function splitBreaks(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  for (;;) {
    const at = text.indexOf('\n', start);
    if (at < 0) break;
    out.push([skipSpaces(text, start), at]);
    start = at + 1;
  }
  out.push([skipSpaces(text, start), text.length]);
  return out;
}

function skipSpaces(text: string, at: number): number {
  while (at < text.length && text.charCodeAt(at) === 32) at++;
  return at;
}
