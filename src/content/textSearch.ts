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

/** Every occurrence of `query` in the lines, in reading order; case-insensitive unless the query has a capital. */
export function findInLines(lines: readonly string[], query: string): LineMatch[] {
  const exact = isCaseSensitive(query);
  const q = exact ? query : query.toLowerCase();
  if (q === '') return [];
  const matches: LineMatch[] = [];
  lines.forEach((text, line) => {
    const lower = exact ? text : text.toLowerCase();
    for (let at = lower.indexOf(q); at >= 0; at = lower.indexOf(q, at + q.length)) {
      matches.push({ line, start: at, end: at + q.length });
    }
  });
  return matches;
}

/** The line of `body` that contains `query` (case-insensitive), trimmed around the match; or null. */
export function snippetOf(body: string, query: string, maxLength = 120): string | null {
  const q = query.toLowerCase();
  if (q === '') return null;
  const at = body.toLowerCase().indexOf(q);
  if (at < 0) return null;
  const lineStart = body.lastIndexOf('\n', at) + 1;
  const lineEnd = body.indexOf('\n', at);
  let line = body.slice(lineStart, lineEnd < 0 ? body.length : lineEnd);
  let offset = at - lineStart;
  if (line.length > maxLength) {
    const from = Math.max(0, offset - Math.floor(maxLength / 3));
    line = (from > 0 ? '…' : '') + line.slice(from, from + maxLength);
    offset -= from;
  }
  // Markdown syntax around the words is noise in a one-line snippet.
  return line.replace(/^\s*(?:[#>*+-]+|\d+\.|```\w*)\s*/, '').replace(/[`*_]{1,3}/g, '').replace(/\s+/g, ' ').trim() || line.trim();
}
