import type { PostEntry } from './postEntry.js';

export type SlugMatch =
  | { kind: 'found'; entry: PostEntry }
  | { kind: 'ambiguous'; candidates: string[] }
  | { kind: 'unknown'; closest: string[] };

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * Edits that turn `a` into some part of `b` (free to start and end anywhere in b): how far a
 * short query is from the best place in a long slug ("elastik" is 1 from "elasticsearch-…").
 */
function partDistance(a: string, b: string): number {
  let previous: number[] = Array.from({ length: b.length + 1 }, () => 0);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return Math.min(...previous);
}

/** The slugs nearest to what was typed, nearest first: by the best-matching part, then by the whole. */
export function closestSlugs(query: string, posts: readonly PostEntry[], count = 3): string[] {
  const q = query.toLowerCase().slice(0, 200);
  return posts
    .map((p) => {
      const slug = p.slug.toLowerCase().slice(0, 200);
      return { slug: p.slug, part: partDistance(q, slug), d: editDistance(q, slug) };
    })
    .sort((a, b) => a.part - b.part || a.d - b.d || a.slug.localeCompare(b.slug))
    .slice(0, count)
    .map((x) => x.slug);
}

/** Resolves a slug given in full, or as a unique prefix, or as a unique substring. */
export function findPost(query: string, posts: readonly PostEntry[]): SlugMatch {
  const q = query.toLowerCase();
  const exact = posts.find((p) => p.slug.toLowerCase() === q);
  if (exact) return { kind: 'found', entry: exact };
  if (q !== '') {
    for (const test of [(s: string) => s.startsWith(q), (s: string) => s.includes(q)]) {
      const hits = posts.filter((p) => test(p.slug.toLowerCase()));
      if (hits.length === 1) return { kind: 'found', entry: hits[0]! };
      if (hits.length > 1) return { kind: 'ambiguous', candidates: hits.map((p) => p.slug) };
    }
  }
  return { kind: 'unknown', closest: closestSlugs(query, posts) };
}
