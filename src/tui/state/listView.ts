import type { PostEntry } from '../../content/postEntry.js';
import { fuzzyMatch } from '../../content/fuzzy.js';
import { foldCase } from '../../content/textSearch.js';
import { pushAll } from '../../content/arrays.js';
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

let titleCollator: Intl.Collator | undefined;
/** Built on first use (sorting by title): a collator costs milliseconds to build at start-up. */
const BY_TITLE = { compare: (a: string, b: string) => (titleCollator ??= new Intl.Collator('en', { sensitivity: 'base' })).compare(a, b) };

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

/** Each post's title, tags and summary in lower case (offsets kept), made once per post list. */
interface FoldedPost {
  title: string;
  tags: string[];
  summary: string;
}

const foldedCache = new WeakMap<readonly PostEntry[], FoldedPost[]>();

function foldedPosts(posts: readonly PostEntry[]): FoldedPost[] {
  let folded = foldedCache.get(posts);
  if (!folded) {
    const titles = displayTitles(posts);
    folded = posts.map((post, i) => ({ title: foldCase(titles[i]!), tags: post.tags.map(foldCase), summary: foldCase(post.summary) }));
    foldedCache.set(posts, folded);
  }
  return folded;
}

/**
 * How well a post matches the filter, best first: the text as a whole word of the title (0),
 * at the start of a title word (1), in a tag or the summary (2), the title's letters in order
 * (3, fuzzy); null when none. Ties keep the list's order. `q` is the filter folded to lower case.
 */
function rankPost(folded: FoldedPost, title: string, query: string, q: string, runs: Map<number, number[]>): { tier: number; positions?: number[] } | null {
  const hit = titleHit(folded.title, q);
  if (hit) {
    // Titles that match at the same place share one array of positions.
    let positions = runs.get(hit.at);
    if (!positions) {
      positions = Array.from({ length: q.length }, (_, i) => hit.at + i);
      runs.set(hit.at, positions);
    }
    return { tier: hit.tier, positions };
  }
  if (folded.tags.some((tag) => tag.includes(q)) || folded.summary.includes(q)) return { tier: 2 };
  const fuzzy = fuzzyMatch(query, title, folded.title);
  return fuzzy ? { tier: 3, positions: fuzzy.positions } : null;
}

const TIERS = 4;

/** What the ranking of the list depends on: everything but the body search. */
export type RankQuery = Omit<ViewQuery, 'bodyHits' | 'bodyQuery'>;

/** The posts that pass the tag and bookmark view in the chosen order, and those the filter ranks. */
export interface Ranking {
  candidates: number[];
  ranked: ViewEntry[];
  /** 1 for each post index in `ranked`. */
  isRanked: Uint8Array;
}

export interface RankingBuild {
  /** Ranks posts until the clock passes `until` (performance.now()); the ranking once every post is done. */
  step(until: number): Ranking | undefined;
}

/** Posts between two looks at the clock. */
const RANK_CHUNK = 512;

/**
 * The ranking of the list for a query, built in steps: the list filter over tens of thousands of
 * posts runs in slices between keys, and a newer filter drops an older one unfinished.
 */
export function rankingBuild(q: RankQuery): RankingBuild {
  const titles = displayTitles(q.posts);
  const candidates: number[] = [];
  q.posts.forEach((post, index) => {
    if (q.tag !== null && !post.tags.some((t) => tagKey(t) === q.tag)) return;
    if (q.bookmarked && !q.bookmarked.has(post.url)) return;
    candidates.push(index);
  });
  // Posts arrive newest first (every index is sorted so): only other orders need a sort.
  if (q.sort !== 'newest') candidates.sort(comparator(q.posts, q.sort));
  const isRanked = new Uint8Array(q.posts.length);
  const filter = q.filter.trim();
  if (filter === '') {
    for (const index of candidates) isRanked[index] = 1;
    const done: Ranking = { candidates, ranked: candidates.map((index) => ({ index })), isRanked };
    return { step: () => done };
  }
  const tiers: ViewEntry[][] = Array.from({ length: TIERS }, () => []);
  const folded = foldedPosts(q.posts);
  const lowerFilter = foldCase(filter);
  const runs = new Map<number, number[]>();
  let next = 0;
  let done: Ranking | undefined;
  return {
    step(until) {
      while (!done && next < candidates.length) {
        const stop = Math.min(candidates.length, next + RANK_CHUNK);
        for (; next < stop; next++) {
          const index = candidates[next]!;
          const rank = rankPost(folded[index]!, titles[index]!, filter, lowerFilter, runs);
          if (!rank) continue;
          tiers[rank.tier]!.push(rank.positions ? { index, titleMatches: rank.positions } : { index });
          isRanked[index] = 1;
        }
        if (performance.now() >= until) break;
      }
      if (!done && next >= candidates.length) {
        const ranked: ViewEntry[] = [];
        for (const tier of tiers) pushAll(ranked, tier);
        done = { candidates, ranked, isRanked };
      }
      return done;
    },
  };
}

/** The list from a ranking: the ranked posts, then those found by their text (in list order). */
export function viewOf(ranking: Ranking, q: ViewQuery): ViewEntry[] {
  const filter = q.filter.trim();
  if (filter === '' || q.bodyQuery !== filter || q.bodyHits.size === 0) return ranking.ranked;
  const view = ranking.ranked.slice();
  for (const index of ranking.candidates) {
    if (ranking.isRanked[index] === 0 && q.bodyHits.has(index)) view.push({ index, snippet: q.bodyHits.get(index)! });
  }
  return view;
}

export function buildView(q: ViewQuery): ViewEntry[] {
  return viewOf(rankingBuild(q).step(Infinity)!, q);
}

function sameRanking(a: RankQuery, b: RankQuery): boolean {
  return a.posts === b.posts && a.filter === b.filter && a.sort === b.sort && a.tag === b.tag && a.bookmarked === b.bookmarked;
}

export interface MemoizedView {
  (q: ViewQuery): ViewEntry[];
  /** A ranking built elsewhere (in slices) for `q`, used instead of ranking again. */
  prime(q: RankQuery, ranking: Ranking): void;
}

/** buildView, remembered for the last query so that keys which change nothing cost nothing. */
export function memoizedView(): MemoizedView {
  let lastRank: RankQuery | undefined;
  let ranking: Ranking | undefined;
  let last: ViewQuery | undefined;
  let result: ViewEntry[] = [];
  const view = (q: ViewQuery) => {
    if (!lastRank || !ranking || !sameRanking(lastRank, q)) {
      ranking = rankingBuild(q).step(Infinity)!;
      lastRank = q;
      last = undefined;
    }
    if (!last || last.bodyHits !== q.bodyHits || last.bodyQuery !== q.bodyQuery || last.filter !== q.filter) {
      result = viewOf(ranking, q);
      last = q;
    }
    return result;
  };
  view.prime = (q: RankQuery, built: Ranking) => {
    lastRank = q;
    ranking = built;
    last = undefined;
  };
  return view;
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
