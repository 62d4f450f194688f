// The start of a piped `read` or `list`, before anything of the command itself is loaded: its
// command line (quickArgs.ts), then the bundle both run (dist/quick-read.cjs) compiled from V8's
// code cache of their kind (codeCache.ts). Built into the entry (dist/blog-tui.js), a CommonJS
// file: nothing more to open before the bundle.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadBundle, type LoadedBundle } from './codeCache.js';
import { pauseOptimizingCompiler } from './optimizingCompiler.js';
import { quickListKind, quickListOf, quickReadKind, quickReadOf, type QuickList } from './quickArgs.js';

type QuickBundle = typeof import('./quickRead.js');

/** dist/quick-read.cjs from the code cache of `kind`, or undefined when run from the sources (no bundle built). */
function bundleOf(kind: string): LoadedBundle | undefined {
  const bundle = fileURLToPath(new URL('./quick-read.cjs', import.meta.url));
  return existsSync(bundle) ? loadBundle(bundle, kind) : undefined;
}

/** Runs `argv` as a piped `read` when it is one (the exit code), else undefined: the parser takes it. */
export async function quickRead(argv: readonly string[]): Promise<number | undefined> {
  const read = quickReadOf(argv);
  if (!read) return undefined;
  pauseOptimizingCompiler();
  const loaded = bundleOf(quickReadKind(read));
  const { runQuickRead } = (loaded?.exports ?? (await import('./quickRead.js'))) as QuickBundle;
  const code = await runQuickRead(read);
  // The cache is made from a read that went through, so it holds what such a read compiles.
  // Under the flags it was loaded with (a long post turned the optimizing compiler back on): V8
  // stamps the cache with them, and takes it only in a process whose flags are the same.
  if (code === 0 && loaded) {
    pauseOptimizingCompiler();
    loaded.saveCache();
  }
  return code;
}

/**
 * Runs `argv` as a piped `list` when it is one (the exit code), else undefined. The list of a
 * folder seen for the first time reads every post, for which the optimizing compiler pays; the
 * bundled posts' list is over before it would (as a read is).
 */
export async function quickList(argv: readonly string[]): Promise<number | undefined> {
  const list: QuickList | undefined = quickListOf(argv);
  if (!list) return undefined;
  if (!list.given.posts) pauseOptimizingCompiler();
  const loaded = bundleOf(quickListKind(list));
  const { runQuickList } = (loaded?.exports ?? (await import('./quickRead.js'))) as QuickBundle;
  const code = await runQuickList(list);
  if (code === 0) loaded?.saveCache();
  return code;
}

