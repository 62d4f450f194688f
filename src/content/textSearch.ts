/** Plain-text search: matches in rendered lines, and a one-line snippet of a post body. */
export interface LineMatch {
  line: number;
  /** UTF-16 offsets in the plain line. */
  start: number;
  end: number;
}

/** Smart case, as less -i and vim's smartcase: a query with a capital letter matches case exactly. */
export function isCaseSensitive(query: string): boolean {
  return /\p{Lu}/u.test(query);
}

/**
 * Lower case that keeps every offset, so a position found in the folded text is the same
 * position in the original. JavaScript's toLowerCase changes the length of one character only,
 * the dotted capital I (`İ` becomes `i` and a combining dot, which shifted every match after it):
 * it is kept as it is. Native and linear, for bodies of megabytes.
 */
export function foldCase(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  return text
    .split('\u0130')
    .map((piece) => piece.toLowerCase())
    .join('\u0130');
}

/** A query ready to be matched line by line: smart case decided once. */
export interface LineQuery {
  exact: boolean;
  /** The query as matched: folded unless exact. */
  text: string;
}

export function lineQuery(query: string): LineQuery {
  const exact = isCaseSensitive(query);
  return { exact, text: exact ? query : foldCase(query) };
}

/** Appends each occurrence of the query in one line to `into`. */
export function matchLine(query: LineQuery, text: string, line: number, into: LineMatch[]): void {
  const q = query.text;
  if (q === '') return;
  const subject = query.exact ? text : foldCase(text);
  for (let at = subject.indexOf(q); at >= 0; at = subject.indexOf(q, at + q.length)) into.push({ line, start: at, end: at + q.length });
}

/** Every occurrence of `query` in the lines, in reading order; case-insensitive unless the query has a capital. */
export function findInLines(lines: readonly string[], query: string): LineMatch[] {
  const q = lineQuery(query);
  const matches: LineMatch[] = [];
  lines.forEach((text, line) => matchLine(q, text, line, matches));
  return matches;
}

/** Characters of a line kept around a match before it is cleaned (bounds the work per post). */
const SNIPPET_WINDOW = 600;

/**
 * A line of Markdown as plain text: no heading, quote or list marks, no table pipes, links and
 * images as their text, no HTML tags, emphasis or code marks. Each pattern is linear, and the
 * line is short.
 */
export function plainMarkdownLine(line: string): string {
  return line
    .replace(/^\s*(?:```+|~~~+)\S*/, '')
    .replace(/^\s*(?:(?:[#>]+|[*+-]|\d+[.)])\s+)+/, '')
    .replace(/^\s*\[[ xX]\]\s+/, '')
    .replace(/\[\^[^\]\s]{1,40}\]/g, '')
    .replace(/!?\[([^\]\n]{0,300})\]\([^)\n]{0,500}\)/g, '$1')
    .replace(/<\/?[A-Za-z][^<>\n]{0,300}>/g, '')
    .replace(/\|/g, ' ')
    .replace(/(?:^|\s):?-{3,}:?(?=\s|$)/g, ' ')
    .replace(/[`*_~]{1,3}/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The line of `body` that contains `query` (case-insensitive) as plain text, cut around the match; or null. */
export function snippetOf(body: string, query: string, maxLength = 120): string | null {
  const q = foldCase(query);
  if (q === '') return null;
  const at = foldCase(body).indexOf(q);
  if (at < 0) return null;
  const lineStart = Math.max(body.lastIndexOf('\n', at) + 1, at - SNIPPET_WINDOW / 2);
  const end = body.indexOf('\n', at);
  const lineEnd = Math.min(end < 0 ? body.length : end, at + SNIPPET_WINDOW / 2);
  const line = plainMarkdownLine(body.slice(lineStart, lineEnd)) || body.slice(lineStart, lineEnd).trim();
  if (line.length <= maxLength) return line;
  const found = line.toLowerCase().indexOf(q);
  const from = Math.max(0, (found < 0 ? 0 : found) - Math.floor(maxLength / 3));
  return (from > 0 ? '…' : '') + line.slice(from, from + maxLength);
}
