import type { PostEntry } from '../../content/postEntry.js';
import { fuzzyMatch } from '../../content/fuzzy.js';
import { sanitizeLine } from '../../content/sanitize.js';
import { comparePosts } from '../../content/postOrder.js';
import { dateSortKey } from '../../content/dates.js';
import type { SortOrder } from '../../content/sortOrders.js';

export { SORT_ORDERS, type SortOrder } from '../../content/sortOrders.js';

/** The list as shown: the posts that pass the filter, tag and bookmark view, in the chosen order. */
export const SORT_LABELS: Record<SortOrder, string> = {
  newest: 'newest first',
  oldest: 'oldest first',
  shortest: 'shortest first',
  longest: 'longest first',
  title: 'by title',
};

export interface ViewEntry {
  /** Index into the posts. */
  index: number;
  /** Matched characters of the (sanitized) title, for highlighting. */
  titleMatches?: number[];
  /** The matching line of the body, for posts found by their text. */
  snippet?: string;
}

export interface ViewQuery {
  posts: readonly PostEntry[];
  filter: string;
  /** Snippets of posts whose body contains `bodyQuery`, by post index. */
  bodyHits: ReadonlyMap<number, string>;
  bodyQuery: string;
  sort: SortOrder;
  tag: string | null;
  bookmarked: ReadonlySet<string> | null;
}

const titleCache = new WeakMap<readonly PostEntry[], string[]>();

/** Titles as shown (sanitized), computed once per post list. */
export function displayTitles(posts: readonly PostEntry[]): string[] {
  let titles = titleCache.get(posts);
  if (!titles) {
    titles = posts.map((p) => sanitizeLine(p.title));
    titleCache.set(posts, titles);
  }
  return titles;
}

function hasDate(post: PostEntry): boolean {
  return Number.isFinite(dateSortKey(post.date));
}

const BY_TITLE = new Intl.Collator('en', { sensitivity: 'base' });

function comparator(posts: readonly PostEntry[], sort: SortOrder): (a: number, b: number) => number {
  const p = (i: number) => posts[i]!;
  switch (sort) {
    case 'newest':
      return (a, b) => comparePosts(p(a), p(b));
    case 'oldest':
      // Oldest first, and posts without a date still last.
      return (a, b) => Number(!hasDate(p(a))) - Number(!hasDate(p(b))) || comparePosts(p(b), p(a));
    case 'shortest':
      return (a, b) => p(a).words - p(b).words || comparePosts(p(a), p(b));
    case 'longest':
      return (a, b) => p(b).words - p(a).words || comparePosts(p(a), p(b));
    case 'title':
      return (a, b) => BY_TITLE.compare(displayTitles(posts)[a]!, displayTitles(posts)[b]!) || a - b;
  }
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Where the filter text stands in a title: as a whole word (0), at the start of a word (1), or not at all. */
function titleHit(lower: string, q: string): { tier: 0 | 1; at: number } | null {
  let prefix: number | null = null;
  for (let at = lower.indexOf(q); at >= 0; at = lower.indexOf(q, at + 1)) {
    const starts = at === 0 || !WORD_CHAR.test(lower[at - 1]!);
    if (!starts) continue;
    const end = at + q.length;
    if (end === lower.length || !WORD_CHAR.test(lower[end]!)) return { tier: 0, at };
    prefix ??= at;
  }
  return prefix === null ? null : { tier: 1, at: prefix };
}

/**
 * How well a post matches the filter, best first: the text as a whole word of the title (0),
 * at the start of a title word (1), in a tag or the summary (2), the title's letters in order
 * (3, fuzzy); null when none. Ties keep the list's order.
 */
function rankPost(post: PostEntry, title: string, query: string): { tier: number; positions?: number[] } | null {
  const q = query.toLowerCase();
  const hit = titleHit(title.toLowerCase(), q);
  if (hit) return { tier: hit.tier, positions: Array.from({ length: q.length }, (_, i) => hit.at + i) };
  if (post.tags.some((tag) => tag.toLowerCase().includes(q)) || post.summary.toLowerCase().includes(q)) return { tier: 2 };
  const fuzzy = fuzzyMatch(query, title);
  return fuzzy ? { tier: 3, positions: fuzzy.positions } : null;
}

const TIERS = 4;

export function buildView(q: ViewQuery): ViewEntry[] {
  const titles = displayTitles(q.posts);
  const order = comparator(q.posts, q.sort);
  const candidates: number[] = [];
  q.posts.forEach((post, index) => {
    if (q.tag !== null && !post.tags.some((t) => tagKey(t) === q.tag)) return;
    if (q.bookmarked && !q.bookmarked.has(post.url)) return;
    candidates.push(index);
  });
  // Posts arrive newest first (every index is sorted so): only other orders need a sort.
  if (q.sort !== 'newest') candidates.sort(order);
  const filter = q.filter.trim();
  if (filter === '') return candidates.map((index) => ({ index }));
  const tiers: ViewEntry[][] = Array.from({ length: TIERS }, () => []);
  const byBody: ViewEntry[] = [];
  for (const index of candidates) {
    const rank = rankPost(q.posts[index]!, titles[index]!, filter);
    if (rank) {
      tiers[rank.tier]!.push(rank.positions ? { index, titleMatches: rank.positions } : { index });
    } else if (q.bodyQuery === filter && q.bodyHits.has(index)) {
      byBody.push({ index, snippet: q.bodyHits.get(index)! });
    }
  }
  return [...tiers.flat(), ...byBody];
}

/** buildView, remembered for the last query so that keys which change nothing cost nothing. */
export function memoizedView(): (q: ViewQuery) => ViewEntry[] {
  let last: ViewQuery | undefined;
  let result: ViewEntry[] = [];
  return (q) => {
    if (
      !last ||
      last.posts !== q.posts ||
      last.filter !== q.filter ||
      last.bodyHits !== q.bodyHits ||
      last.bodyQuery !== q.bodyQuery ||
      last.sort !== q.sort ||
      last.tag !== q.tag ||
      last.bookmarked !== q.bookmarked
    ) {
      result = buildView(q);
      last = q;
    }
    return result;
  };
}

/**
 * The identity of a tag as Hugo gives it (its urlize of the term): lower case, spaces as
 * hyphens, and only letters, digits, marks and `._/#+~-` kept; so "Edge Computing",
 * "edge computing" and "edge-computing" are one tag.
 */
export function tagKey(tag: string): string {
  return tag
    .normalize('NFC')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/gu, '-')
    .replace(/[^\p{L}\p{N}\p{M}._/#+~-]/gu, '');
}

/** Every tag (one per key, named as it was first written) with the number of posts that carry it, most used first. */
export function tagCounts(posts: readonly PostEntry[]): Array<{ tag: string; key: string; count: number }> {
  const tags = new Map<string, { tag: string; key: string; count: number }>();
  for (const post of posts) {
    for (const key of new Set(post.tags.map(tagKey))) {
      const known = tags.get(key);
      if (known) known.count++;
      else tags.set(key, { tag: post.tags.find((t) => tagKey(t) === key)!, key, count: 1 });
    }
  }
  return [...tags.values()].sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
}
