// What a folder check or a feed's fetch after the first frame finds, held until the app listens.
// Started from the first frame on for the list shown (tuiSetup.ts), so that a large folder's
// check runs while keys are answered before Ink has loaded, not beside Ink's load; the app
// (runTui.tsx) subscribes once it is drawn.
import type { PostEntry } from '../content/postEntry.js';
import { sanitizeLine } from '../content/sanitize.js';
import type { PostSource, SourceUpdate } from './postSource.js';

export interface SourceUpdates {
  source: PostSource;
  /** Hands the app the latest update found so far, and each one after; the function it gives back stops that. */
  subscribe(listen: (update: SourceUpdate) => void): () => void;
}

/**
 * Starts `source.refresh` (after the current task) and keeps what it finds: the posts read so far
 * while a folder is indexed, then the one answer. Lines it has for stderr go to `warnings`, a
 * failure to `warn`. Undefined for a source with nothing to refresh.
 */
export function startSourceUpdates(source: PostSource, signal: AbortSignal, warnings: string[], warn: (line: string) => void): SourceUpdates | undefined {
  const refresh = source.refresh;
  if (!refresh) return undefined;
  let listener: ((update: SourceUpdate) => void) | undefined;
  let found: SourceUpdate | undefined;
  const tell = (update: SourceUpdate) => {
    found = update;
    listener?.(update);
  };
  setImmediate(() => {
    if (signal.aborted) return;
    const partial = (posts: PostEntry[]) => tell({ posts, samePlaces: true });
    refresh(signal, partial).then(
      ({ lines, ...update }) => {
        warnings.push(...lines);
        if (update.posts || update.fetchedAt !== undefined) tell(update);
      },
      (error: unknown) => warn(`blog-tui: the folder could not be checked: ${sanitizeLine(String((error as Error)?.message ?? error))}`),
    );
  });
  return {
    source,
    subscribe(listen) {
      listener = listen;
      if (found) listen(found);
      return () => {
        listener = undefined;
      };
    },
  };
}
