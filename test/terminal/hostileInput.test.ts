// The full-screen app on a pseudo-terminal with hostile posts, tiny terminals and bursts of
// resizes: nothing but blog-tui's own escape sequences reaches the terminal, every frame fits
// the terminal, and the terminal is given back as it was.
import { existsSync, readdirSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/content/postIndex.js';
import { blogTui, frames, runInPty, type PtyResult, type PtyStep } from '../support/ptyRun.js';
import { HOSTILE, OUTSIDE_SECRET, foreignControls, hostileCopy, tempDir } from '../support/hostile.js';

const ESC = '\u001b';
const STATUS = String.raw`\d{1,3}% ?(?:\x1b\[[0-9;]*m)*(?:\r?\n|\x1b\[\?2026l)`;
const LIST = String.raw`posts · newest first`;

function tail(result: PtyResult, chars = 800): string {
  return JSON.stringify(result.output.slice(-chars));
}

function expectRestored(result: PtyResult, code: number): void {
  expect(result.timedOut, `timed out: ${result.error}; ${tail(result)}`).toBe(false);
  expect(result.error, tail(result)).toBeNull();
  expect({ exitCode: result.exitCode, signal: result.signal }, tail(result)).toEqual({ exitCode: code, signal: null });
  expect(result.termios, tail(result)).toMatchObject({ icanon: true, echo: true });
  const out = result.output;
  expect(out.lastIndexOf(`${ESC}[?1049l`), tail(result)).toBeGreaterThan(out.lastIndexOf(`${ESC}[?1049h`));
  expect(out.lastIndexOf(`${ESC}[?25h`), tail(result)).toBeGreaterThan(out.lastIndexOf(`${ESC}[?25l`));
  expect(out).not.toContain(`${ESC}[3J`);
}

/** Every frame fits a terminal of `cols` x `rows`: no line wider, and at most rows - 1 lines. */
function expectFramesFit(result: PtyResult, cols: number, rows: number, from = 0): void {
  for (const frame of frames(result.output).filter((f) => f.start >= from)) {
    const shown = JSON.stringify(frame.lines, null, 1);
    expect(frame.lines.length, `a frame taller than ${rows - 1} rows: ${shown}`).toBeLessThanOrEqual(Math.max(1, rows - 1));
    for (const line of frame.lines) {
      if (stringWidth(line) > cols) expect.fail(`a line wider than ${cols} columns: ${JSON.stringify(line)} in ${shown}`);
    }
  }
}

/** Each wait gives up after `seconds`, so a failure reports quickly which step it was. */
function withTimeouts(steps: PtyStep[], seconds: number): PtyStep[] {
  return steps.map((step) => ('wait' in step || 'waitRegex' in step) && step.timeout === undefined ? { ...step, timeout: seconds } : step);
}

function cacheEnv(): Record<string, string> {
  return { XDG_CACHE_HOME: tempDir('blog-tui-cache-') };
}

describe('the app on hostile posts (a copy of test/fixtures/hostile with a 5 MB post, loops and odd names)', () => {
  it('opens every post and the pickers, and writes nothing but its own escape sequences', { timeout: 90_000 }, async () => {
    const dir = hostileCopy({ big: true });
    const count = buildIndex(dir).index.posts.length;
    const steps: PtyStep[] = [{ waitRegex: LIST }, { waitTermios: { icanon: false, echo: false } }];
    for (let i = 0; i < count; i++) {
      steps.push({ send: '\r' }, { waitRegex: STATUS, timeout: 20 }, { send: 'G' }, { send: 'q' }, { waitRegex: LIST }, { send: 'j' });
    }
    steps.push(
      // The post with escape sequences everywhere: its contents and its links.
      { send: '/cHduZWQ' }, { send: '\r' }, { send: '\r' }, { waitRegex: STATUS },
      { send: 't' }, { wait: 'Contents · Evil' }, { send: 'q' }, { waitRegex: STATUS },
      { send: 'o' }, { wait: 'Links · Evil' }, { send: 'G' }, { send: 'q' }, { waitRegex: STATUS },
      { send: '/' }, { send: 'pwned' }, { send: '\r' }, { send: 'n' }, { send: '\u001b' }, { sleep: 0.1 },
      { send: 'q' }, { waitRegex: LIST }, { send: '\u001b' }, { sleep: 0.1 },
      // The tags (some with escape sequences), one chosen, then all posts again; the help.
      { send: 't' }, { wait: 'All posts' }, { send: 'G' }, { send: '\r' }, { waitRegex: LIST },
      { send: 't' }, { send: 'g' }, { send: '\r' }, { waitRegex: LIST },
      { send: '?' }, { wait: 'Esc close' }, { send: 'G' }, { send: 'q' }, { waitRegex: LIST },
      { send: 'q' },
    );
    const result = await runInPty({ argv: blogTui('--posts', dir, '--no-state'), env: cacheEnv(), steps: withTimeouts(steps, 15), timeout: 80 });
    expectRestored(result, 0);
    expect(foreignControls(result.output)).toEqual([]);
    expect(result.output).not.toContain(OUTSIDE_SECRET);
    expect(result.output).toContain('Evil ^[]52;c;cHduZWQ=^G');
    expect(result.output).toContain('#tag^[[31m');
    expectFramesFit(result, 80, 24);
  });

  it('says why a post deleted after the index was built cannot be shown, and goes on', { timeout: 30_000 }, async () => {
    const dir = hostileCopy({ deleted: true });
    const env = cacheEnv();
    const cacheDir = join(env.XDG_CACHE_HOME!, 'blog-tui');
    // A folder seen for the first time is listed from its front matter, then the folder-check
    // worker builds the index, writes the cache and hands the app the posts: the post is deleted
    // once the cache is written; it is opened (found with the filter) once it is gone and the
    // app has the posts (their figures known).
    const watcher = setInterval(() => {
      if (existsSync(cacheDir) && readdirSync(cacheDir).some((f) => f.endsWith('.json')) && existsSync(join(dir, 'deleted.md'))) {
        unlinkSync(join(dir, 'deleted.md'));
      }
    }, 5);
    try {
      const result = await runInPty({
        argv: blogTui('--posts', dir, '--no-state'),
        env,
        steps: [
          { waitRegex: LIST }, { waitTermios: { icanon: false, echo: false } }, { waitFile: join(dir, 'deleted.md'), exists: false }, { waitRegex: String.raw`\d words`, from: 'start' }, { sleep: 0.3 },
          { send: '/' }, { send: 'Deleted after' }, { send: '\r' }, { waitRegex: String.raw`1 of \d+ posts` }, { send: '\r' },
          { wait: 'This post cannot be shown: ENOENT (deleted.md).' }, { send: 'q' },
          { waitRegex: LIST }, { send: '\u001b' }, { waitRegex: String.raw`(?<!of )\b\d+ posts · newest first`, from: 'now' },
          { send: 'j\r' }, { waitRegex: STATUS }, { send: 'q' }, { waitRegex: LIST }, { send: 'q' },
        ],
        timeout: 25,
      });
      expectRestored(result, 0);
      expect(foreignControls(result.output)).toEqual([]);
    } finally {
      clearInterval(watcher);
    }
  });
});

describe('tiny terminals and bursts of resizes', () => {
  for (const [cols, rows] of [[1, 1], [20, 5], [19, 24], [44, 5]] as const) {
    it(`${cols}x${rows}: a short "too small" line, nothing wrapped or scrolled, and the keys still work`, { timeout: 20_000 }, async () => {
      const result = await runInPty({
        argv: blogTui('--no-state'),
        cols,
        rows,
        steps: [{ waitTermios: { icanon: false, echo: false } }, { wait: cols === 1 ? '…' : 'Too small' }, { send: 'jjG?' }, { sleep: 0.2 }, { send: 'q' }, { sleep: 0.1 }, { send: 'q' }],
      });
      expectRestored(result, 0);
      const all = frames(result.output);
      expect(all.length).toBeGreaterThan(0);
      for (const frame of all) {
        expect(frame.lines, JSON.stringify(frame.lines)).toHaveLength(1);
        expect(stringWidth(frame.lines[0]!)).toBeLessThanOrEqual(cols);
        expect(frame.lines[0]).toMatch(cols === 1 ? /^…$/ : /^Too small$/);
      }
      // At most one line break in the alternate screen: nothing scrolls.
      const inside = result.output.slice(result.output.indexOf(`${ESC}[?1049h`), result.output.lastIndexOf(`${ESC}[?1049l`));
      expect(inside.split('\n').length - 1).toBeLessThan(rows);
    });
  }

  it('shows the long "too small" message only when it fits', { timeout: 20_000 }, async () => {
    const result = await runInPty({ argv: blogTui('--no-state'), cols: 60, rows: 5, steps: [{ wait: 'Terminal too small: 60x5, blog-tui needs 20x6' }, { send: 'q' }] });
    expectRestored(result, 0);
  });

  it('a burst of resizes while scrolling a post (down to 1x1, up to 300x100) leaves a correct screen', { timeout: 30_000 }, async () => {
    const sizes: Array<[number, number]> = [[120, 40], [1, 1], [300, 100], [20, 5], [45, 12], [20, 6], [200, 60], [33, 9], [100, 30]];
    const burst: PtyStep[] = [];
    for (const [i, size] of sizes.entries()) burst.push({ resize: size }, { send: i % 2 ? 'd' : 'jjj' });
    const result = await runInPty({
      argv: blogTui('--no-state', 'read', 'cors'),
      steps: [
        { waitRegex: STATUS }, { waitTermios: { icanon: false, echo: false } },
        ...burst, ...burst.reverse(),
        // Settled once the status is drawn for 70 columns: the hints cut after "?" (frames drawn
        // while the app still had an older size do not fit, and are not waited for).
        { resize: [70, 20] }, { waitRegex: String.raw`Esc quit · \?… +\d{1,3}%`, from: 'now' }, { mark: 'settled' }, { send: 'j' }, { waitRegex: STATUS, from: 'now' }, { send: 'q' },
      ],
      timeout: 25,
    });
    expectRestored(result, 0);
    const settled = result.markOffsets.settled!;
    const last = frames(result.output).filter((f) => f.start >= settled).pop();
    expect(last, tail(result, 3000)).toBeDefined();
    expect(last!.lines[last!.lines.length - 1]).toMatch(/\d{1,3}%\s*$/);
    expect(last!.lines[0]).toMatch(/CORS/);
    expectFramesFit(result, 70, 20, settled);
    expect(foreignControls(result.output)).toEqual([]);
  });
});

describe('the fixture folder itself (as the manual check in tmux uses it)', () => {
  it('browses test/fixtures/hostile at 80x24 and quits cleanly', { timeout: 30_000 }, async () => {
    const steps: PtyStep[] = [{ waitRegex: LIST }, { waitTermios: { icanon: false, echo: false } }];
    for (let i = 0; i < 13; i++) steps.push({ send: '\r' }, { waitRegex: STATUS }, { send: 'q' }, { waitRegex: LIST }, { send: 'j' });
    steps.push({ send: 'q' });
    const result = await runInPty({ argv: blogTui('--posts', HOSTILE, '--no-state'), env: cacheEnv(), steps, timeout: 25 });
    expectRestored(result, 0);
    expect(foreignControls(result.output)).toEqual([]);
    expectFramesFit(result, 80, 24);
  });
});
