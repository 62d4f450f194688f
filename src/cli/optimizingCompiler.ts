// V8's optimizing compiler during a piped `read`. Such a read is over in a few tens of
// milliseconds: the compiler's work, on background threads that the process also waits for when
// it exits, cost more than it saved (a 21 KB post: 6 % of the read's time, 12 % of its processor
// time). A long post, whose layout runs long enough to gain from it, turns it back on.
import { createRequire } from 'node:module';

/** Posts longer than this (in characters) are laid out with the optimizing compiler on. */
export const LONG_POST_CHARS = 200_000;

function setFlag(flag: string): void {
  (createRequire(import.meta.url)('node:v8') as typeof import('node:v8')).setFlagsFromString(flag);
}

/**
 * Turns the optimizing compiler off for a piped read. Called before the read's bundle is compiled
 * from the code cache (cli/codeCache.ts): V8 takes a cache only from a process with the same flags.
 */
export function pauseOptimizingCompiler(): void {
  setFlag('--no-opt');
}

/**
 * Turns the compiler back on for a post of `chars` characters when it is long. (The read's bundle
 * and the entry each hold a copy of this module, so it keeps no state: where the compiler was
 * never paused, turning it on changes nothing.)
 */
export function optimizeLongPost(chars: number): void {
  if (chars > LONG_POST_CHARS) setFlag('--opt');
}
