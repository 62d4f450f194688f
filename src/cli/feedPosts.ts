import { sanitizeLine } from '../content/sanitize.js';
import { fetchedAgo } from '../content/dates.js';
import { findPost } from '../content/slugLookup.js';
import type { PostEntry } from '../content/postEntry.js';
import { FetchError } from '../content/feeds/http.js';
import { FeedParseError } from '../content/feeds/errors.js';
import type { CachedItem } from '../content/feeds/feedEntries.js';
import { normalizeAddress, syncFeed, type SyncOptions, type SyncResult } from '../content/feeds/feedSync.js';
import { ensureFeedHead, feedList, readFeedCache, readFeedIndex, type FeedCache, type FeedIndex } from '../content/feeds/feedCache.js';
import type { PostSource, SourceOption } from '../tui/postSource.js';
import type { Subscription } from '../config/configFile.js';
import { CliError } from './errors.js';
import { progressReporter, STANDARD_ERROR, type ReportStream } from './indexReport.js';
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

const STD_IO: FeedIo = { stderr: STANDARD_ERROR, env: process.env };

/** How a feed's copy stands in this run: could not be refreshed (`offline`), or fetched or confirmed unchanged (`confirmed`). */
export interface FeedStanding {
  offline?: string;
  confirmed?: boolean;
}

/** How feedSource makes the app's source of a feed. */
export interface FeedSourceOptions {
  /** A name for the header instead of the feed's title (a subscription's `name`). */
  name?: string | undefined;
  standing?: FeedStanding;
  /** Brings the copy up to date after the first frame: the bodies follow the new copy. */
  refresh?: (signal?: AbortSignal) => Promise<BackgroundSync>;
  /** Where the copy is read from when only its list (FeedIndex) was given. */
  env?: NodeJS.ProcessEnv;
}

/**
 * A feed's cached copy as the app's source: HTML bodies, the feed's own order made newest first.
 * Given the list alone (FeedIndex), the copy with the posts' text is read when a post is first read.
 */
export function feedSource(copy: FeedCache | FeedIndex, options: FeedSourceOptions = {}): PostSource {
  let posts: PostEntry[];
  let items: Map<string, CachedItem> | undefined;
  if ('items' in copy) ({ posts, items } = feedList(copy));
  else posts = copy.posts;
  const bodies = (): Map<string, CachedItem> => {
    if (items) return items;
    const { cache, reason } = readFeedCache(copy.address, options.env);
    if (!cache) throw new Error(`the feed's cached copy cannot be read: ${reason}`);
    return (items = feedList(cache).items);
  };
  const { standing = {} } = options;
  const source: PostSource = {
    id: copy.address,
    name: options.name ?? (copy.title || new URL(copy.address).host),
    posts,
    bodyFormat: 'html',
    readBody: (entry) => {
      const cached = bodies().get(entry.url);
      if (!cached) throw new Error('not in the feed');
      if (cached.html !== undefined) return cached.html;
      const why = cached.problem ? ` (${cached.problem})` : '';
      return `<p><em>Only the feed's summary: the post's page has not been read${why}.</em></p>\n${cached.item.summaryHtml ?? ''}`;
    },
    fetchedAt: copy.fetchedAt,
    address: copy.address,
    ...(standing.offline ? { offline: standing.offline } : {}),
    ...(standing.confirmed ? { confirmed: true } : {}),
  };
  const { refresh } = options;
  if (refresh) {
    source.refresh = async (signal) => {
      let answer: BackgroundSync;
      try {
        answer = await refresh(signal);
      } catch (error) {
        answer = { fetchedAt: copy.fetchedAt, problem: String((error as Error)?.message ?? error) };
      }
      const lines = answer.problem ? [`blog-tui: ${sanitizeLine(`showing the copy ${fetchedAgo(answer.fetchedAt)}: ${answer.problem}`)}`] : [];
      if (!answer.cache) return { lines, fetchedAt: answer.fetchedAt, ...(answer.problem ? { offline: answer.problem } : {}) };
      ({ posts, items } = feedList(answer.cache));
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
    // The list alone when it was written beside the copy (the posts' text is read when needed).
    const copy = readFeedIndex(key, io.env) ?? readFeedCache(key, io.env).cache;
    const posts = copy && ('items' in copy ? feedList(copy).posts : copy.posts);
    if (copy && check === 'later') {
      ensureFeedHead({ address: key, title: copy.title, fetchedAt: copy.fetchedAt, posts: posts! }, io.env);
      if (options.verbose) say(`${posts!.length} posts from the copy ${fetchedAgo(copy.fetchedAt)}; the feed is fetched in the background`);
      return feedSource(copy, { name: options.name, env: io.env, refresh: (signal) => syncInBackground(key, io.env, signal) });
    }
    if (copy && typeof check === 'object' && findPost(check.post, posts!).kind === 'found') {
      if (options.verbose) say(`the post is in the copy ${fetchedAgo(copy.fetchedAt)}: read from it without a request`);
      return feedSource(copy, { name: options.name, env: io.env });
    }
  }
  const result = await syncWithProgress(address, options, io);
  if (result.problem) say(`showing the copy ${fetchedAgo(result.cache.fetchedAt)}: ${result.problem}`);
  const unread = result.cache.items.filter((c) => c.html === undefined && c.problem);
  if (unread.length) say(`${unread.length} of ${result.cache.items.length} posts' pages could not be read${options.verbose ? `: ${unread.map((c) => `${c.item.link}: ${c.problem}`).join('; ')}` : ' (--verbose lists them)'}`);
  if (options.verbose) say(`${result.cache.format} feed ${result.cache.feedUrl}: ${result.cache.items.length} posts, ${result.fetched ? `${result.added} new` : 'from the cache'}`);
  if (result.cache.items.length === 0) say(`the feed ${result.cache.feedUrl} has no posts`);
  return feedSource(result.cache, { name: options.name, standing: { ...(result.problem ? { offline: result.problem } : {}), confirmed: result.fetched } });
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
    // The copy shown (its list, else the whole copy), kept for a refresh that finds the feed unchanged.
    let shown: FeedCache | FeedIndex | undefined;
    return {
      name: feed.name ?? feed.url,
      where: feed.url,
      cached: async () => {
        shown = address ? (readFeedIndex(address, env) ?? readFeedCache(address, env).cache) : undefined;
        return shown ? feedSource(shown, { name: feed.name, env }) : undefined;
      },
      refresh: async () => {
        if (!address) return { problem: 'not an http or https address' };
        try {
          const answer = await syncInBackground(address, env);
          const cache = answer.cache ?? (shown ? { ...shown, fetchedAt: answer.fetchedAt } : readFeedCache(address, env).cache);
          if (!cache) return { problem: answer.problem ?? 'the copy could not be read again' };
          shown = cache;
          return { source: feedSource(cache, { name: feed.name, env, standing: answer.problem ? { offline: answer.problem } : { confirmed: true } }), ...(answer.problem ? { problem: answer.problem } : {}) };
        } catch (error) {
          return { problem: String((error as Error)?.message ?? error) };
        }
      },
      age: (source) => (source.fetchedAt ? fetchedAgo(source.fetchedAt) : undefined),
    };
  });
}
