import stringWidth from 'string-width';
import type { PostEntry } from '../content/postEntry.js';
import { formatDate } from '../content/dates.js';
import { groupDigits } from '../content/postMeta.js';
import { escapeJsonText, sanitizeLine } from '../content/sanitize.js';
import { truncateToWidth } from '../tui/textFit.js';

function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - stringWidth(text)));
}

/** `blog-tui list`: one line a post, in columns; cut to `width` when it is given. */
export function listTable(posts: readonly PostEntry[], width?: number): string {
  const rows = posts.map((p) => [
    formatDate(p.date),
    `${p.readingMinutes} min`,
    `${groupDigits(p.words)} words`,
    sanitizeLine(p.slug),
    sanitizeLine(p.title),
  ]);
  const header = ['DATE', 'TIME', 'WORDS', 'SLUG', 'TITLE'];
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((r) => stringWidth(r[c]!))));
  const right = new Set([1, 2]);
  const lines = all.map((r) =>
    r
      .map((cell, c) => (c === r.length - 1 ? cell : right.has(c) ? cell.padStart(widths[c]!) : padEnd(cell, widths[c]!)))
      .join('  '),
  );
  return lines.map((l) => (width ? truncateToWidth(l, width) : l)).join('\n') + '\n';
}

/** `blog-tui list --json`: the index entries as a JSON array. */
export function listJson(posts: readonly PostEntry[]): string {
  return escapeJsonText(JSON.stringify(posts, null, 2)) + '\n';
}
