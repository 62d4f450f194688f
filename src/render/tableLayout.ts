import { textWidth, wrapText } from './longText.js';
import { pushAll } from '../content/arrays.js';

export type Align = 'left' | 'right' | 'center' | null;

export interface TableCells {
  header: string[];
  rows: string[][];
  align: Align[];
}

interface Style {
  border: (s: string) => string;
  header: (s: string) => string;
}

const MIN_COLUMN = 4;

/** Splits `available` columns fairly: a column narrower than its fair share keeps its natural width, the others split what is left. */
function fairShare(natural: number[], available: number): number[] {
  const widths = natural.map(() => 0);
  let open = natural.map((_, i) => i);
  let left = available;
  for (;;) {
    const share = Math.floor(left / open.length);
    const fits = open.filter((i) => natural[i]! <= share);
    if (fits.length === 0) break;
    for (const i of fits) {
      widths[i] = natural[i]!;
      left -= natural[i]!;
    }
    open = open.filter((i) => natural[i]! > share);
    if (open.length === 0) return widths;
  }
  const share = Math.floor(left / open.length);
  let extra = left - share * open.length;
  for (const i of open) widths[i] = share + (extra-- > 0 ? 1 : 0);
  return widths;
}

/**
 * Column widths that fit `available` columns of text. Each column first gets room for its
 * longest word (`words[i]`), shortest words first, as long as the columns after it keep the
 * minimum width, so no word that could fit is broken; the rest is shared fairly.
 */
export function fitColumns(natural: number[], available: number, words: number[] = []): number[] {
  const floor = natural.map((n, i) => Math.min(n, words[i] ?? 0));
  const order = natural.map((_, i) => i).sort((a, b) => floor[a]! - floor[b]!);
  const kept = natural.map(() => 0);
  let reserved = 0;
  order.forEach((i, k) => {
    const rest = (order.length - k - 1) * MIN_COLUMN;
    if (reserved + floor[i]! + rest <= available) {
      kept[i] = floor[i]!;
      reserved += floor[i]!;
    }
  });
  const extra = fairShare(natural.map((n, i) => n - kept[i]!), available - reserved);
  return extra.map((e, i) => e + kept[i]!);
}

/** The display width of the longest run without white space in a cell. */
function longestWord(text: string): number {
  let widest = 0;
  for (const word of text.split(/\s+/)) widest = Math.max(widest, textWidth(word));
  return widest;
}

function pad(text: string, width: number, align: Align): string {
  const gap = Math.max(0, width - textWidth(text));
  if (align === 'right') return ' '.repeat(gap) + text;
  if (align === 'center') return ' '.repeat(gap >> 1) + text + ' '.repeat(gap - (gap >> 1));
  return text + ' '.repeat(gap);
}

/** Narrow terminals: one record a row, "Header: value", instead of a table. */
function asRecords(cells: TableCells, style: Style, headless: boolean): string[] {
  const lines: string[] = [];
  cells.rows.forEach((row, r) => {
    if (r > 0) lines.push('');
    row.forEach((cell, c) => lines.push(headless ? cell : `${style.header(cells.header[c] ?? '')}: ${cell}`));
  });
  return lines;
}

/** The width of a cell's widest line. */
function cellWidth(text: string): number {
  if (!text.includes('\n')) return textWidth(text);
  let widest = 0;
  for (const line of text.split('\n')) widest = Math.max(widest, textWidth(line));
  return widest;
}

/**
 * Lays a table out in box-drawing characters within `width` display columns. A table whose
 * `header` is empty (HTML tables without header cells) is drawn without a header row.
 */
export function layoutTable(cells: TableCells, width: number, style: Style): string[] {
  const headless = cells.header.length === 0;
  if (headless) {
    const columns = cells.rows.reduce((n, row) => Math.max(n, row.length), 0);
    if (columns === 0) return [];
    cells = { ...cells, header: Array.from({ length: columns }, () => '') };
  }
  const columns = cells.header.length;
  const natural = cells.header.map((h, c) => {
    let widest = Math.max(1, cellWidth(h));
    for (const row of cells.rows) widest = Math.max(widest, cellWidth(row[c] ?? ''));
    return widest;
  });
  const chrome = 3 * columns + 1;
  const available = width - chrome;
  if (available < MIN_COLUMN * columns) return asRecords(cells, style, headless);
  const words = cells.header.map((h, c) => {
    let widest = longestWord(h);
    for (const row of cells.rows) widest = Math.max(widest, longestWord(row[c] ?? ''));
    return widest;
  });
  const widths = natural.reduce((a, b) => a + b, 0) <= available ? natural : fitColumns(natural, available, words);
  const rule = (l: string, m: string, r: string) => style.border(l + widths.map((w) => '─'.repeat(w + 2)).join(m) + r);
  const row = (values: string[], styleCell: (s: string) => string) => {
    const wrapped = widths.map((w, c) => wrapText(values[c] ?? '', w, { hard: true, trim: true }));
    const height = wrapped.reduce((n, w) => Math.max(n, w.length), 0);
    const out: string[] = [];
    for (let i = 0; i < height; i++) {
      const parts = widths.map((w, c) => ' ' + pad(styleCell(wrapped[c]![i] ?? ''), w, cells.align[c] ?? null) + ' ');
      out.push(style.border('│') + parts.join(style.border('│')) + style.border('│'));
    }
    return out;
  };
  const body = cells.rows.map((r) => row(r, (s) => s));
  const separateRows = body.some((lines) => lines.length > 1);
  const lines = headless ? [rule('┌', '┬', '┐')] : [rule('┌', '┬', '┐'), ...row(cells.header, style.header), rule('├', '┼', '┤')];
  body.forEach((rowLines, i) => {
    if (i > 0 && separateRows) lines.push(rule('├', '┼', '┤'));
    pushAll(lines, rowLines);
  });
  lines.push(rule('└', '┴', '┘'));
  return lines;
}
