import type { PostEntry } from './postEntry.js';
import { dateSortKey } from './dates.js';

/**
 * One collator for every comparison (localeCompare with a locale builds one per call), built on
 * first use: it takes longer to build than a list's first frame, and only posts of the same date
 * need it.
 */
let collator: Intl.Collator | undefined;
const ENGLISH = { compare: (a: string, b: string) => (collator ??= new Intl.Collator('en')).compare(a, b) };

/** Newest first; posts without a date last; equal dates by link title (else title), then file, as Hugo orders pages. */
export function comparePosts(a: PostEntry, b: PostEntry): number {
  const byDate = dateSortKey(b.date) - dateSortKey(a.date);
  if (byDate !== 0 && !Number.isNaN(byDate)) return byDate;
  return ENGLISH.compare(a.linkTitle ?? a.title, b.linkTitle ?? b.title) || ENGLISH.compare(a.file, b.file);
}

/**
 * Sorts posts in place in comparePosts' order, parsing each post's date once: a folder of
 * 50,000 posts is sorted without parsing dates in every comparison.
 */
export function sortPosts<T extends PostEntry>(posts: T[]): T[] {
  const keyed = posts.map((post) => ({ post, key: dateSortKey(post.date) }));
  keyed.sort((a, b) => {
    const byDate = b.key - a.key;
    if (byDate !== 0 && !Number.isNaN(byDate)) return byDate;
    return ENGLISH.compare(a.post.linkTitle ?? a.post.title, b.post.linkTitle ?? b.post.title) || ENGLISH.compare(a.post.file, b.post.file);
  });
  for (let i = 0; i < keyed.length; i++) posts[i] = keyed[i]!.post;
  return posts;
}
