import { formatDate } from './dates.js';
import type { PostEntry } from './postEntry.js';

/** 2958 -> "2,958" (an Intl.NumberFormat costs milliseconds to create at start-up). */
export function groupDigits(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** "March 3, 2026 · 4 min · 716 words": the figures shown for a post everywhere. */
export function postMeta(entry: PostEntry): string {
  return `${formatDate(entry.date)} · ${entry.readingMinutes} min · ${groupDigits(entry.words)} words`;
}
