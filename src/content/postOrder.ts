import type { PostEntry } from './postEntry.js';
import { dateSortKey } from './dates.js';

/** One collator for every comparison: localeCompare with a locale builds one per call. */
const ENGLISH = new Intl.Collator('en');

/** Newest first; posts without a date last; equal dates by link title (else title), then file, as Hugo orders pages. */
export function comparePosts(a: PostEntry, b: PostEntry): number {
  const byDate = dateSortKey(b.date) - dateSortKey(a.date);
  if (byDate !== 0 && !Number.isNaN(byDate)) return byDate;
  return ENGLISH.compare(a.linkTitle ?? a.title, b.linkTitle ?? b.title) || ENGLISH.compare(a.file, b.file);
}
