import { snippetOf } from '../content/textSearch.js';
import { stripTags } from '../content/htmlText.js';
import type { PostSource } from './postSource.js';

/** Bodies kept in memory for searching, up to a budget; the rest are read again each search. */
export class BodyCache {
  private readonly bodies = new Map<number, string>();
  private size = 0;
  constructor(
    private readonly source: PostSource,
    private readonly budget = 64 * 1024 * 1024,
  ) {}

  get(index: number): string | undefined {
    const hit = this.bodies.get(index);
    if (hit !== undefined) return hit;
    let body: string;
    try {
      body = this.source.readBody(this.source.posts[index]!);
      if (this.source.bodyFormat === 'html') body = stripTags(body);
    } catch {
      return undefined;
    }
    if (this.size + body.length <= this.budget) {
      this.bodies.set(index, body);
      this.size += body.length;
    }
    return body;
  }
}

export const MIN_BODY_QUERY = 2;
const SLICE_MS = 8;

/**
 * Searches every post's body for `query` in slices of a few milliseconds, so typing never
 * waits for it; reports the hits found so far after each slice. Returns a cancel function.
 */
export function searchBodies(cache: BodyCache, count: number, query: string, report: (hits: Map<number, string>, done: boolean) => void): () => void {
  let cancelled = false;
  let next = 0;
  const hits = new Map<number, string>();
  const step = () => {
    if (cancelled) return;
    const until = performance.now() + SLICE_MS;
    const before = hits.size;
    while (next < count && performance.now() < until) {
      const index = next++;
      const body = cache.get(index);
      const snippet = body === undefined ? null : snippetOf(body, query);
      if (snippet !== null) hits.set(index, snippet);
    }
    const done = next >= count;
    if (hits.size !== before || done) report(new Map(hits), done);
    if (!done) setTimeout(step, 0);
  };
  setTimeout(step, 0);
  return () => {
    cancelled = true;
  };
}
