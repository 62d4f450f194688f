import { join } from 'node:path';
import { cacheDir, HEAD_POSTS, readCacheObject, readCacheText } from '../cacheFiles.js';
import { sha256Hex } from '../sha256.js';
import { isEntry } from '../postIndexFile.js';
import type { PostEntry } from '../postEntry.js';

/**
 * Where a feed's cached copy lives, and the head of its list: what the list's first screen shows
 * (the number of posts and the first of them, newest first), written beside the copy so that a
 * start paints the list before any module that reads feeds is loaded. Nothing here loads a parser.
 */

/** The format of the copy, its list and its head. */
export const FEED_CACHE_VERSION = 1;
const HEAD_KIND = 'blog-tui feed head';
const HEAD_BYTES = 4 * 1024 * 1024;

export function feedCachePath(address: string, env: NodeJS.ProcessEnv = process.env): string {
  const key = sha256Hex(address).slice(0, 32);
  return join(cacheDir(env), 'feeds', `${key}.json`);
}

/** A file beside the copy, by its ending (`.index.json`, `.head.json`, `.checked`). */
export function besideCopy(address: string, ending: string, env: NodeJS.ProcessEnv): string {
  return `${feedCachePath(address, env).replace(/\.json$/, '')}${ending}`;
}

/** The later of the copy's time and the time it was last confirmed unchanged (a 304 rewrites none of the files). */
export function confirmedAt(address: string, fetchedAt: string, env: NodeJS.ProcessEnv): string {
  const checked = readCacheText(besideCopy(address, '.checked', env), 64, '');
  return checked.text && /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(checked.text) && checked.text > fetchedAt ? checked.text : fetchedAt;
}

/** A post of a feed's list as the cache writes it: an index entry, with the page's address and whether its figures are known. */
export function isFeedEntry(value: unknown): value is PostEntry {
  if (!isEntry(value)) return false;
  const p = value as PostEntry;
  return (p.link === undefined || typeof p.link === 'string') && (p.pending === undefined || typeof p.pending === 'boolean');
}

export interface FeedHead {
  kind: typeof HEAD_KIND;
  version: typeof FEED_CACHE_VERSION;
  address: string;
  title: string;
  /** When the copy was fetched or last confirmed unchanged (ISO 8601). */
  fetchedAt: string;
  /** How many posts the list has. */
  count: number;
  /** The first posts of the list, newest first. */
  posts: PostEntry[];
}

/** The head of a feed's list (posts newest first). */
export function feedHeadOf(list: { address: string; title: string; fetchedAt: string; posts: readonly PostEntry[] }): FeedHead {
  const { address, title, fetchedAt, posts } = list;
  return { kind: HEAD_KIND, version: FEED_CACHE_VERSION, address, title, fetchedAt, count: posts.length, posts: posts.slice(0, HEAD_POSTS) };
}

/** The head of a cached feed's list, or undefined when there is none to trust (never throws). */
export function readFeedHead(address: string, env: NodeJS.ProcessEnv = process.env): FeedHead | undefined {
  const data = readCacheObject<FeedHead>(besideCopy(address, '.head.json', env), HEAD_BYTES);
  if (
    !data || data.kind !== HEAD_KIND || data.version !== FEED_CACHE_VERSION || data.address !== address ||
    typeof data.title !== 'string' || typeof data.fetchedAt !== 'string' || !Number.isSafeInteger(data.count) ||
    !Array.isArray(data.posts) || data.posts.length > data.count! || !data.posts.every(isFeedEntry)
  ) {
    return undefined;
  }
  const head = data as FeedHead;
  head.fetchedAt = confirmedAt(address, head.fetchedAt, env);
  return head;
}
