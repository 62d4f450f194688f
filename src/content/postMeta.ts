import { formatDate } from './dates.js';
import type { PostEntry } from './postEntry.js';

const NUMBER = new Intl.NumberFormat('en-US');

/** "March 3, 2026 · 4 min · 716 words": the figures shown for a post everywhere. */
export function postMeta(entry: PostEntry): string {
  return `${formatDate(entry.date)} · ${entry.readingMinutes} min · ${NUMBER.format(entry.words)} words`;
}
