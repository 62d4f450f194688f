import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliAsync } from '../support/runCli.js';
import { postPage, rss2, startFeedServer, testPosts, type FeedServer } from '../support/feedServer.js';

let server: FeedServer;
let home: string;
const posts = testPosts();

beforeAll(async () => {
  server = await startFeedServer();
  server.routes.set('/', { body: '<html><head><link rel="alternate" type="application/rss+xml" href="/index.xml"></head><body>Home</body></html>' });
  server.routes.set('/index.xml', { body: rss2(server.url, 'A feed & its posts', posts), type: 'application/rss+xml' });
  server.routes.set('/summaries/index.xml', { body: rss2(server.url, 'Summaries', posts, false), type: 'application/rss+xml' });
  for (const p of posts) server.routes.set(p.path, { body: postPage(p) });
  server.routes.set('/plain', { body: '<html><body>nothing</body></html>' });
  home = mkdtempSync(join(tmpdir(), 'blog-tui-feedcli-'));
});

afterAll(async () => {
  await server.close();
  rmSync(home, { recursive: true, force: true });
});

const run = (args: string[]) => runCliAsync(args, { HOME: home, XDG_CACHE_HOME: join(home, 'cache'), XDG_STATE_HOME: join(home, 'state'), COLUMNS: '100' });

describe('blog-tui ADDRESS', () => {
  it('lists a blog found from its home page, newest first, with date, reading time and words', async () => {
    const { code, stdout, stderr } = await run([`${server.url}/`, 'list']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const rows = stdout.trim().split('\n').slice(1);
    expect(rows.map((r) => r.replace(/\s+/g, ' '))).toEqual([
      expect.stringMatching(/^March 5, 2024 1 min \d+ words tables-and-code Tables & code in feeds$/),
      expect.stringMatching(/^February 1, 2024 1 min \d+ words lists Lists <and> entities$/),
      expect.stringMatching(/^December 24, 2023 2 min 280 words hello Hello feeds$/),
    ]);
  });

  it('takes --url, gives the entries as JSON with each post\'s web address', async () => {
    const { code, stdout } = await run(['--url', `${server.url}/index.xml`, 'list', '--json']);
    expect(code).toBe(0);
    const entries = JSON.parse(stdout) as { url: string; link: string; title: string }[];
    expect(entries.map((e) => [e.url, e.link])).toEqual(posts.map((p) => [p.path, `${server.url}${p.path}`]));
  });

  it('reads a post as the Markdown posts are drawn: table, code, lists, links resolved; its address in the header', async () => {
    const { code, stdout } = await run(['--url', `${server.url}/`, 'read', 'tables']);
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe('Tables & code in feeds');
    expect(lines[1]).toBe(`March 5, 2024 · 1 min · ${lines[1]!.split(' · ')[2]} · ${server.url}/posts/tables-and-code/`);
    expect(stdout).toMatch(/│ Format\s+│ Year\s+│/);
    expect(stdout).toContain('    func main() {');
    expect(stdout).toContain('[image: a chart]');
    expect(stdout).not.toMatch(/<\/?(p|table|code|pre|a)\b/);
    const lists = await run(['--url', `${server.url}/`, 'read', 'lists']);
    expect(lists.stdout).toMatch(/3\. three\n\s+4\. four\n\s+◦ nested — inner/);
  });

  it('reads the pages of a feed of summaries and counts the words of each article', async () => {
    const full = await run(['--url', `${server.url}/index.xml`, 'list', '--json']);
    const summaries = await run(['--url', `${server.url}/summaries/index.xml`, 'list', '--json']);
    expect(summaries.code).toBe(0);
    const words = (out: string) => (JSON.parse(out) as { words: number }[]).map((e) => e.words);
    expect(words(summaries.stdout)).toEqual(words(full.stdout));
  });

  it('reads a post the cached copy has without asking the server; a post it lacks makes it fetch the feed', async () => {
    const blog = await startFeedServer({ '/index.xml': { body: rss2('', 'Cached', posts), type: 'application/rss+xml' } });
    try {
      const address = `${blog.url}/index.xml`;
      expect((await run([address, 'list'])).code).toBe(0);
      const since = { ...posts[0]!, title: 'Published since', path: '/posts/since/' };
      blog.routes.set('/index.xml', { body: rss2('', 'Cached', [since, ...posts]), type: 'application/rss+xml' });
      const asked = blog.requests.length;
      const cached = await run([address, 'read', 'lists']);
      expect(cached.stderr).toBe('');
      expect(cached.code).toBe(0);
      expect(cached.stdout.split('\n')[0]).toBe('Lists <and> entities');
      expect(blog.requests.length).toBe(asked);
      const fresh = await run([address, 'read', 'since']);
      expect(fresh.code).toBe(0);
      expect(fresh.stdout.split('\n')[0]).toBe('Published since');
      expect(blog.requests.length).toBe(asked + 1);
    } finally {
      await blog.close();
    }
  });

  it('fails with one line for an address without a feed, an unknown scheme, or a server that is gone', async () => {
    const bare = await startFeedServer({ '/plain': { body: '<html><body>nothing</body></html>' } });
    const none = await run([`${bare.url}/plain`, 'list']);
    const gone = await run(['--url', `${bare.url}/`, 'list']).then(async (first) => {
      expect(first.code).toBe(1);
      await bare.close();
      return run(['--url', `${bare.url}/`, 'list']);
    });
    expect(none.code).toBe(1);
    expect(none.stderr).toBe(`blog-tui: ${bare.url}/plain is not a feed, and no feed was found from it (its <link rel="alternate">, index.xml, feed.xml, atom.xml, rss.xml, feed.json)\n`);
    const ftp = await run(['ftp://127.0.0.1/feed', 'list']);
    expect(ftp.code).toBe(1);
    expect(ftp.stderr).toBe('blog-tui: only http and https addresses are read, not ftp\n');
    expect(gone.code).toBe(1);
    expect(gone.stderr).toBe(`blog-tui: cannot reach ${bare.url}/: the connection was refused\n`);
  });
});
