import { formatDate } from './dates.js';
import type { PostEntry } from './postEntry.js';

/** 2958 -> "2,958" (an Intl.NumberFormat costs milliseconds to create at start-up). */
export function groupDigits(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** "March 3, 2026 · 4 min · 716 words": the figures shown for a post everywhere. */
export function postMeta(entry: PostEntry): string {
  return `${formatDate(entry.date)} · ${minutesText(entry)} · ${wordsText(entry)}`;
}

/**
 * The figures and, for a feed's post, its web address: the reader's header line. `note` (when
 * the feed's copy was fetched) comes before the address, which is the part cut on a narrow screen.
 */
export function postHeader(entry: PostEntry, note?: string): string {
  const meta = note ? `${postMeta(entry)} · ${note}` : postMeta(entry);
  return entry.link ? `${meta} · ${entry.link}` : meta;
}

/** "4 min", or "? min" for a post whose text is not known yet (pending). */
export function minutesText(entry: PostEntry): string {
  return `${entry.pending ? '?' : entry.readingMinutes} min`;
}

/** "716 words", or "? words" for a post whose text is not known yet (pending). */
export function wordsText(entry: PostEntry): string {
  return `${entry.pending ? '?' : groupDigits(entry.words)} words`;
}
