import { checkAddress, FEED_ACCEPT, FetchError, fetchLimited, type Fetcher, type FetchLimits } from './http.js';
import { FeedParseError } from './errors.js';
import type { Feed, FeedItem } from './feedParse.js';
import { readFeedCache, writeFeedCache, type FeedCache } from './feedCache.js';
import { chooseText, htmlWords, type CachedItem } from './feedEntries.js';
import { markChecked } from './feedCache.js';

// The parsers (feedsmith, fast-xml-parser, parse5, Readability) load only when a feed or page
// has to be read: a start whose feed is unchanged (304) shows the cache without them.
const parsing = () => Promise.all([import('./discover.js'), import('./feedHtml.js')]).then(([discover, html]) => ({ ...discover, ...html }));

export interface SyncOptions {
  env?: NodeJS.ProcessEnv;
  fetcher?: Fetcher;
  limits?: Partial<FetchLimits>;
  /** Pages read at once for feeds that carry only summaries. */
  concurrency?: number;
  now?: () => Date;
  /** Each page read: how many of how many. */
  onPage?: (done: number, total: number) => void;
  /** Read the cache only: no request at all. */
  offline?: boolean;
}

export interface SyncResult {
  cache: FeedCache;
  /** Whether the server was reached (the feed fetched, or confirmed unchanged). */
  fetched: boolean;
  /** Why the server could not be reached, when the cache was shown instead. */
  problem?: string;
  /** Whether the feed was read again (not answered 304, not the cache alone): its posts may have changed. */
  changed: boolean;
  /** Posts not in the cache before. */
  added: number;
}

/** The time limit of a feed's request when its cached copy can be shown instead. */
export const CACHED_TIMEOUT_MS = 5_000;

/** The address as blog-tui keys it: checked (http or https) and without a fragment. */
export function normalizeAddress(address: string): string {
  return checkAddress(address).href;
}

function itemKey(item: FeedItem): string {
  return item.id ?? item.link ?? item.title;
}

/** The feed's items, each with the text kept from the cache when the item did not change. */
function merge(feed: Feed, previous: readonly CachedItem[], resolveAddresses: (html: string, base: string | undefined) => string): CachedItem[] {
  const before = new Map(previous.map((c) => [itemKey(c.item), c]));
  return feed.items.map((item) => {
    const old = before.get(itemKey(item));
    if (item.contentHtml !== undefined) {
      if (old?.html !== undefined && old.words !== undefined && old.item.contentHtml === item.contentHtml && old.item.link === item.link) return { item, html: old.html, from: 'feed' as const, words: old.words };
      const html = resolveAddresses(item.contentHtml, item.link);
      return { item, html, from: 'feed' as const, words: htmlWords(html) };
    }
    if (old?.html !== undefined && old.item.summaryHtml === item.summaryHtml && old.item.link === item.link) return { item, html: old.html, from: old.from ?? 'page', words: old.words ?? htmlWords(old.html) };
    return { item };
  });
}

/** Runs `work` over every index, at most `limit` at a time. */
export async function eachLimited(count: number, limit: number, work: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const runner = async () => {
    while (next < count) await work(next++);
  };
  await Promise.all(Array.from({ length: Math.min(limit, count) }, runner));
}

/** Reads the pages of posts the feed gives only a summary of, and keeps each one's article. */
async function readPages(items: CachedItem[], get: Fetcher, options: SyncOptions): Promise<void> {
  const todo = items.filter((c) => c.html === undefined && c.item.link);
  if (todo.length === 0) return;
  const { bodyText, resolveAddresses } = await parsing();
  const { extractArticle } = await import('./article.js');
  let done = 0;
  await eachLimited(todo.length, options.concurrency ?? 4, async (i) => {
    const cached = todo[i]!;
    const link = cached.item.link!;
    try {
      const page = await get({ url: link, accept: 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5', ...(options.limits ? { limits: options.limits } : {}) });
      const article = await extractArticle(bodyText(page), page.url, cached.item.title);
      const chosen = chooseText(cached.item, article ? resolveAddresses(article.html, page.url) : undefined);
      if (chosen) {
        cached.html = chosen.from === 'feed' ? resolveAddresses(chosen.html, page.url) : chosen.html;
        cached.from = chosen.from;
        cached.words = htmlWords(cached.html);
        delete cached.problem;
      } else {
        cached.problem = 'no article found on its page';
      }
    } catch (error) {
      cached.problem = error instanceof FetchError ? error.message : String((error as Error)?.message ?? error);
    }
    options.onPage?.(++done, todo.length);
  });
}

function withValidators(result: { etag?: string; lastModified?: string }) {
  return { ...(result.etag ? { etag: result.etag } : {}), ...(result.lastModified ? { lastModified: result.lastModified } : {}) };
}

/**
 * Brings the cached copy of a feed up to date: a conditional request for a feed fetched before
 * (discovery the first time), the pages of posts the feed has only summaries of, then the cache
 * rewritten. Without the network, the cache as it was, with the reason. Throws FetchError or
 * FeedParseError only when there is no cache to show.
 */
export async function syncFeed(givenAddress: string, options: SyncOptions = {}): Promise<SyncResult> {
  const address = normalizeAddress(givenAddress);
  const env = options.env ?? process.env;
  const limits = options.limits;
  const get: Fetcher = options.fetcher ?? ((request) => fetchLimited({ ...request, limits: { ...limits, ...request.limits } }));
  const now = options.now ?? (() => new Date());
  const { cache: cached } = readFeedCache(address, env);
  if (options.offline && cached) return { cache: cached, fetched: false, added: 0, changed: false };

  let feed: Feed | undefined;
  let feedUrl: string;
  let validators: { etag?: string; lastModified?: string } = {};
  try {
    if (cached) {
      // With a copy to show, an unreachable server is given less time before the copy is shown.
      const quick = { timeoutMs: Math.min(CACHED_TIMEOUT_MS, limits?.timeoutMs ?? CACHED_TIMEOUT_MS) };
      const result = await get({ url: cached.feedUrl, accept: FEED_ACCEPT, ...withValidators(cached), limits: { ...limits, ...quick } });
      feedUrl = result.url;
      validators = result.notModified ? withValidators({ ...withValidators(cached), ...withValidators(result) }) : withValidators(result);
      if (!result.notModified) {
        const { bodyText, feedIn } = await parsing();
        feed = feedIn(bodyText(result), result.url);
        if (!feed) throw new FeedParseError(`${result.url} is no longer a feed`);
      }
    } else {
      const { discoverFeed } = await parsing();
      const found = await discoverFeed(address, get);
      feed = found.feed;
      feedUrl = found.feedUrl;
      validators = withValidators(found.fetched);
    }
  } catch (error) {
    if (!cached || !(error instanceof FetchError || error instanceof FeedParseError)) throw error;
    return { cache: cached, fetched: false, problem: error.message, added: 0, changed: false };
  }

  // Unchanged (304): the copy stands; only the time it was confirmed is written.
  if (!feed && cached) {
    const checkedAt = now().toISOString();
    try {
      markChecked(address, checkedAt, env);
    } catch {
      // The time is only shown; the copy is as good as it was.
    }
    return { cache: { ...cached, ...validators, fetchedAt: checkedAt }, fetched: true, added: 0, changed: false };
  }
  const previous = cached?.items ?? [];
  const items = feed ? merge(feed, previous, (await parsing()).resolveAddresses) : previous;
  const known = new Set(previous.map((c) => itemKey(c.item)));
  // Pages are read when the feed changed (new posts, or a new try at pages that failed), not
  // when the server says it is the same as before.
  if (feed) await readPages(items, get, options);
  const cache: FeedCache = {
    kind: 'blog-tui feed cache',
    version: 1,
    address,
    feedUrl,
    format: feed?.format ?? cached!.format,
    title: feed?.title || cached?.title || new URL(address).host,
    ...(feed?.link ?? cached?.link ? { link: (feed?.link ?? cached?.link)! } : {}),
    ...validators,
    fetchedAt: now().toISOString(),
    items,
  };
  writeFeedCache(cache, env);
  return { cache, fetched: true, added: items.filter((c) => !known.has(itemKey(c.item))).length, changed: true };
}
