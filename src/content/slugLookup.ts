import type { PostEntry } from './postEntry.js';

/** What a lookup needs of a post. */
type Named = Pick<PostEntry, 'slug' | 'url'>;

export type SlugMatch<T extends Named = PostEntry> =
  | { kind: 'found'; entry: T }
  | { kind: 'ambiguous'; candidates: string[] }
  | { kind: 'unknown'; closest: string[] };

/**
 * The last row of the edit-distance table from `a` to `b`. With `anywhere`, the edits may start
 * anywhere in `b` (the first row costs nothing).
 */
function lastRow(a: string, b: string, anywhere: boolean): number[] {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => (anywhere ? 0 : i));
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous;
}

function editDistance(a: string, b: string): number {
  return lastRow(a, b, false)[b.length]!;
}

/**
 * Edits that turn `a` into some part of `b` (free to start and end anywhere in b): how far a
 * short query is from the best place in a long slug ("elastik" is 1 from "elasticsearch-…").
 */
function partDistance(a: string, b: string): number {
  return lastRow(a, b, true).reduce((min, d) => Math.min(min, d), Infinity);
}

/** How a post is named to the user: its slug when no other post has it, else its URL path. */
function names(posts: readonly Named[]): (post: Named) => string {
  const count = new Map<string, number>();
  for (const p of posts) count.set(p.slug, (count.get(p.slug) ?? 0) + 1);
  return (post) => (count.get(post.slug) === 1 ? post.slug : post.url);
}

/** The slugs nearest to what was typed, nearest first: by the best-matching part, then by the whole. */
export function closestSlugs(query: string, posts: readonly Named[], count = 3): string[] {
  const q = query.toLowerCase().slice(0, 200);
  const name = names(posts);
  return posts
    .map((p) => {
      const slug = p.slug.toLowerCase().slice(0, 200);
      return { slug: name(p), part: partDistance(q, slug), d: editDistance(q, slug) };
    })
    .sort((a, b) => a.part - b.part || a.d - b.d || a.slug.localeCompare(b.slug))
    .slice(0, count)
    .map((x) => x.slug);
}

/** A URL path without its leading and trailing slashes, in lower case. */
function bare(path: string): string {
  let start = 0;
  let end = path.length;
  while (start < end && path[start] === '/') start++;
  while (end > start && path[end - 1] === '/') end--;
  return path.slice(start, end).toLowerCase();
}

/**
 * Resolves what the user typed to one post: its URL path (slashes optional), its slug, or a
 * unique prefix of a slug, or a unique part of a slug or URL path.
 */
export function findPost<T extends Named>(query: string, posts: readonly T[]): SlugMatch<T> {
  let found = lastFound.get(posts);
  if (found?.query !== query) {
    found = { query, match: lookUp(query, posts) };
    lastFound.set(posts, found);
  }
  return found.match as SlugMatch<T>;
}

/** The last answer for each list: a command that looks a post up twice pays once. */
const lastFound = new WeakMap<readonly Named[], { query: string; match: SlugMatch<Named> }>();

function lookUp<T extends Named>(query: string, posts: readonly T[]): SlugMatch<T> {
  const q = query.toLowerCase();
  if (q === '') return { kind: 'unknown', closest: closestSlugs(query, posts) };
  let named: ((post: Named) => string) | undefined;
  const name = (post: Named) => (named ??= names(posts))(post);
  const pick = (hits: T[]): SlugMatch<T> | undefined => {
    if (hits.length === 1) return { kind: 'found', entry: hits[0]! };
    if (hits.length > 1) return { kind: 'ambiguous', candidates: hits.map(name) };
    return undefined;
  };
  const tests = [
    ...exactTests<T>(q),
    (p: T) => p.slug.toLowerCase().startsWith(q),
    (p: T) => p.slug.toLowerCase().includes(q) || p.url.toLowerCase().includes(q),
  ];
  for (const test of tests) {
    const match = pick(posts.filter(test));
    if (match) return match;
  }
  return { kind: 'unknown', closest: closestSlugs(query, posts) };
}

/** findPost's first two tests, for the query in lower case: the whole URL path, then the whole slug. */
function exactTests<T extends Named>(q: string): Array<(p: T) => boolean> {
  const path = bare(q);
  return [(p) => path !== '' && bare(p.url) === path, (p) => p.slug.toLowerCase() === q];
}

/**
 * The keys under which a post is found by a whole URL path or a whole slug: posts kept in buckets
 * by these keys (see findExact) are found without reading every post.
 */
export function exactKeys(post: Named): string[] {
  return [bare(post.url), post.slug.toLowerCase()];
}

/** The keys of what the user typed: a post it names wholly has one of them among its exactKeys. */
export function queryKeys(query: string): string[] {
  const q = query.toLowerCase();
  return [bare(q), q];
}

/**
 * The post findPost finds when the query names it wholly (by URL path, else by slug), from
 * `posts` that hold at least every post with one of queryKeys(query) among its exactKeys; null
 * when it names several (findPost calls that ambiguous); undefined when it names none wholly,
 * and findPost goes on to prefixes and parts, which need every post.
 */
export function findExact<T extends Named>(query: string, posts: readonly T[]): T | null | undefined {
  const q = query.toLowerCase();
  if (q === '') return undefined;
  for (const test of exactTests<T>(q)) {
    const hits = posts.filter(test);
    if (hits.length === 1) return hits[0]!;
    if (hits.length > 1) return null;
  }
  return undefined;
}
