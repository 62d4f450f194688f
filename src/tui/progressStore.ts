import type { ReadingStore } from '../state/readingStore.js';
import type { PostProgress } from './state/progress.js';

/** Where reading progress is kept between runs; the app only loads and saves through this. */
export interface ProgressStore {
  /** The saved progress of the given posts of one collection, by slug. */
  load(sourceId: string, slugs: readonly string[]): Record<string, PostProgress>;
  /** Records a change; written out in batches. */
  save(sourceId: string, slug: string, progress: PostProgress): void;
  /** Writes everything now (on quit and on signals). */
  flush(): void;
}

/** Keeps progress for this run only (`--no-state`, tests). */
export function memoryProgressStore(): ProgressStore {
  const saved = new Map<string, PostProgress>();
  return {
    load: (sourceId, slugs) => Object.fromEntries(slugs.flatMap((slug) => {
      const p = saved.get(`${sourceId}\u0000${slug}`);
      return p ? [[slug, p]] : [];
    })),
    save: (sourceId, slug, progress) => void saved.set(`${sourceId}\u0000${slug}`, progress),
    flush: () => undefined,
  };
}

/** The reading state file (src/state/readingStore.ts) as the app's progress store. */
export function fileProgressStore(store: ReadingStore): ProgressStore {
  return {
    load: (sourceId, slugs) => {
      const loaded: Record<string, PostProgress> = {};
      for (const slug of slugs) {
        const saved = store.get(sourceId, slug);
        if (!saved) continue;
        loaded[slug] = {
          read: saved.read,
          percent: saved.percent ?? 0,
          bookmarked: saved.bookmarked,
          ...(saved.position ? { position: saved.position } : {}),
        };
      }
      return loaded;
    },
    save: (sourceId, slug, progress) => {
      store.update(sourceId, slug, { read: progress.read, percent: progress.percent, bookmarked: progress.bookmarked, position: progress.position });
    },
    flush: () => store.flush(),
  };
}
