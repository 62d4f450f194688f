import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { syncFeed } from '../../src/content/feeds/feedSync.js';
import { feedCachePath, markChecked, readFeedCache, readFeedIndex } from '../../src/content/feeds/feedCache.js';
import { readFeedHead } from '../../src/content/feeds/feedHead.js';
import { feedPreview } from '../../src/cli/feedPreview.js';
import { HEAD_POSTS } from '../../src/content/indexCache.js';
import { feedSource, loadFeedPosts } from '../../src/cli/feedPosts.js';
import { feedEntries, htmlWords } from '../../src/content/feeds/feedEntries.js';
import { atom, jsonFeed, postPage, rss2, startFeedServer, testPosts, type FeedServer } from '../support/feedServer.js';

let server: FeedServer;
let cacheHome: string;
let env: NodeJS.ProcessEnv;
const posts = testPosts();

beforeEach(async () => {
  server = await startFeedServer();
  cacheHome = mkdtempSync(join(tmpdir(), 'blog-tui-feedcache-'));
  env = { HOME: cacheHome, XDG_CACHE_HOME: cacheHome };
});

afterEach(async () => {
  await server.close();
  rmSync(cacheHome, { recursive: true, force: true });
});

function serveSite(feedPath: string, body: string, type: string) {
  server.routes.set(feedPath, { body, type });
  for (const p of posts) server.routes.set(p.path, { body: postPage(p) });
}

describe('finding a blog\'s feed from its address', () => {
  it('reads the address itself when it is a feed', async () => {
    serveSite('/feed.json', jsonFeed(server.url, 'J', posts), 'application/feed+json');
    const { cache } = await syncFeed(`${server.url}/feed.json`, { env });
    expect(cache).toMatchObject({ format: 'JSON Feed', feedUrl: `${server.url}/feed.json`, title: 'J' });
    expect(cache.items).toHaveLength(3);
  });

  it('follows the page\'s <link rel="alternate"> first', async () => {
    serveSite('/custom/atom.xml', atom(server.url, 'A', posts), 'application/atom+xml');
    server.routes.set('/', { body: '<html><head><link rel="alternate" type="application/atom+xml" href="/custom/atom.xml"></head><body>home</body></html>' });
    const { cache } = await syncFeed(`${server.url}/`, { env });
    expect(cache).toMatchObject({ format: 'Atom 1.0', feedUrl: `${server.url}/custom/atom.xml` });
  });

  it('tries the usual paths (index.xml, feed.xml, …) when the page names no feed', async () => {
    serveSite('/feed.xml', rss2(server.url, 'R', posts), 'application/rss+xml');
    server.routes.set('/', { body: '<html><body>a home page</body></html>' });
    const { cache } = await syncFeed(server.url, { env });
    expect(cache.feedUrl).toBe(`${server.url}/feed.xml`);
    expect(server.requests.map((r) => r.url)).toEqual(['/', '/index.xml', '/feed.xml']);
  });

  it('says in one line that a page without any feed is not one', async () => {
    server.routes.set('/', { body: '<html><body>no feed here</body></html>' });
    await expect(syncFeed(server.url, { env })).rejects.toThrow(`${server.url}/ is not a feed, and no feed was found from it`);
  });

  it('says a malformed feed at the address cannot be read', async () => {
    server.routes.set('/index.xml', { body: '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item>', type: 'application/xml' });
    await expect(syncFeed(`${server.url}/index.xml`, { env })).rejects.toThrow(/cannot be read/);
  });
});

describe('the offline cache', () => {
  it('asks again with the ETag and Last-Modified, and keeps the cache on 304', async () => {
    const feed = rss2(server.url, 'R', posts);
    let conditional = 0;
    server.routes.set('/index.xml', (request, response) => {
      if (request.headers['if-none-match'] === '"v1"' && request.headers['if-modified-since'] === 'Mon, 01 Jan 2024 00:00:00 GMT') {
        conditional++;
        response.writeHead(304).end();
        return;
      }
      response.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"', 'last-modified': 'Mon, 01 Jan 2024 00:00:00 GMT' }).end(feed);
    });
    const first = await syncFeed(`${server.url}/index.xml`, { env, now: () => new Date('2024-01-01T00:00:00Z') });
    expect(first).toMatchObject({ fetched: true, added: 3 });
    const second = await syncFeed(`${server.url}/index.xml`, { env, now: () => new Date('2024-01-02T00:00:00Z') });
    expect(conditional).toBe(1);
    expect(second).toMatchObject({ fetched: true, added: 0 });
    expect(second.cache.items).toEqual(first.cache.items);
    expect(second.cache.fetchedAt).toBe('2024-01-02T00:00:00.000Z');
    expect(readFeedCache(`${server.url}/index.xml`, env).cache?.etag).toBe('"v1"');
  });

  it('shows the cache with the reason when the server cannot be reached', async () => {
    serveSite('/index.xml', rss2(server.url, 'R', posts), 'application/rss+xml');
    await syncFeed(`${server.url}/index.xml`, { env });
    server.routes.set('/index.xml', { status: 500, body: 'down' });
    const offline = await syncFeed(`${server.url}/index.xml`, { env });
    expect(offline.fetched).toBe(false);
    expect(offline.problem).toMatch(/answered HTTP 500/);
    expect(offline.cache.items).toHaveLength(3);
  });

  it('shows the cache when the server stops answering, after the time limit', async () => {
    serveSite('/index.xml', rss2(server.url, 'R', posts), 'application/rss+xml');
    await syncFeed(`${server.url}/index.xml`, { env });
    server.routes.set('/index.xml', () => undefined);
    const stalled = await syncFeed(`${server.url}/index.xml`, { env, limits: { timeoutMs: 300 } });
    expect(stalled).toMatchObject({ fetched: false, problem: `${server.url}/index.xml did not answer within 0.3 s` });
    expect(stalled.cache.items).toHaveLength(3);
  });

  it('adds new posts and keeps the text of those it had', async () => {
    serveSite('/index.xml', rss2(server.url, 'R', posts.slice(1)), 'application/rss+xml');
    await syncFeed(`${server.url}/index.xml`, { env });
    server.routes.set('/index.xml', { body: rss2(server.url, 'R', posts), type: 'application/rss+xml' });
    const next = await syncFeed(`${server.url}/index.xml`, { env });
    expect(next.added).toBe(1);
    expect(next.cache.items.map((c) => c.item.title)).toEqual(posts.map((p) => p.title));
  });

  it('ignores a cache file that blog-tui did not write', async () => {
    serveSite('/index.xml', rss2(server.url, 'R', posts), 'application/rss+xml');
    await syncFeed(`${server.url}/index.xml`, { env });
    writeFileSync(feedCachePath(`${server.url}/index.xml`, env), JSON.stringify({ kind: 'blog-tui feed cache', version: 1, address: `${server.url}/index.xml`, items: [{ item: { title: 5 } }] }));
    expect(readFeedCache(`${server.url}/index.xml`, env)).toMatchObject({ reason: 'the cached feed is not one blog-tui wrote' });
  });
});

describe('feeds that carry only summaries', () => {
  it('reads each post\'s page and takes its article: the words of the post, not of the page around it', async () => {
    serveSite('/index.xml', rss2(server.url, 'R', posts, false), 'application/rss+xml');
    let pages = 0;
    const { cache } = await syncFeed(`${server.url}/index.xml`, { env, onPage: () => pages++ });
    expect(pages).toBe(3);
    for (const [i, cached] of cache.items.entries()) {
      expect(cached.from).toBe('page');
      const full = htmlWords(posts[i]!.html);
      expect(Math.abs(htmlWords(cached.html!) - full) / full).toBeLessThanOrEqual(0.02);
      expect(cached.html).not.toContain('Home');
    }
    // Relative addresses in the article are made absolute against the page.
    expect(cache.items[0]!.html).toContain(`href="${server.url}/posts/lists/"`);
    expect(cache.items[0]!.html).toContain(`src="${server.url}/images/chart.png"`);
    const entries = feedEntries(cache.items, cache.link);
    expect(entries.every((e) => !e.pending && e.words > 0)).toBe(true);
  });

  it('keeps a post pending, with the reason, when its page cannot be read; the next sync tries again', async () => {
    serveSite('/index.xml', rss2(server.url, 'R', posts, false), 'application/rss+xml');
    server.routes.set(posts[1]!.path, { status: 404, body: 'gone' });
    const { cache } = await syncFeed(`${server.url}/index.xml`, { env });
    expect(cache.items[1]).toMatchObject({ problem: expect.stringMatching(/HTTP 404/) });
    expect(cache.items[1]!.html).toBeUndefined();
    expect(feedEntries(cache.items, cache.link)[1]!.pending).toBe(true);
    server.routes.set(posts[1]!.path, { body: postPage(posts[1]!) });
    // The feed unchanged (304): no page is read again.
    server.routes.set('/index.xml', (request, response) => {
      if (request.headers['if-modified-since'] === 'Mon, 01 Jan 2024 00:00:00 GMT') response.writeHead(304).end();
      else response.writeHead(200, { 'content-type': 'application/rss+xml', 'last-modified': 'Mon, 01 Jan 2024 00:00:00 GMT' }).end(rss2(server.url, 'R', posts, false));
    });
    const changed = await syncFeed(`${server.url}/index.xml`, { env });
    expect(changed.cache.items[1]!.html).toBeDefined();
    server.routes.set(posts[0]!.path, { status: 404, body: 'gone' });
    const before = server.requests.length;
    const again = await syncFeed(`${server.url}/index.xml`, { env });
    expect(server.requests.slice(before).map((r) => r.url)).toEqual(['/index.xml']);
    expect(again.cache.items[1]!.html).toBeDefined();
    expect(again.cache.items[1]!.problem).toBeUndefined();
  });

  it('gives the figures of the post itself for pages Readability misreads: a stray </div>, a row of link buttons, an <xmp>', async () => {
    const sentence = 'A post on a blog is mostly paragraphs of text that a reader wants to see whole.';
    const slide = (i: number) => `<div class="slide"><div class="picture"><img src="/slides/${i}.png"></div><div class="words"><p>Slide ${i}. ${sentence}</p></div></div>`;
    const slides = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => slide(from + i)).join('\n');
    const hard = [
      { ...posts[0]!, path: '/posts/talk/', title: 'A talk', html: `<p>${sentence}</p>\n${slides(1, 10)}\n</div>\n${slides(11, 18)}` },
      { ...posts[1]!, path: '/posts/zine/', title: 'A zine', html: `<p>${sentence} ${sentence}</p>\n<div align="center"><a class="button" href="/zine.pdf">Read it online!</a> <a class="button" href="/print.pdf">Get the print version!</a></div>\n<p>${sentence}</p>` },
      { ...posts[2]!, path: '/posts/game/', title: 'A game', html: `<p>${sentence} ${sentence}</p>\n<xmp>\n<div id="app">\n<style type="text/css">\n.mole { width: 50px; }\n</xmp>\n<p>${sentence}</p>` },
    ];
    server.routes.set('/index.xml', { body: rss2(server.url, 'R', hard, false), type: 'application/rss+xml' });
    for (const p of hard) server.routes.set(p.path, { body: postPage(p) });
    const { cache } = await syncFeed(`${server.url}/index.xml`, { env });
    const entries = feedEntries(cache.items, cache.link);
    expect(entries.map((e) => e.url)).toEqual(hard.map((p) => p.path));
    // The words of each post as its source has them (the feed's full text would say the same).
    expect(entries.map((e) => e.words)).toEqual(hard.map((p) => htmlWords(p.html)));
    expect(cache.items[0]!.html).toContain('Slide 18.');
    expect(cache.items[1]!.html).toContain('Get the print version!');
    expect(cache.items[2]!.html).toContain('<xmp>\n<div id="app">');
  });

  it('reads a page once: a later sync keeps the article it has', async () => {
    serveSite('/index.xml', rss2(server.url, 'R', posts, false), 'application/rss+xml');
    await syncFeed(`${server.url}/index.xml`, { env });
    const before = server.requests.length;
    await syncFeed(`${server.url}/index.xml`, { env });
    expect(server.requests.slice(before).map((r) => r.url)).toEqual(['/index.xml']);
  });
});

describe('the list of a cached feed, beside its copy', () => {
  it('holds every post of the copy, newest first, and a start reads the text only when a post is read', async () => {
    for (const feed of [rss2(server.url, 'R', posts), atom(server.url, 'A', posts), jsonFeed(server.url, 'J', posts)]) {
      serveSite('/index.xml', feed, 'application/rss+xml');
      const address = `${server.url}/index.xml`;
      const { cache } = await syncFeed(address, { env });
      const index = readFeedIndex(address, env)!;
      expect(index).toBeDefined();
      const whole = feedSource(cache);
      expect(index.posts).toEqual(whole.posts);
      expect(index).toMatchObject({ title: cache.title, feedUrl: cache.feedUrl, fetchedAt: cache.fetchedAt });
      const listed = feedSource(index, { env });
      const first = listed.posts[0]!;
      expect(listed.readBody(first)).toBe(whole.readBody(first));
    }
  });

  it('has a head beside it with the first screen: the number of posts and the first of them, newest first', async () => {
    const many = Array.from({ length: HEAD_POSTS + 20 }, (_, i) => ({ ...posts[2]!, title: `Post ${i + 1}`, path: `/posts/p${i + 1}/`, date: new Date(Date.UTC(2024, 0, 1) + i * 86_400_000).toISOString().replace(/\.\d{3}Z$/, '+00:00') }));
    serveSite('/index.xml', rss2(server.url, 'Many posts', many), 'application/rss+xml');
    const address = `${server.url}/index.xml`;
    await syncFeed(address, { env });
    const index = readFeedIndex(address, env)!;
    const head = readFeedHead(address, env)!;
    expect(head).toMatchObject({ address, title: 'Many posts', fetchedAt: index.fetchedAt, count: HEAD_POSTS + 20 });
    expect(head.posts).toEqual(index.posts.slice(0, HEAD_POSTS));
    expect(head.posts[0]!.title).toBe(`Post ${HEAD_POSTS + 20}`);
    // The app's first screen is made from it, under the address as given.
    expect(feedPreview(`${address}#top`, env)).toMatchObject({ id: address, name: 'Many posts', fetchedAt: index.fetchedAt, screen: { count: HEAD_POSTS + 20, posts: head.posts } });
    // A feed confirmed unchanged (304) rewrites no file but the time: the head says it too.
    const later = new Date(Date.parse(index.fetchedAt) + 60_000).toISOString();
    markChecked(address, later, env);
    expect(readFeedHead(address, env)!.fetchedAt).toBe(later);
    expect(readFeedHead(`${server.url}/other.xml`, env)).toBeUndefined();
    expect(feedPreview(`${server.url}/other.xml`, env)).toBeUndefined();
    expect(feedPreview('ftp://example.com/feed', env)).toBeUndefined();
    // A copy without a head (written before heads were) gets one when the app next shows it.
    rmSync(feedCachePath(address, env).replace(/\.json$/, '.head.json'));
    expect(readFeedHead(address, env)).toBeUndefined();
    await loadFeedPosts(address, { verbose: false }, { stderr: { write: () => true, isTTY: false } as never, env }, 'later');
    expect(readFeedHead(address, env)!.posts).toEqual(head.posts);
  });

  it('gives the list when the copy with the text is gone, and says so when a post is read', async () => {
    serveSite('/index.xml', rss2(server.url, 'R', posts), 'application/rss+xml');
    const address = `${server.url}/index.xml`;
    await syncFeed(address, { env });
    writeFileSync(feedCachePath(address, env), 'not json');
    const listed = feedSource(readFeedIndex(address, env)!, { env });
    expect(listed.posts.map((p) => p.title)).toEqual(posts.map((p) => p.title));
    expect(() => listed.readBody(listed.posts[0]!)).toThrow("the feed's cached copy cannot be read: the cached feed is not valid JSON");
  });
});
