// The post list is painted before the full-screen framework (Ink) has loaded; Ink then draws its
// first frame over it. The two must be the same bytes, keys typed in between must reach the app
// (not be echoed or lost), and every way out in between must give the terminal back.
// The built command runs on a real pseudo-terminal (test/support/pty_run.py).
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { blogTui, runInPty, type PtyResult, type PtyStep } from '../support/ptyRun.js';
import { runCli, runCliAsync } from '../support/runCli.js';
import { tempPosts } from '../support/tempPosts.js';
import { rss2, startFeedServer, testPosts, type FeedServer } from '../support/feedServer.js';

const ESC = '\u001b';
const BEGIN = `${ESC}[?2026h`;
const END = `${ESC}[?2026l`;
const HOME = `${ESC}[H`;
const RAW: PtyStep = { waitTermios: { icanon: false, echo: false } };
const TEST_TIMEOUT = 20_000;

function tail(result: PtyResult, chars = 600): string {
  return JSON.stringify(result.output.slice(-chars));
}

/** The synchronized blocks written, in order, each with what follows its end up to the next one. */
function blocks(output: string): { body: string; after: string }[] {
  const parts = output.split(BEGIN).slice(1);
  return parts.map((part) => {
    const end = part.indexOf(END);
    return { body: end < 0 ? part : part.slice(0, end), after: end < 0 ? '' : part.slice(end + END.length) };
  });
}

function expectRestored(result: PtyResult): void {
  expect(result.timedOut, `timed out: ${result.error}; ${tail(result)}`).toBe(false);
  expect(result.termios, tail(result)).toMatchObject({ icanon: true, echo: true });
  const out = result.output;
  expect(out.lastIndexOf(`${ESC}[?1049l`), tail(result)).toBeGreaterThan(out.lastIndexOf(`${ESC}[?1049h`));
  expect(out.lastIndexOf(`${ESC}[?25h`), tail(result)).toBeGreaterThan(out.lastIndexOf(`${ESC}[?25l`));
}

describe('the list painted before the full-screen framework has loaded (built dist/blog-tui.js on a pty)', () => {
  for (const [what, args, size] of [
    ['bundled posts, 80x24, the style asked of the terminal', ['--no-state'], [80, 24]],
    ['bundled posts, 100x30, the dark style at 256 colours', ['--no-state', '--style', 'dark'], [100, 30]],
    ['bundled posts, 60x10 (no summaries), the light style', ['--no-state', '--style', 'light'], [60, 10]],
  ] as const) {
    it(`is the frame Ink draws over it, byte for byte: ${what}`, { timeout: TEST_TIMEOUT }, async () => {
      const result = await runInPty({
        argv: blogTui(...args),
        cols: size[0],
        rows: size[1],
        env: { TERM: 'xterm-256color', NO_COLOR: null, FORCE_COLOR: null, COLORTERM: null },
        steps: [{ wait: '1/5 ' }, { wait: '1/5 ' }, RAW, { send: 'q' }],
      });
      expectRestored(result);
      expect(result.exitCode).toBe(0);
      const [early, ink] = blocks(result.output);
      expect(early, tail(result)).toBeDefined();
      expect(ink, tail(result)).toBeDefined();
      // The first paint ends by sending the cursor home, where Ink's first frame starts...
      expect(early!.after.startsWith(HOME), JSON.stringify(early!.after.slice(0, 40))).toBe(true);
      // ...which writes exactly the same bytes: nothing on screen changes at the hand-over.
      expect(ink!.body).toBe(early!.body);
      expect(early!.body).toContain('5 posts');
      expect(early!.body).toMatch(/\u001b\[[0-9;]*m/);
    });
  }

  it('keys typed while it loads are acted on, in order, and not echoed', { timeout: TEST_TIMEOUT }, async () => {
    for (const args of [['--no-state'], ['--no-state', '--style', 'plain']]) {
      const result = await runInPty({
        argv: blogTui(...args),
        // As soon as the terminal is in raw mode, before the first frame: Down, Down, Up.
        steps: [RAW, { send: `${ESC}[B${ESC}[Bk` }, { waitRegex: String.raw`2/5\b` }, { send: 'q' }],
      });
      expectRestored(result);
      expect(result.exitCode, tail(result)).toBe(0);
      expect(result.output).not.toContain('^[[B');
      expect(result.output).not.toMatch(/3\/5 [\s\S]*2\/5 [\s\S]*3\/5 /);
    }
  });

  it('a key pressed right after the first frame is acted on', { timeout: TEST_TIMEOUT }, async () => {
    const result = await runInPty({
      argv: blogTui('--no-state'),
      steps: [{ wait: '1/5 ' }, { send: `${ESC}[B` }, { wait: '2/5 ' }, { send: 'q' }],
    });
    expectRestored(result);
    expect(result.exitCode, tail(result)).toBe(0);
  });

  it('moves in the list right after the first frame are answered before Ink loads, and Ink starts where they left', { timeout: TEST_TIMEOUT }, async () => {
    const result = await runInPty({
      argv: blogTui('--no-state'),
      cols: 100,
      rows: 30,
      steps: [{ wait: '1/5 ' }, { send: `${ESC}[B` }, { wait: '2/5 ' }, { send: 'j' }, { wait: '3/5 ' }, { send: 'k' }, { wait: '2/5 ' }, RAW, { sleep: 0.6 }, { send: 'q' }],
    });
    expectRestored(result);
    expect(result.exitCode, tail(result)).toBe(0);
    const all = blocks(result.output);
    // The first paint, then rows drawn again in place (each erased to its end), then Ink's first frame.
    expect(all[1]!.body).toMatch(/^\u001b\[\d+;1H[\s\S]*\u001b\[K/);
    const ink = all.slice(1).find((b) => b.body.startsWith(`${ESC}[?25l`));
    expect(ink, tail(result)).toBeDefined();
    expect(ink!.body).toContain('2/5 ');
  });

  it('q right after the first frame quits at once, before Ink loads', { timeout: TEST_TIMEOUT }, async () => {
    const result = await runInPty({ argv: blogTui('--no-state'), steps: [{ wait: '1/5 ' }, { send: 'q' }] });
    expectRestored(result);
    expect(result.exitCode, tail(result)).toBe(0);
    expect(blocks(result.output).filter((b) => b.body.startsWith(`${ESC}[?25l`))).toHaveLength(1);
  });

  it('a key the list does not answer before Ink loads (Enter) is the app\'s, with the keys after it', { timeout: TEST_TIMEOUT }, async () => {
    const result = await runInPty({
      argv: blogTui('--no-state'),
      steps: [{ wait: '1/5 ' }, { send: 'j\r' }, { waitRegex: String.raw`\d+%` }, RAW, { send: 'q' }, { wait: '2/5 ' }, { send: 'q' }],
    });
    expectRestored(result);
    expect(result.exitCode, tail(result)).toBe(0);
  });

  it('Ctrl-C right after the first frame leaves with status 130 and the terminal restored', { timeout: TEST_TIMEOUT }, async () => {
    const result = await runInPty({ argv: blogTui('--no-state'), steps: [{ wait: '1/5 ' }, { send: '\u0003' }] });
    expectRestored(result);
    expect(result.exitCode, tail(result)).toBe(130);
  });

  it('SIGTERM right after the first frame ends the process by the signal with the terminal restored', { timeout: TEST_TIMEOUT }, async () => {
    const result = await runInPty({ argv: blogTui('--no-state'), steps: [{ wait: '1/5 ' }, { signal: 'SIGTERM' }] });
    expectRestored(result);
    expect(result.signal, tail(result)).toBe('SIGTERM');
  });

  it('is not painted in CI, where Ink draws only its last frame', { timeout: TEST_TIMEOUT }, async () => {
    const result = await runInPty({ argv: blogTui('--no-state'), env: { CI: 'true' }, steps: [RAW, { send: 'q' }] });
    expect(result.exitCode, tail(result)).toBe(0);
    expect(result.output).not.toContain(BEGIN);
  });
});

describe("a posts folder's list painted from the head of its cache, before the whole cache is read", () => {
  /** A folder of three posts with its cache written (by `list`), and the environment that finds it. */
  function folderWithCache() {
    const dir = tempPosts({
      'one.md': '---\ntitle: First of three\ndate: 2024-01-03\n---\n\nOne.\n',
      'two.md': '---\ntitle: Second of three\ndate: 2024-01-02\n---\n\nTwo.\n',
      'three.md': '---\ntitle: Third of three\ndate: 2024-01-01\n---\n\nThree.\n',
    });
    const env = { XDG_CACHE_HOME: join(dir, '.cache'), XDG_STATE_HOME: join(dir, '.state') };
    expect(runCli(['--posts', dir, 'list'], env).code).toBe(0);
    const cacheDir = join(dir, '.cache', 'blog-tui');
    const head = join(cacheDir, readdirSync(cacheDir).find((name) => name.endsWith('.head.json'))!);
    return { dir, env, head };
  }

  it('is the frame Ink draws over it, byte for byte', { timeout: TEST_TIMEOUT }, async () => {
    const { dir, env } = folderWithCache();
    const result = await runInPty({ argv: blogTui('--posts', dir), env, steps: [{ wait: '1/3 ' }, { wait: '1/3 ' }, RAW, { send: 'q' }] });
    expectRestored(result);
    expect(result.exitCode, tail(result)).toBe(0);
    const [early, ink] = blocks(result.output);
    expect(early!.after.startsWith(HOME)).toBe(true);
    expect(ink!.body).toBe(early!.body);
    expect(early!.body).toContain('First of three');
  });

  it('a head the whole cache does not agree with is cleared, and the list is drawn as the cache has it', { timeout: TEST_TIMEOUT }, async () => {
    const { dir, env, head } = folderWithCache();
    // The head says something else than the cache (as if written apart from it).
    writeFileSync(head, readFileSync(head, 'utf8').replace('First of three', 'Stale title'));
    const result = await runInPty({ argv: blogTui('--posts', dir), env, steps: [{ wait: 'Stale title' }, { wait: 'First of three' }, RAW, { send: 'q' }] });
    expectRestored(result);
    expect(result.exitCode, tail(result)).toBe(0);
    const [early, ink] = blocks(result.output);
    expect(early!.body).toContain('Stale title');
    expect(early!.after).toContain(`${ESC}[2J`);
    expect(ink!.body).toContain('First of three');
    expect(ink!.body).not.toContain('Stale title');
  });
});

describe("a blog's list painted from the head of its cached copy, before anything that reads feeds has loaded", () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    while (cleanups.length) await cleanups.pop()!();
  });

  /** A feed served on 127.0.0.1, fetched once into a cache, and the head written beside the copy. */
  async function cachedFeed(): Promise<{ server: FeedServer; env: Record<string, string>; address: string; head: string }> {
    const home = mkdtempSync(join(tmpdir(), 'blog-tui-feedhead-'));
    cleanups.push(() => rmSync(home, { recursive: true, force: true }));
    const server = await startFeedServer();
    cleanups.push(() => server.close());
    server.routes.set('/index.xml', { body: rss2(server.url, 'A cached blog', testPosts()), type: 'application/rss+xml' });
    const env = { HOME: home, XDG_CACHE_HOME: join(home, 'cache'), XDG_STATE_HOME: join(home, 'state') };
    const address = `${server.url}/index.xml`;
    const fetched = await runCliAsync([address, 'list'], env);
    expect(fetched.code, fetched.stderr).toBe(0);
    const feeds = join(home, 'cache', 'blog-tui', 'feeds');
    const head = join(feeds, readdirSync(feeds).find((name) => name.endsWith('.head.json'))!);
    // The server holds the feed's request: the first frame cannot wait for it.
    server.routes.set('/index.xml', (_request, response: ServerResponse) => void cleanups.push(() => void response.destroy()));
    return { server, env, address, head };
  }

  it('is the frame Ink draws over it, byte for byte, with how old the copy is', { timeout: TEST_TIMEOUT }, async () => {
    const { env, address } = await cachedFeed();
    const result = await runInPty({ argv: blogTui(address), env, steps: [{ wait: '1/3 ' }, { wait: '1/3 ' }, RAW, { send: 'q' }] });
    expectRestored(result);
    expect(result.exitCode, tail(result)).toBe(0);
    const [early, ink] = blocks(result.output);
    expect(early!.after.startsWith(HOME)).toBe(true);
    expect(ink!.body).toBe(early!.body);
    expect(early!.body).toContain('Tables & code in feeds');
    expect(early!.body).toMatch(/A cached blog · fetched (just now|1 min ago) · checking…/);
  });

  it('a head the cached list does not agree with is cleared, and the list is drawn as the list has it', { timeout: TEST_TIMEOUT }, async () => {
    const { env, address, head } = await cachedFeed();
    writeFileSync(head, readFileSync(head, 'utf8').replace('Tables & code in feeds', 'Stale title'));
    const result = await runInPty({ argv: blogTui(address), env, steps: [{ wait: 'Stale title' }, { wait: 'Tables & code in feeds' }, RAW, { send: 'q' }] });
    expectRestored(result);
    expect(result.exitCode, tail(result)).toBe(0);
    const [early, ink] = blocks(result.output);
    expect(early!.body).toContain('Stale title');
    expect(early!.after).toContain(`${ESC}[2J`);
    expect(ink!.body).toContain('Tables & code in feeds');
    expect(ink!.body).not.toContain('Stale title');
  });
});
