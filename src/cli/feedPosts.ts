import { sanitizeLine } from '../content/sanitize.js';
import { comparePosts } from '../content/postOrder.js';
import { FetchError } from '../content/feeds/http.js';
import { FeedParseError } from '../content/feeds/errors.js';
import { feedEntries, type CachedItem } from '../content/feeds/feedEntries.js';
import { normalizeAddress, syncFeed, type SyncOptions, type SyncResult } from '../content/feeds/feedSync.js';
import { readFeedCache, type FeedCache } from '../content/feeds/feedCache.js';
import type { PostSource, SourceOption } from '../tui/postSource.js';
import type { Subscription } from '../config/configFile.js';
import { CliError } from './errors.js';
import { progressReporter, type ReportStream } from './indexReport.js';

export interface FeedOptions {
  verbose: boolean;
  /** Show the cache without asking the server (the full-screen app's first frame). */
  offline?: boolean;
  /** A name for the header instead of the feed's title (a subscription's `name`). */
  name?: string;
}

export interface FeedIo {
  stderr: ReportStream;
  env: NodeJS.ProcessEnv;
  sync?: Partial<SyncOptions>;
}

const STD_IO: FeedIo = { stderr: process.stderr, env: process.env };

/** "fetched 3 hours ago": how old the copy on screen is. */
export function fetchedAgo(iso: string, now = Date.now()): string {
  const minutes = Math.round((now - Date.parse(iso)) / 60_000);
  if (!Number.isFinite(minutes)) return 'fetched at an unknown time';
  if (minutes < 1) return 'fetched just now';
  if (minutes < 60) return `fetched ${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `fetched ${hours} h ago`;
  return `fetched ${Math.round(hours / 24)} days ago`;
}

/** A feed's cached copy as the app's source: HTML bodies, the feed's own order made newest first. */
export function feedSource(cache: FeedCache, name?: string): PostSource {
  const entries = feedEntries(cache.items, cache.link ?? cache.feedUrl);
  const items = new Map<string, CachedItem>(entries.map((entry, i) => [entry.url, cache.items[i]!]));
  return {
    id: cache.address,
    name: name ?? (cache.title || new URL(cache.address).host),
    posts: [...entries].sort(comparePosts),
    bodyFormat: 'html',
    readBody: (entry) => {
      const cached = items.get(entry.url);
      if (!cached) throw new Error('not in the feed');
      if (cached.html !== undefined) return cached.html;
      const why = cached.problem ? ` (${cached.problem})` : '';
      return `<p><em>Only the feed's summary: the post's page has not been read${why}.</em></p>\n${cached.item.summaryHtml ?? ''}`;
    },
    fetchedAt: cache.fetchedAt,
    address: cache.address,
  };
}

/** Syncs one feed with a progress line on a terminal; a failure without a cache is one line (exit 1). */
export async function syncWithProgress(address: string, options: FeedOptions, io: FeedIo = STD_IO): Promise<SyncResult> {
  const progress = progressReporter(io.stderr, 300, undefined, (done, total) => `reading pages ${done}/${total}`);
  try {
    return await syncFeed(address, { env: io.env, onPage: progress.update, ...(options.offline ? { offline: true } : {}), ...io.sync });
  } catch (error) {
    if (error instanceof FetchError || error instanceof FeedParseError) throw new CliError(error.message);
    throw error;
  } finally {
    progress.done();
  }
}

/**
 * The posts of a blog by its address (`blog-tui URL`, `--url`): the feed found, fetched (a
 * conditional request when cached) and cached; offline, the cache, with one line saying so.
 */
export async function loadFeedPosts(address: string, options: FeedOptions, io: FeedIo = STD_IO): Promise<PostSource> {
  const result = await syncWithProgress(address, options, io);
  const say = (text: string) => io.stderr.write(`blog-tui: ${sanitizeLine(text)}\n`);
  if (result.problem) say(`showing the copy ${fetchedAgo(result.cache.fetchedAt)}: ${result.problem}`);
  const unread = result.cache.items.filter((c) => c.html === undefined && c.problem);
  if (unread.length) say(`${unread.length} of ${result.cache.items.length} posts' pages could not be read${options.verbose ? `: ${unread.map((c) => `${c.item.link}: ${c.problem}`).join('; ')}` : ' (--verbose lists them)'}`);
  if (options.verbose) say(`${result.cache.format} feed ${result.cache.feedUrl}: ${result.cache.items.length} posts, ${result.fetched ? `${result.added} new` : 'from the cache'}`);
  if (result.cache.items.length === 0) say(`the feed ${result.cache.feedUrl} has no posts`);
  return feedSource(result.cache, options.name);
}

/** The start screen's entry of each subscription: its cache at once, refreshed in the background. */
export function subscriptionOptions(feeds: readonly Subscription[], env: NodeJS.ProcessEnv = process.env): SourceOption[] {
  return feeds.map((feed) => {
    let address: string | undefined;
    try {
      address = normalizeAddress(feed.url);
    } catch {
      address = undefined;
    }
    return {
      name: feed.name ?? feed.url,
      where: feed.url,
      cached: async () => {
        const { cache } = address ? readFeedCache(address, env) : {};
        return cache ? feedSource(cache, feed.name) : undefined;
      },
      refresh: async () => {
        if (!address) return { problem: 'not an http or https address' };
        try {
          const result = await syncFeed(address, { env });
          return { source: feedSource(result.cache, feed.name), ...(result.problem ? { problem: result.problem } : {}) };
        } catch (error) {
          return { problem: String((error as Error)?.message ?? error) };
        }
      },
      age: (source) => (source.fetchedAt ? fetchedAgo(source.fetchedAt) : undefined),
    };
  });
}
