// Reading blog-tui's cache files: where they live, whether they can be trusted, and their text or
// JSON object. Small on purpose: a folder's or a feed's first screen is read with it before the
// first frame, before the modules that read or write whole caches load.
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { ReadRefused, readBounded, untrustedReason } from '../state/boundedRead.js';

/** Posts kept in a cache's head (a folder's, a feed's): more than any terminal shows on the list's first screen. */
export const HEAD_POSTS = 100;

/** Why the cache at `path` (or its folder) must not be used, or undefined. */
export function untrustedCache(path: string): string | undefined {
  return untrustedReason(join(path, '..')) ?? untrustedReason(path);
}

/** blog-tui's cache folder: under $XDG_CACHE_HOME, else ~/.cache. */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env.XDG_CACHE_HOME;
  // The XDG spec: a relative path is invalid and is ignored.
  return join(xdg && isAbsolute(xdg) ? xdg : join(env.HOME || homedir(), '.cache'), 'blog-tui');
}

/**
 * The text of a cache file, or why it is not read: a file or folder another user could have
 * written (`untrusted`), one that is not a regular file, or none. Never throws.
 */
export function readCacheText(path: string, limit: number, missing: string): { text: string } | { text?: undefined; reason: string; untrusted?: boolean } {
  const untrusted = untrustedCache(path);
  if (untrusted) return { reason: `the cache is not used: ${untrusted}`, untrusted: true };
  try {
    // Buffer's decoder (invalid bytes replaced) is several times faster than TextDecoder on a
    // cache of many megabytes; what it gives is checked record by record after.
    return { text: readBounded(path, limit).toString('utf8') };
  } catch (error) {
    if (error instanceof ReadRefused) return { reason: `the cache ${path} is not used: ${error.message}`, untrusted: true };
    const code = (error as NodeJS.ErrnoException).code;
    return { reason: code === 'ENOENT' ? missing : `cannot read the cache (${code ?? 'error'})` };
  }
}

/** A JSON object read from a cache file, or undefined when it is missing, unreadable, untrusted or not an object. Never throws. */
export function readCacheObject<T>(path: string, limit: number): Partial<T> | undefined {
  const read = readCacheText(path, limit, 'missing');
  if (read.text === undefined) return undefined;
  try {
    const data = JSON.parse(read.text) as unknown;
    return typeof data === 'object' && data !== null ? (data as Partial<T>) : undefined;
  } catch {
    return undefined;
  }
}
