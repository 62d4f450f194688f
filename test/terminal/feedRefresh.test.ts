// A blog read by its address with a cached copy: the full-screen app shows the copy at once and
// fetches the feed after its first frame (the built command, its feed-sync worker, on a
// pseudo-terminal, against a server on 127.0.0.1 in this process).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { blogTui, frames, runInPty } from '../support/ptyRun.js';
import { runCliAsync } from '../support/runCli.js';
import { rss2, startFeedServer, testPosts, type FeedServer, type TestPost } from '../support/feedServer.js';
import { feedCachePath } from '../../src/content/feeds/feedCache.js';

const posts = testPosts();
const since: TestPost = { ...posts[0]!, title: 'A post published since', path: '/posts/since/', date: '2024-05-01T12:00:00+00:00' };
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** A server with the feed, a home for blog-tui, and the feed fetched once into its cache. */
async function cachedFeed(): Promise<{ server: FeedServer; env: Record<string, string>; address: string }> {
  const home = mkdtempSync(join(tmpdir(), 'blog-tui-feedrefresh-'));
  cleanups.push(() => rmSync(home, { recursive: true, force: true }));
  const server = await startFeedServer();
  cleanups.push(() => server.close());
  server.routes.set('/index.xml', { body: rss2(server.url, 'A cached blog', posts), type: 'application/rss+xml', headers: { etag: '"v1"' } });
  const env = { HOME: home, XDG_CACHE_HOME: join(home, 'cache'), BLOG_TUI_STATE_DIR: join(home, 'state') };
  const address = `${server.url}/index.xml`;
  const first = await runCliAsync([address, 'list'], env);
  expect(first.code, first.stderr).toBe(0);
  return { server, env, address };
}

describe('a cached feed in the full-screen app', () => {
  it('shows the cached list while the server has not answered, and quits at once', { timeout: 30_000 }, async () => {
    const { server, env, address } = await cachedFeed();
    const held: ServerResponse[] = [];
    server.routes.set('/index.xml', (_request, response) => void held.push(response));
    const result = await runInPty({
      argv: blogTui(address),
      env,
      steps: [{ wait: 'Tables & code in feeds' }, { wait: 'checking…', from: 'start' }, { send: 'q' }],
    });
    expect(result.exitCode, result.error ?? '').toBe(0);
    expect(held.every((response) => !response.headersSent)).toBe(true);
    const first = frames(result.output).find((f) => f.lines.some((l) => l.includes('Tables & code in feeds')))!;
    expect(first.lines[0]).toMatch(/^ A cached blog · fetched (just now|1 min ago) · checking…\s+3 posts/);
  });

  it('asks the server after the first frame and updates the list in place', { timeout: 30_000 }, async () => {
    const { server, env, address } = await cachedFeed();
    server.routes.set('/index.xml', { body: rss2(server.url, 'A cached blog', [since, ...posts]), type: 'application/rss+xml', headers: { etag: '"v2"' } });
    const result = await runInPty({
      argv: blogTui(address),
      env,
      steps: [{ wait: 'Tables & code in feeds' }, { wait: 'A post published since' }, { wait: '4 posts', from: 'start' }, { send: 'q' }],
    });
    expect(result.exitCode, result.error ?? '').toBe(0);
    const shown = frames(result.output);
    const first = shown.find((f) => f.lines.some((l) => l.includes('Tables & code in feeds')))!;
    expect(first.lines.join('\n')).not.toContain('A post published since');
    const last = shown.filter((f) => f.lines.some((l) => l.includes('A post published since'))).pop()!;
    expect(last.lines[0]).toMatch(/^ A cached blog · fetched just now\s+4 posts/);
    // The post selected in the cached list stays selected.
    expect(last.lines.find((l) => l.includes('▌'))).toContain('Tables & code in feeds');
    const asked = server.requests.filter((r) => r.url === '/index.xml');
    expect(asked.at(-1)!.headers['if-none-match']).toBe('"v1"');
  });

  it('offline, shows the copy and says when it was fetched', { timeout: 30_000 }, async () => {
    const { server, env, address } = await cachedFeed();
    const file = feedCachePath(new URL(address).href, env);
    const copy = JSON.parse(readFileSync(file, 'utf8')) as { fetchedAt: string };
    writeFileSync(file, JSON.stringify({ ...copy, fetchedAt: new Date(Date.now() - 3 * 3_600_000).toISOString() }));
    await server.close();
    const result = await runInPty({
      argv: blogTui(address),
      env,
      steps: [{ wait: 'offline, fetched 3 h ago' }, { send: '\r' }, { wait: 'offline, fetched 3 h ago · http' }, { send: 'q' }, { send: 'q' }],
    });
    expect(result.exitCode, result.error ?? '').toBe(0);
    const list = frames(result.output).find((f) => f.lines[0]!.includes('offline'))!;
    expect(list.lines[0]).toMatch(/^ A cached blog · offline, fetched 3 h ago\s+3 posts/);
    expect(list.lines.join('\n')).toContain('Showing the copy fetched 3 h ago: cannot reach');
    expect(result.output).toContain(`blog-tui: showing the copy fetched 3 h ago: cannot reach ${address}: the connection was refused`);
  });
});
