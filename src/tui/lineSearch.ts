import stripAnsi from 'strip-ansi';
import { lineQuery, matchLine, type LineMatch } from '../content/textSearch.js';

/**
 * The reader's search over the lines of a laid-out post, in slices of a few milliseconds so that
 * a key or a signal never waits for it: a post of megabytes is searched while the next key is
 * already being read, and a newer query cancels the older one.
 */

const plainCache = new WeakMap<readonly string[], string[]>();

/** A laid-out line without its styles, made on first use and kept with the post's lines. */
export function plainLine(lines: readonly string[], index: number): string {
  let plain = plainCache.get(lines);
  if (!plain) {
    plain = [];
    plainCache.set(lines, plain);
  }
  let text = plain[index];
  if (text === undefined) {
    text = stripAnsi(lines[index] ?? '');
    plain[index] = text;
  }
  return text;
}

const SLICE_MS = 8;
/** Lines between two looks at the clock; a line is at most a screen wide. */
const CHECK_EVERY = 256;

export interface LineSearch {
  /** True when every line was searched before `searchLines` returned (and `done` was called). */
  finished: boolean;
  cancel(): void;
}

/**
 * Searches the lines for `query` (smart case), calling `done` with every match in reading order:
 * at once when the first slice reaches the end, else from a later turn of the event loop.
 */
export function searchLines(lines: readonly string[], query: string, done: (matches: LineMatch[]) => void): LineSearch {
  const q = lineQuery(query);
  const matches: LineMatch[] = [];
  let next = 0;
  let cancelled = false;
  const search: LineSearch = {
    finished: false,
    cancel: () => {
      cancelled = true;
    },
  };
  const slice = (): boolean => {
    const until = performance.now() + SLICE_MS;
    while (next < lines.length) {
      const stop = Math.min(lines.length, next + CHECK_EVERY);
      for (; next < stop; next++) matchLine(q, plainLine(lines, next), next, matches);
      if (performance.now() >= until) break;
    }
    return next >= lines.length;
  };
  const step = () => {
    if (cancelled) return;
    if (slice()) done(matches);
    else setTimeout(step, 0);
  };
  if (q.text === '' || slice()) {
    search.finished = true;
    done(matches);
  } else {
    setTimeout(step, 0);
  }
  return search;
}
