import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { removeStaleTempFiles, writeFileAtomicSync } from '../../state/atomicFile.js';
import { readCacheObject, readCacheText } from '../indexCache.js';
import type { PostEntry } from '../postEntry.js';
import { comparePosts } from '../postOrder.js';
import { feedEntries, type CachedItem } from './feedEntries.js';
import type { FeedFormat } from './feedParse.js';
import { besideCopy, confirmedAt, FEED_CACHE_VERSION, feedCachePath, feedHeadOf, isFeedEntry } from './feedHead.js';

export { feedCachePath };

/**
 * The offline copy of one feed: its items and each post's text, the validators for conditional
 * requests, and when it was fetched. One file per address under `$XDG_CACHE_HOME/blog-tui/feeds/`.
 */
export interface FeedCache {
  kind: typeof KIND;
  version: typeof VERSION;
  /** The address as given (normalized): the key. */
  address: string;
  /** The feed's own address, after discovery and redirects. */
  feedUrl: string;
  format: FeedFormat;
  title: string;
  /** The site's home page. */
  link?: string;
  etag?: string;
  lastModified?: string;
  /** When the feed was last fetched or confirmed unchanged (ISO 8601). */
  fetchedAt: string;
  items: CachedItem[];
}

/**
 * The list of a cached feed without the posts' text, written beside the copy: what a start
 * reads (a few hundred kilobytes for a feed whose copy is megabytes); the copy is read when a
 * post's text is needed.
 */
export interface FeedIndex {
  kind: typeof INDEX_KIND;
  version: typeof VERSION;
  address: string;
  feedUrl: string;
  title: string;
  link?: string;
  fetchedAt: string;
  /** Newest first. */
  posts: PostEntry[];
}

const KIND = 'blog-tui feed cache';
const INDEX_KIND = 'blog-tui feed index';
const VERSION = FEED_CACHE_VERSION;
const MAX_BYTES = 512 * 1024 * 1024;

const isString = (v: unknown) => typeof v === 'string';
const optString = (v: unknown) => v === undefined || typeof v === 'string';
const strings = (v: unknown) => Array.isArray(v) && v.every(isString);

function validItem(value: unknown): value is CachedItem {
  if (typeof value !== 'object' || value === null) return false;
  const c = value as Record<string, unknown>;
  const i = c.item as Record<string, unknown> | null;
  if (typeof i !== 'object' || i === null) return false;
  return (
    isString(i.title) && strings(i.tags) && strings(i.authors) &&
    optString(i.id) && optString(i.link) && optString(i.date) && optString(i.contentHtml) && optString(i.summaryHtml) &&
    optString(c.html) && (c.from === undefined || c.from === 'feed' || c.from === 'page') && optString(c.problem) &&
    (c.words === undefined || (Number.isSafeInteger(c.words) && (c.words as number) >= 0))
  );
}

/** A feed copy's posts, newest first, and each one's cached item by URL path. */
export function feedList(cache: Pick<FeedCache, 'items' | 'link' | 'feedUrl'>): { posts: PostEntry[]; items: Map<string, CachedItem> } {
  const entries = feedEntries(cache.items, cache.link ?? cache.feedUrl);
  const items = new Map<string, CachedItem>(entries.map((entry, i) => [entry.url, cache.items[i]!]));
  return { posts: [...entries].sort(comparePosts), items };
}

function indexPath(address: string, env: NodeJS.ProcessEnv): string {
  return besideCopy(address, '.index.json', env);
}

/** The list of a cached feed (FeedIndex), or undefined when there is none usable (never throws). */
export function readFeedIndex(address: string, env: NodeJS.ProcessEnv = process.env): FeedIndex | undefined {
  const data = readCacheObject<FeedIndex>(indexPath(address, env), MAX_BYTES);
  if (
    !data || data.kind !== INDEX_KIND || data.version !== VERSION || data.address !== address ||
    !isString(data.feedUrl) || !isString(data.title) || !isString(data.fetchedAt) || !optString(data.link) ||
    !Array.isArray(data.posts) || !data.posts.every(isFeedEntry)
  ) {
    return undefined;
  }
  const index = data as FeedIndex;
  index.fetchedAt = confirmedAt(address, index.fetchedAt, env);
  return index;
}

/** The cached copy of a feed, or why there is none (never throws). */
export function readFeedCache(address: string, env: NodeJS.ProcessEnv = process.env): { cache?: FeedCache; reason: string; untrusted?: boolean } {
  const read = readCacheText(feedCachePath(address, env), MAX_BYTES, 'not fetched yet');
  if (read.text === undefined) return read;
  const { text } = read;
  let data: Partial<FeedCache> | null;
  try {
    data = JSON.parse(text) as Partial<FeedCache> | null;
  } catch {
    return { reason: 'the cached feed is not valid JSON' };
  }
  if (
    typeof data !== 'object' || data === null || data.kind !== KIND || data.version !== VERSION || data.address !== address ||
    !isString(data.feedUrl) || !isString(data.title) || !isString(data.format) || !isString(data.fetchedAt) ||
    !optString(data.etag) || !optString(data.lastModified) || !optString(data.link) ||
    !Array.isArray(data.items) || !data.items.every(validItem)
  ) {
    return { reason: 'the cached feed is not one blog-tui wrote' };
  }
  const cache = data as FeedCache;
  cache.fetchedAt = confirmedAt(address, cache.fetchedAt, env);
  return { cache, reason: 'cached' };
}

/** Writes when an unchanged feed was last confirmed, beside its cache (a 304 rewrites no posts). */
export function markChecked(address: string, iso: string, env: NodeJS.ProcessEnv = process.env): void {
  writeFileAtomicSync(besideCopy(address, '.checked', env), iso, 0o600, 'cache');
}

export function writeFeedCache(cache: Omit<FeedCache, 'kind' | 'version'>, env: NodeJS.ProcessEnv = process.env): void {
  const path = feedCachePath(cache.address, env);
  mkdirSync(join(path, '..'), { recursive: true, mode: 0o700 });
  removeStaleTempFiles(path, 60_000);
  writeFileAtomicSync(path, JSON.stringify({ kind: KIND, version: VERSION, ...cache }), 0o600, 'cache');
  const { address, feedUrl, title, link, fetchedAt } = cache;
  const index: FeedIndex = { kind: INDEX_KIND, version: VERSION, address, feedUrl, title, ...(link ? { link } : {}), fetchedAt, posts: feedList(cache).posts };
  writeFileAtomicSync(indexPath(address, env), JSON.stringify(index), 0o600, 'cache');
  // The list's first screen, read before anything that reads feeds is loaded (cli/feedPreview.ts).
  writeFileAtomicSync(besideCopy(address, '.head.json', env), JSON.stringify(feedHeadOf(index)), 0o600, 'cache');
}

/**
 * Writes the head of a copy's list when there is none beside it (a copy written before heads
 * were, and confirmed unchanged since: a 304 writes no list). Never throws: the head only saves time.
 */
export function ensureFeedHead(list: { address: string; title: string; fetchedAt: string; posts: readonly PostEntry[] }, env: NodeJS.ProcessEnv = process.env): void {
  try {
    const path = besideCopy(list.address, '.head.json', env);
    if (!existsSync(path)) writeFileAtomicSync(path, JSON.stringify(feedHeadOf(list)), 0o600, 'cache');
  } catch {
    // The next start reads the list instead.
  }
}
