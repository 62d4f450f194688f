import { parse } from 'parse5';
import { FEED_ACCEPT, FetchError, fetchLimited, type Fetcher, type FetchResult } from './http.js';
import { FeedParseError, looksLikeXml, parseFeedText, type Feed } from './feedParse.js';

export type { Fetcher };

export { FEED_ACCEPT };

/** Where a site usually publishes its feed: Hugo, Jekyll, and the rest. */
export const USUAL_FEED_PATHS = ['index.xml', 'feed.xml', 'atom.xml', 'rss.xml', 'feed.json'];

const FEED_TYPES = new Set(['application/rss+xml', 'application/atom+xml', 'application/feed+json', 'application/rdf+xml', 'application/json']);

/** A body's text: its charset from Content-Type, else the XML declaration, else UTF-8. */
export function bodyText(result: Pick<FetchResult, 'body' | 'contentType'>): string {
  const head = result.body.subarray(0, 200).toString('latin1');
  const label = /charset\s*=\s*"?([\w.:-]+)/i.exec(result.contentType)?.[1] ?? /^\s*<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1] ?? 'utf-8';
  try {
    return new TextDecoder(label).decode(result.body);
  } catch {
    return new TextDecoder('utf-8').decode(result.body);
  }
}

/** The feed in a body, or undefined when the body is not one (HTML, say). Throws FeedParseError for a broken feed. */
export function feedIn(text: string, base: string): Feed | undefined {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('{')) {
    try {
      JSON.parse(start);
    } catch {
      throw new FeedParseError('the feed cannot be read (malformed JSON)');
    }
    return parseFeedText(start, base);
  }
  if (looksLikeXml(start)) return parseFeedText(start, base);
  return undefined;
}

interface Node {
  nodeName: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Node[];
  content?: Node;
}

/** The feeds an HTML page names with `<link rel="alternate" type="application/rss+xml" href="…">`, in order. */
export function alternateFeeds(html: string, base: string): string[] {
  const found: string[] = [];
  const stack: Node[] = [parse(html.length > 2_000_000 ? html.slice(0, 2_000_000) : html) as unknown as Node];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.nodeName === 'link') {
      const attr = (name: string) => node.attrs?.find((a) => a.name === name)?.value ?? '';
      const rel = attr('rel').toLowerCase().split(/\s+/);
      const type = attr('type').toLowerCase().split(';')[0]!.trim();
      if (rel.includes('alternate') && FEED_TYPES.has(type) && attr('href')) {
        try {
          const url = new URL(attr('href'), base);
          if ((url.protocol === 'http:' || url.protocol === 'https:') && !found.includes(url.href)) found.push(url.href);
        } catch {
          // Not an address.
        }
      }
    }
    const children = node.childNodes ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return found;
}

export interface FoundFeed {
  /** The feed's address after redirects. */
  feedUrl: string;
  fetched: FetchResult;
  feed: Feed;
}

async function tryFeed(url: string, get: Fetcher): Promise<FoundFeed | undefined> {
  let fetched: FetchResult;
  try {
    fetched = await get({ url, accept: FEED_ACCEPT });
  } catch {
    return undefined;
  }
  try {
    const feed = feedIn(bodyText(fetched), fetched.url);
    return feed ? { feedUrl: fetched.url, fetched, feed } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Finds the feed of an address: the address itself when it is a feed; else the feeds its page
 * names with `<link rel="alternate">`; else the usual paths next to the page and at the site's
 * root. The address's own failure (unreachable, 404, too large, a broken feed) is the error.
 */
export async function discoverFeed(address: string, get: Fetcher = fetchLimited): Promise<FoundFeed> {
  const fetched = await get({ url: address, accept: FEED_ACCEPT });
  const text = bodyText(fetched);
  const feed = feedIn(text, fetched.url);
  if (feed) return { feedUrl: fetched.url, fetched, feed };
  const candidates = alternateFeeds(text, fetched.url);
  const page = new URL(fetched.url);
  for (const dir of new Set([new URL('.', page).href, new URL('/', page).href])) {
    for (const path of USUAL_FEED_PATHS) {
      const url = new URL(path, dir).href;
      if (!candidates.includes(url)) candidates.push(url);
    }
  }
  for (const url of candidates) {
    const found = await tryFeed(url, get);
    if (found) return found;
  }
  throw new FetchError(`${fetched.url} is not a feed, and no feed was found from it (its <link rel="alternate">, ${USUAL_FEED_PATHS.join(', ')})`);
}
