import { sanitizeLine } from '../content/sanitize.js';
import { comparePosts } from '../content/postOrder.js';
import { fetchedAgo } from '../content/dates.js';
import { findPost } from '../content/slugLookup.js';
import type { PostEntry } from '../content/postEntry.js';
import { FetchError } from '../content/feeds/http.js';
import { FeedParseError } from '../content/feeds/errors.js';
import { feedEntries, type CachedItem } from '../content/feeds/feedEntries.js';
import { normalizeAddress, syncFeed, type SyncOptions, type SyncResult } from '../content/feeds/feedSync.js';
import { readFeedCache, type FeedCache } from '../content/feeds/feedCache.js';
import type { PostSource, SourceOption } from '../tui/postSource.js';
import type { Subscription } from '../config/configFile.js';
import { CliError } from './errors.js';
import { progressReporter, type ReportStream } from './indexReport.js';
import { workerTask } from './workerTask.js';

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

/** The entries of a cached feed, newest first, and each one's cached item by URL path. */
function feedPostsOf(cache: FeedCache): { posts: PostEntry[]; items: Map<string, CachedItem> } {
  const entries = feedEntries(cache.items, cache.link ?? cache.feedUrl);
  const items = new Map<string, CachedItem>(entries.map((entry, i) => [entry.url, cache.items[i]!]));
  return { posts: [...entries].sort(comparePosts), items };
}

/** How a feed's copy stands in this run: could not be refreshed (`offline`), or fetched or confirmed unchanged (`confirmed`). */
export interface FeedStanding {
  offline?: string;
  confirmed?: boolean;
}

/**
 * A feed's cached copy as the app's source: HTML bodies, the feed's own order made newest first.
 * `refresh`, when given, brings it up to date after the first frame: the bodies follow the new copy.
 */
export function feedSource(cache: FeedCache, name?: string, standing: FeedStanding = {}, refresh?: (signal?: AbortSignal) => Promise<BackgroundSync>): PostSource {
  let { posts, items } = feedPostsOf(cache);
  const source: PostSource = {
    id: cache.address,
    name: name ?? (cache.title || new URL(cache.address).host),
    posts,
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
    ...(standing.offline ? { offline: standing.offline } : {}),
    ...(standing.confirmed ? { confirmed: true } : {}),
  };
  if (refresh) {
    source.refresh = async (signal) => {
      let answer: BackgroundSync;
      try {
        answer = await refresh(signal);
      } catch (error) {
        answer = { fetchedAt: cache.fetchedAt, problem: String((error as Error)?.message ?? error) };
      }
      const lines = answer.problem ? [`blog-tui: ${sanitizeLine(`showing the copy ${fetchedAgo(answer.fetchedAt)}: ${answer.problem}`)}`] : [];
      if (!answer.cache) return { lines, fetchedAt: answer.fetchedAt, ...(answer.problem ? { offline: answer.problem } : {}) };
      ({ posts, items } = feedPostsOf(answer.cache));
      return { lines, posts, fetchedAt: answer.fetchedAt };
    };
  }
  return source;
}

/** What a sync after the first frame hands back: the new copy only when the feed changed (a 304 keeps the one shown). */
export interface BackgroundSync {
  cache?: FeedCache;
  fetchedAt: string;
  problem?: string;
}

/** What the feed-sync worker is given. */
export interface FeedSyncRequest {
  address: string;
}

/** Syncs a feed for a screen already showing its copy (in the feed-sync worker thread, src/cli/feedSyncWorker.ts). */
export async function syncForScreen(address: string, env: NodeJS.ProcessEnv): Promise<BackgroundSync> {
  const result = await syncFeed(address, { env });
  return { fetchedAt: result.cache.fetchedAt, ...(result.problem ? { problem: result.problem } : {}), ...(result.changed ? { cache: result.cache } : {}) };
}

/** syncForScreen off the thread that answers keys (the feed-sync worker of the built app), ended on `signal`. */
export function syncInBackground(address: string, env: NodeJS.ProcessEnv, signal?: AbortSignal): Promise<BackgroundSync> {
  return workerTask<BackgroundSync>('feed-sync', { address } satisfies FeedSyncRequest, () => syncForScreen(address, env), signal);
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

/** How much is fetched before the posts are given back (as FolderCheck for a folder). */
export type FeedCheck =
  /** The feed fetched (a conditional request when cached): `list`, piped output. */
  | 'all'
  /** A cached copy at once, refreshed after the first frame (`refresh`): the full-screen app. */
  | 'later'
  /** A post the cached copy has is read from it without a request; else as 'all' (`read`). */
  | { post: string };

/**
 * The posts of a blog by its address (`blog-tui URL`, `--url`): the feed found, fetched (a
 * conditional request when cached) and cached; offline, the cache, with one line saying so.
 * With `check` other than 'all', a cached copy is given without waiting for the server.
 */
export async function loadFeedPosts(address: string, options: FeedOptions, io: FeedIo = STD_IO, check: FeedCheck = 'all'): Promise<PostSource> {
  const say = (text: string) => io.stderr.write(`blog-tui: ${sanitizeLine(text)}\n`);
  if (check !== 'all') {
    let key: string;
    try {
      key = normalizeAddress(address);
    } catch (error) {
      throw new CliError((error as Error).message);
    }
    const { cache } = readFeedCache(key, io.env);
    if (cache && check === 'later') {
      if (options.verbose) say(`${cache.items.length} posts from the copy ${fetchedAgo(cache.fetchedAt)}; the feed is fetched in the background`);
      return feedSource(cache, options.name, {}, (signal) => syncInBackground(key, io.env, signal));
    }
    if (cache && typeof check === 'object' && findPost(check.post, feedPostsOf(cache).posts).kind === 'found') {
      if (options.verbose) say(`the post is in the copy ${fetchedAgo(cache.fetchedAt)}: read from it without a request`);
      return feedSource(cache, options.name);
    }
  }
  const result = await syncWithProgress(address, options, io);
  if (result.problem) say(`showing the copy ${fetchedAgo(result.cache.fetchedAt)}: ${result.problem}`);
  const unread = result.cache.items.filter((c) => c.html === undefined && c.problem);
  if (unread.length) say(`${unread.length} of ${result.cache.items.length} posts' pages could not be read${options.verbose ? `: ${unread.map((c) => `${c.item.link}: ${c.problem}`).join('; ')}` : ' (--verbose lists them)'}`);
  if (options.verbose) say(`${result.cache.format} feed ${result.cache.feedUrl}: ${result.cache.items.length} posts, ${result.fetched ? `${result.added} new` : 'from the cache'}`);
  if (result.cache.items.length === 0) say(`the feed ${result.cache.feedUrl} has no posts`);
  return feedSource(result.cache, options.name, { ...(result.problem ? { offline: result.problem } : {}), confirmed: result.fetched });
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
    // The copy shown, kept for a refresh that finds the feed unchanged.
    let shown: FeedCache | undefined;
    return {
      name: feed.name ?? feed.url,
      where: feed.url,
      cached: async () => {
        shown = address ? readFeedCache(address, env).cache : undefined;
        return shown ? feedSource(shown, feed.name) : undefined;
      },
      refresh: async () => {
        if (!address) return { problem: 'not an http or https address' };
        try {
          const answer = await syncInBackground(address, env);
          const cache = answer.cache ?? (shown ? { ...shown, fetchedAt: answer.fetchedAt } : readFeedCache(address, env).cache);
          if (!cache) return { problem: answer.problem ?? 'the copy could not be read again' };
          shown = cache;
          return { source: feedSource(cache, feed.name, answer.problem ? { offline: answer.problem } : { confirmed: true }), ...(answer.problem ? { problem: answer.problem } : {}) };
        } catch (error) {
          return { problem: String((error as Error)?.message ?? error) };
        }
      },
      age: (source) => (source.fetchedAt ? fetchedAgo(source.fetchedAt) : undefined),
    };
  });
}
