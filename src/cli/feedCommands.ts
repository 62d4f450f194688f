// The subscription commands: add, feeds, remove, sync.
import { sanitizeLine } from '../content/sanitize.js';
import { eachLimited, normalizeAddress } from '../content/feeds/feedSync.js';
import { readFeedCache, readFeedIndex } from '../content/feeds/feedCache.js';
import { FetchError } from '../content/feeds/http.js';
import type { Subscription } from '../config/configFile.js';
import type { Settings } from '../config/settings.js';
import { appendFeed, removeFeedAt } from '../config/feedList.js';
import { CliError } from './errors.js';
import { syncWithProgress } from './feedPosts.js';
import { fetchedAgo } from '../content/dates.js';
import type { ReportStream } from './indexReport.js';

export interface CommandIo {
  stdout: (text: string) => Promise<void>;
  stderr: ReportStream;
  env: NodeJS.ProcessEnv;
}

function address(given: string): string {
  try {
    return normalizeAddress(given);
  } catch (error) {
    if (error instanceof FetchError) throw new CliError(error.message);
    throw error;
  }
}

/** The subscription an argument names: its address (as given or normalized) or its name. */
function findSubscription(feeds: readonly Subscription[], which: string): Subscription | undefined {
  let normalized: string | undefined;
  try {
    normalized = normalizeAddress(which);
  } catch {
    normalized = undefined;
  }
  return feeds.find((f) => f.url === which || (normalized !== undefined && safeNormalize(f.url) === normalized) || f.name === which);
}

function safeNormalize(url: string): string | undefined {
  try {
    return normalizeAddress(url);
  } catch {
    return undefined;
  }
}

/** `blog-tui add URL [--name NAME]`: the feed is found and fetched first, so that only a readable blog is added. */
export async function runAdd(given: string, name: string | undefined, settings: Settings, io: CommandIo): Promise<number> {
  const url = address(given);
  const existing = findSubscription(settings.feeds, url);
  if (existing) throw new CliError(`already subscribed to ${sanitizeLine(existing.url)} (${sanitizeLine(settings.config.path)}:${existing.line})`);
  const result = await syncWithProgress(url, { verbose: false }, { stderr: io.stderr, env: io.env });
  try {
    appendFeed(settings.config.path, url, name);
  } catch (error) {
    throw new CliError(`cannot write the config file ${sanitizeLine(settings.config.path)} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  const title = name ?? result.cache.title;
  await io.stdout(`${sanitizeLine(`added ${title}: ${result.cache.items.length} posts, ${result.cache.format} feed ${result.cache.feedUrl}`)}\n`);
  return 0;
}

/** `blog-tui remove URL|NAME`. */
export async function runRemove(which: string, settings: Settings, io: CommandIo): Promise<number> {
  const found = findSubscription(settings.feeds, which);
  if (!found) {
    const known = settings.feeds.map((f) => f.name ?? f.url);
    throw new CliError(`no subscription "${sanitizeLine(which)}"${known.length ? `; subscribed: ${known.map(sanitizeLine).join(', ')}` : ' (there are none: blog-tui add URL adds one)'}`);
  }
  try {
    removeFeedAt(settings.config.path, found.line);
  } catch (error) {
    throw new CliError(`cannot write the config file ${sanitizeLine(settings.config.path)} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  await io.stdout(`${sanitizeLine(`removed ${found.name ?? found.url}`)}\n`);
  return 0;
}

/** `blog-tui feeds`: each subscription, its posts and when it was fetched, from the cache (no request). */
export async function runFeeds(settings: Settings, io: CommandIo): Promise<number> {
  if (settings.feeds.length === 0) {
    io.stderr.write('blog-tui: no subscriptions yet: blog-tui add URL adds one\n');
    return 0;
  }
  const rows = settings.feeds.map((feed) => {
    const url = safeNormalize(feed.url) ?? feed.url;
    // The list beside the copy is enough (the posts' text is not needed).
    const index = readFeedIndex(url, io.env);
    const cache = index ? undefined : readFeedCache(url, io.env).cache;
    const copy = index ?? cache;
    const name = feed.name ?? copy?.title ?? '';
    const posts = index ? `${index.posts.length} posts` : cache ? `${cache.items.length} posts` : 'not fetched';
    const when = copy ? fetchedAgo(copy.fetchedAt) : '';
    return [sanitizeLine(name), sanitizeLine(feed.url), posts, when];
  });
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
  await io.stdout(rows.map((r) => r.map((cell, i) => (i < 3 ? cell.padEnd(widths[i]!) : cell)).join('  ').trimEnd()).join('\n') + '\n');
  return 0;
}

/** `blog-tui sync`: every subscription refreshed, three at a time, one line each; exit 1 when one failed. */
export async function runSync(settings: Settings, io: CommandIo, limit = 3): Promise<number> {
  if (settings.feeds.length === 0) {
    io.stderr.write('blog-tui: no subscriptions to sync: blog-tui add URL adds one\n');
    return 0;
  }
  let failed = 0;
  let done = 0;
  const total = settings.feeds.length;
  await eachLimited(total, limit, async (index) => {
    const feed = settings.feeds[index]!;
    let line: string;
    try {
      const result = await syncWithProgress(feed.url, { verbose: false }, { stderr: { write: () => true }, env: io.env });
      const name = feed.name ?? result.cache.title;
      if (result.problem) {
        failed++;
        line = `${name}: ${result.problem} (the copy ${fetchedAgo(result.cache.fetchedAt)} kept)`;
      } else {
        const unread = result.cache.items.filter((c) => c.html === undefined && c.problem).length;
        line = `${name}: ${result.cache.items.length} posts, ${result.added} new${unread ? `, ${unread} pages not read` : ''}`;
      }
    } catch (error) {
      failed++;
      line = `${feed.name ?? feed.url}: ${(error as Error).message}`;
    }
    done++;
    await io.stdout(`${sanitizeLine(`[${done}/${total}] ${line}`)}\n`);
  });
  return failed > 0 ? 1 : 0;
}
