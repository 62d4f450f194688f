// The start of a piped `read`, before anything of the read itself is loaded: its command line
// (quickArgs.ts), then the read's bundle (dist/quick-read.cjs) compiled from V8's code cache
// of its kind (codeCache.ts). Built into the entry (dist/blog-tui.js), a CommonJS file: nothing
// more to open before the bundle.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadBundle } from './codeCache.js';
import { pauseOptimizingCompiler } from './optimizingCompiler.js';
import { quickReadKind, quickReadOf, type QuickRead } from './quickArgs.js';

/** Runs `argv` as a piped `read` when it is one (the exit code), else undefined: the parser takes it. */
export async function quickRead(argv: readonly string[]): Promise<number | undefined> {
  const read = quickReadOf(argv);
  if (!read) return undefined;
  const bundle = fileURLToPath(new URL('./quick-read.cjs', import.meta.url));
  if (!existsSync(bundle)) {
    // Run from the sources (no bundle built).
    const { runQuickRead } = await import('./quickRead.js');
    return runQuickRead(read);
  }
  pauseOptimizingCompiler();
  const loaded = loadBundle(bundle, quickReadKind(read));
  const code = await (loaded.exports.runQuickRead as (read: QuickRead) => Promise<number>)(read);
  // The cache is made from a read that went through, so it holds what such a read compiles.
  // Under the flags it was loaded with (a long post turned the optimizing compiler back on): V8
  // stamps the cache with them, and takes it only in a process whose flags are the same.
  if (code === 0) {
    pauseOptimizingCompiler();
    loaded.saveCache();
  }
  return code;
}
