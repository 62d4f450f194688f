import { textWidth } from '../render/longText.js';
import type { PostEntry } from '../content/postEntry.js';
import { formatDate } from '../content/dates.js';
import { minutesText, wordsText } from '../content/postMeta.js';
import { escapeJsonText, sanitizeLine } from '../content/sanitize.js';
import { truncateToWidth } from '../tui/textFit.js';

function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - textWidth(text)));
}

/** Columns after the title on a terminal, most useful first: each is shown only when it fits. */
const FITTED_ORDER = [1, 2, 3, 0] as const;
/** The title keeps at least this many columns (or its whole width) before another column is added. */
const MIN_TITLE = 30;

/**
 * `blog-tui list` on a terminal `width` columns wide: the title first, then date, reading
 * time, words and slug, as many as fit beside a title of at least 30 columns.
 */
function fittedTable(header: string[], rows: string[][], width: number): string {
  const all = [header, ...rows];
  const widths = header.map((_, c) => all.reduce((widest, r) => Math.max(widest, textWidth(r[c]!)), 0));
  const titleColumn = header.length - 1;
  const titleWant = Math.min(widths[titleColumn]!, MIN_TITLE);
  const shown: number[] = [];
  let used = 0;
  for (const c of FITTED_ORDER) {
    if (width - (used + widths[c]! + 2) >= titleWant) {
      shown.push(c);
      used += widths[c]! + 2;
    }
  }
  shown.sort((a, b) => a - b);
  const titleWidth = Math.max(1, Math.min(widths[titleColumn]!, width - used));
  const right = new Set([1, 2]);
  const lines = all.map((r) =>
    [padEnd(truncateToWidth(r[titleColumn]!, titleWidth), titleWidth), ...shown.map((c) => (right.has(c) ? r[c]!.padStart(widths[c]!) : padEnd(r[c]!, widths[c]!)))]
      .join('  ')
      .trimEnd(),
  );
  return lines.map((l) => truncateToWidth(l, width)).join('\n') + '\n';
}

/**
 * `blog-tui list`: one line a post. On a terminal (`width` given) the title comes first and
 * the other columns follow as they fit; piped, every column in a fixed order for scripts.
 */
export function listTable(posts: readonly PostEntry[], width?: number): string {
  const rows = posts.map((p) => [
    formatDate(p.date),
    minutesText(p),
    wordsText(p),
    sanitizeLine(p.slug),
    sanitizeLine(p.title),
  ]);
  const header = ['DATE', 'TIME', 'WORDS', 'SLUG', 'TITLE'];
  if (width) return fittedTable(header, rows, width);
  const all = [header, ...rows];
  const widths = header.map((_, c) => all.reduce((widest, r) => Math.max(widest, textWidth(r[c]!)), 0));
  const right = new Set([1, 2]);
  const lines = all.map((r) =>
    r
      .map((cell, c) => (c === r.length - 1 ? cell : right.has(c) ? cell.padStart(widths[c]!) : padEnd(cell, widths[c]!)))
      .join('  '),
  );
  return lines.join('\n') + '\n';
}

/** `blog-tui list --json`: the index entries as a JSON array. */
export function listJson(posts: readonly PostEntry[]): string {
  return escapeJsonText(JSON.stringify(posts, null, 2)) + '\n';
}
