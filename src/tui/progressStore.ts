import type { ReadingStore } from '../state/readingStore.js';
import { formerKeys } from '../content/postIdentity.js';
import type { PostEntry } from '../content/postEntry.js';
import type { PostProgress } from './state/progress.js';

/** Where reading progress is kept between runs; the app only loads and saves through this. */
export interface ProgressStore {
  /**
   * The saved progress of the given posts of one collection, by URL path; state saved by
   * earlier versions under a post's slug is carried over to its URL path first.
   */
  load(sourceId: string, posts: readonly PostEntry[]): Record<string, PostProgress>;
  /** The saved progress of some of a collection's posts, as it stands (nothing carried over). */
  peek(sourceId: string, posts: readonly PostEntry[]): Record<string, PostProgress>;
  /** Records a change of the post with this URL path; written out in batches. */
  save(sourceId: string, url: string, progress: PostProgress): void;
  /** Writes everything now (on quit and on signals). */
  flush(): void;
}

/** Keeps progress for this run only (`--no-state`, tests). */
export function memoryProgressStore(): ProgressStore {
  const saved = new Map<string, PostProgress>();
  const load = (sourceId: string, posts: readonly PostEntry[]) =>
    Object.fromEntries(posts.flatMap(({ url }) => {
      const p = saved.get(`${sourceId}\u0000${url}`);
      return p ? [[url, p]] : [];
    }));
  return {
    load,
    peek: load,
    save: (sourceId, slug, progress) => void saved.set(`${sourceId}\u0000${slug}`, progress),
    flush: () => undefined,
  };
}

/** The reading state file (src/state/readingStore.ts) as the app's progress store. */
export function fileProgressStore(store: ReadingStore): ProgressStore {
  const peek = (sourceId: string, posts: readonly PostEntry[]) => {
    // No prototype: a post such as `__proto__` is an ordinary key.
    const loaded: Record<string, PostProgress> = Object.create(null);
    for (const { url } of posts) {
      const saved = store.get(sourceId, url);
      if (!saved) continue;
      loaded[url] = {
        read: saved.read,
        percent: saved.percent ?? 0,
        bookmarked: saved.bookmarked,
        ...(saved.position ? { position: saved.position } : {}),
      };
    }
    return loaded;
  };
  return {
    load: (sourceId, posts) => {
      for (const { from, to } of formerKeys(posts)) store.carryOver(sourceId, from, to);
      return peek(sourceId, posts);
    },
    peek,
    save: (sourceId, slug, progress) => {
      store.update(sourceId, slug, { read: progress.read, percent: progress.percent, bookmarked: progress.bookmarked, position: progress.position });
    },
    flush: () => store.flush(),
  };
}
