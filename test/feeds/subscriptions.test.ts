import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/configFile.js';
import { appendFeed, removeFeedAt } from '../../src/config/feedList.js';
import { CONFIG_SCHEMA } from '../../src/cli/settings.js';
import { runCliAsync } from '../support/runCli.js';
import { atom, postPage, rss2, startFeedServer, testPosts, type FeedServer } from '../support/feedServer.js';

describe('[[feeds]] in the config file', () => {
  it('reads each subscription with its line, and says what is wrong with a bad one', () => {
    const text = 'style = "dark"\n\n[[feeds]]\nurl = "https://jvns.ca/"\nname = "Julia"\n\n[[feeds]]\nurl = "ftp://x/"\n\n[[feeds]]\nurl = "http://127.0.0.1:8080/index.xml"\ncolour = "red"\n';
    const { values, problems } = parseConfig(text, 'config.toml', CONFIG_SCHEMA);
    expect(values.feeds).toEqual([
      { url: 'https://jvns.ca/', name: 'Julia', line: 3 },
      { url: 'http://127.0.0.1:8080/index.xml', line: 10 },
    ]);
    expect(problems).toEqual([
      'config.toml:7: a [[feeds]] table needs url = "http(s)://…", not "ftp://x/"',
      'config.toml:10: unknown setting "colour" in [[feeds]]; known: url, name',
    ]);
  });

  it('adds and removes a subscription as text, keeping comments and the other tables', () => {
    const dir = mkdtempSync(join(tmpdir(), 'blog-tui-feedlist-'));
    try {
      const path = join(dir, 'config.toml');
      writeFileSync(path, '# my settings\nstyle = "dark"   # dark it is\n\n[keys.reader]\ndown = ["j"]\n');
      appendFeed(path, 'https://a.example/', 'A "quoted" name');
      appendFeed(path, 'https://b.example/feed.xml');
      const added = readFileSync(path, 'utf8');
      expect(added).toBe('# my settings\nstyle = "dark"   # dark it is\n\n[keys.reader]\ndown = ["j"]\n\n[[feeds]]\nurl = "https://a.example/"\nname = "A \\"quoted\\" name"\n\n[[feeds]]\nurl = "https://b.example/feed.xml"\n');
      const { values } = parseConfig(added, path, CONFIG_SCHEMA);
      expect(values.feeds!.map((f) => [f.url, f.name])).toEqual([['https://a.example/', 'A "quoted" name'], ['https://b.example/feed.xml', undefined]]);
      removeFeedAt(path, values.feeds![0]!.line);
      expect(readFileSync(path, 'utf8')).toBe('# my settings\nstyle = "dark"   # dark it is\n\n[keys.reader]\ndown = ["j"]\n\n[[feeds]]\nurl = "https://b.example/feed.xml"\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('blog-tui add, feeds, sync and remove', () => {
  let server: FeedServer;
  let home: string;
  const posts = testPosts();

  beforeAll(async () => {
    server = await startFeedServer();
    server.routes.set('/one/index.xml', { body: rss2(server.url, 'Blog one', posts), type: 'application/rss+xml' });
    server.routes.set('/two/atom.xml', { body: atom(server.url, 'Blog two', posts.slice(1)), type: 'application/atom+xml' });
    for (const p of posts) server.routes.set(p.path, { body: postPage(p) });
    home = mkdtempSync(join(tmpdir(), 'blog-tui-subs-'));
    mkdirSync(join(home, 'config', 'blog-tui'), { recursive: true });
  });

  afterAll(async () => {
    await server.close();
    rmSync(home, { recursive: true, force: true });
  });

  const run = (args: string[]) => runCliAsync(args, { HOME: home, XDG_CONFIG_HOME: join(home, 'config'), XDG_CACHE_HOME: join(home, 'cache'), XDG_STATE_HOME: join(home, 'state') });
  const configText = () => readFileSync(join(home, 'config', 'blog-tui', 'config.toml'), 'utf8');

  it('subscribes, lists, syncs and unsubscribes, and refuses what it cannot do in one line', async () => {
    const first = await run(['add', `${server.url}/one/index.xml`]);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toBe(`added Blog one: 3 posts, RSS 2.0 feed ${server.url}/one/index.xml\n`);
    const second = await run(['add', `${server.url}/two/atom.xml`, '--name', 'Two']);
    expect(second.code).toBe(0);
    expect(configText()).toBe(`[[feeds]]\nurl = "${server.url}/one/index.xml"\n\n[[feeds]]\nurl = "${server.url}/two/atom.xml"\nname = "Two"\n`);

    const again = await run(['add', `${server.url}/one/index.xml`]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^blog-tui: already subscribed to .*config\.toml:1\)\n$/);
    const missing = await run(['add', `${server.url}/nothing/`]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^blog-tui: .* answered HTTP 404 Not Found\n$/);

    const feeds = await run(['feeds']);
    expect(feeds.code).toBe(0);
    expect(feeds.stdout.split('\n').map((l) => l.replace(/\s+/g, ' '))).toEqual([
      `Blog one ${server.url}/one/index.xml 3 posts fetched just now`,
      `Two ${server.url}/two/atom.xml 2 posts fetched just now`,
      '',
    ]);

    const sync = await run(['sync']);
    expect(sync.code).toBe(0);
    expect(sync.stdout.trim().split('\n').sort()).toEqual(['[1/2] Blog one: 3 posts, 0 new', '[2/2] Two: 2 posts, 0 new'].sort().map((l, i, all) => (all.length ? l : l)).map((l) => l).sort());

    server.routes.set('/two/atom.xml', { status: 500, body: 'down' });
    const failing = await run(['sync']);
    expect(failing.code).toBe(1);
    expect(failing.stdout).toMatch(/Two: .*answered HTTP 500 Internal Server Error \(the copy fetched just now kept\)/);

    const removed = await run(['remove', 'Two']);
    expect(removed).toMatchObject({ code: 0, stdout: 'removed Two\n' });
    expect(configText()).toBe(`[[feeds]]\nurl = "${server.url}/one/index.xml"\n`);
    const unknown = await run(['remove', 'nope']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe(`blog-tui: no subscription "nope"; subscribed: ${server.url}/one/index.xml\n`);
  });
});
