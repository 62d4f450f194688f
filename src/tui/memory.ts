// Memory the main thread no longer uses, given back before the app's worker threads start.
import { setFlagsFromString } from 'node:v8';

/**
 * Lists from this many posts on are followed by a full garbage collection once they are loaded.
 * Reading a large index cache leaves its text (tens of megabytes for 50,000 posts) and the
 * records it was parsed into as garbage in the old generation; V8 starts no full collection
 * before the heap reaches a limit far above that, so it would stay resident, with the layout and
 * folder-check threads' heaps added on top, for the whole session.
 */
export const COLLECT_FROM_POSTS = 5_000;

let collect: (() => void) | undefined;

/**
 * Runs a full garbage collection now (a few tens of milliseconds for a large list). Node exposes
 * V8's collector only behind the `--expose-gc` flag: the flag is set here, and the function it
 * installs is taken from a context made after it.
 */
export async function collectGarbage(): Promise<void> {
  if (!collect) {
    const { runInNewContext } = await import('node:vm');
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  }
  collect();
}
