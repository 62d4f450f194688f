// Every way out of the full-screen app must give the terminal back as it was: alternate screen
// left, cursor shown, raw mode off, scrollback untouched, and the conventional exit status.
// The built command runs on a real pseudo-terminal (test/support/pty_run.py).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { constants, tmpdir } from 'node:os';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blogTui, frames, runInPty, type PtyResult, type PtyStep } from '../support/ptyRun.js';
import { HOSTILE } from '../support/hostile.js';

const ESC = '\u001b';
const ENTER_ALT = `${ESC}[?1049h`;
const LEAVE_ALT = `${ESC}[?1049l`;
const HIDE_CURSOR = `${ESC}[?25l`;
const SHOW_CURSOR = `${ESC}[?25h`;
const ERASE_SCROLLBACK = `${ESC}[3J`;
const MOUSE_ON = `${ESC}[?1000h`;
const MOUSE_OFF = `${ESC}[?1000l`;

/** The reader's status line: a percentage at the end of a line (not "0.17 %" in a post). */
const STATUS = String.raw`\d{1,3}% ?(?:\x1b\[[0-9;]*m)*(?:\r?\n|\x1b\[\?2026l)`;
/** The rule under the reader's header, 100 columns long: only a frame laid out for a terminal
 *  wider than 100 columns (at 80 columns the text column is 76 wide). The harness matches
 *  bytes, so the three-byte character is grouped before it is counted. */
const WIDE_STATUS = String.raw`(?:─){100}`;

const LIST_SHOWN: PtyStep[] = [{ wait: '5 posts' }, { waitTermios: { icanon: false, echo: false } }];
const POST_OPEN: PtyStep[] = [...LIST_SHOWN, { send: '\r' }, { waitRegex: STATUS }];

const TEST_TIMEOUT = 15_000;

/** The end of the output as a JS string literal, for failure messages. */
function tail(result: PtyResult, chars = 600): string {
  return JSON.stringify(result.output.slice(-chars));
}

function around(output: string, index: number, chars = 200): string {
  return JSON.stringify(output.slice(Math.max(0, index - chars), index + chars));
}

function expectRanCleanly(result: PtyResult): void {
  expect(result.timedOut, `harness timed out: ${result.error}; output tail ${tail(result)}`).toBe(false);
  expect(result.error, `output tail ${tail(result)}`).toBeNull();
}

/** The assertions every way out shares (soft: a failure lists every property that is wrong). */
function expectTerminalRestored(result: PtyResult): void {
  const out = result.output;
  const lastEnter = out.lastIndexOf(ENTER_ALT);
  expect.soft(lastEnter, `the alternate screen was never entered; output tail ${tail(result)}`).toBeGreaterThanOrEqual(0);
  expect.soft(
    out.indexOf(LEAVE_ALT, lastEnter),
    `no ESC[?1049l after the last ESC[?1049h; output tail ${tail(result)}`,
  ).toBeGreaterThan(lastEnter);
  const lastHide = out.lastIndexOf(HIDE_CURSOR);
  expect.soft(
    out.lastIndexOf(SHOW_CURSOR),
    `the cursor is not shown after the last ESC[?25l; output tail ${tail(result)}`,
  ).toBeGreaterThan(lastHide);
  const mouseOn = out.lastIndexOf(MOUSE_ON);
  expect.soft(mouseOn, `mouse reporting was never turned on; output tail ${tail(result)}`).toBeGreaterThanOrEqual(0);
  expect.soft(out.lastIndexOf(MOUSE_OFF), `mouse reporting is still on at the end; output tail ${tail(result)}`).toBeGreaterThan(mouseOn);
  const erase = out.indexOf(ERASE_SCROLLBACK);
  const erases = out.split(ERASE_SCROLLBACK).length - 1;
  expect.soft(
    erase,
    `ESC[3J (erase scrollback) written ${erases} time(s), first at output index ${erase} of ${out.length}: ` +
      (erase >= 0 ? around(out, erase) : ''),
  ).toBe(-1);
  expect.soft(result.termios, `terminal modes after exit; output tail ${tail(result)}`).toMatchObject({
    icanon: true,
    echo: true,
  });
}

function expectExitCode(result: PtyResult, code: number): void {
  expect(
    { exitCode: result.exitCode, signal: result.signal },
    `exit status; output tail ${tail(result)}`,
  ).toEqual({ exitCode: code, signal: null });
}

/** Ended by the signal itself (WIFSIGNALED), or by exit(128 + n), as a shell reports both. */
function expectKilledBy(result: PtyResult, signal: 'SIGINT' | 'SIGTERM' | 'SIGHUP'): void {
  const byExit = result.exitCode === 128 + constants.signals[signal];
  expect(
    result.signal === signal || byExit,
    `expected the command to end by ${signal} (or exit ${128 + constants.signals[signal]}), ` +
      `got exitCode=${result.exitCode} signal=${result.signal}; output tail ${tail(result)}`,
  ).toBe(true);
}

describe('terminal restore on every way out (built dist/blog-tui.js on a pty)', () => {
  it('(a) q on the list exits 0', { timeout: TEST_TIMEOUT }, async () => {
    const result = await runInPty({ argv: blogTui(), steps: [...LIST_SHOWN, { send: 'q' }] });
    expectRanCleanly(result);
    expect(result.output).toContain('q quit');
    expectTerminalRestored(result);
    expectExitCode(result, 0);
  });

  it('(b) the Ctrl-C key exits 130', { timeout: TEST_TIMEOUT }, async () => {
    // Raw mode is on (waited for above), so 0x03 is a key for the app, not SIGINT.
    const result = await runInPty({ argv: blogTui(), steps: [...LIST_SHOWN, { send: '\u0003' }] });
    expectRanCleanly(result);
    expectTerminalRestored(result);
    expectExitCode(result, 130);
  });

  for (const [label, signal] of [
    ['(c)', 'SIGINT'],
    ['(d)', 'SIGTERM'],
    ['(e)', 'SIGHUP'],
  ] as const) {
    it(`${label} ${signal} while the list is shown ends the process by ${signal}`, { timeout: TEST_TIMEOUT }, async () => {
      const result = await runInPty({ argv: blogTui(), steps: [...LIST_SHOWN, { signal }] });
      expectRanCleanly(result);
      expectTerminalRestored(result);
      expectKilledBy(result, signal);
    });
  }

  it('(f) SIGTERM while a post is open in the reader', { timeout: TEST_TIMEOUT }, async () => {
    const result = await runInPty({ argv: blogTui(), steps: [...POST_OPEN, { signal: 'SIGTERM' }] });
    expectRanCleanly(result);
    expectTerminalRestored(result);
    expectKilledBy(result, 'SIGTERM');
  });

  it('(g) `read cors` then q exits 0', { timeout: TEST_TIMEOUT }, async () => {
    const result = await runInPty({
      argv: blogTui('read', 'cors'),
      steps: [{ waitRegex: STATUS }, { waitTermios: { icanon: false, echo: false } }, { send: 'q' }],
    });
    expectRanCleanly(result);
    expect(result.output).toContain('CORS');
    expectTerminalRestored(result);
    expectExitCode(result, 0);
  });

  it('(h) resizing while reading (120x40, then 60x20), then q q, exits 0', { timeout: TEST_TIMEOUT }, async () => {
    const result = await runInPty({
      argv: blogTui(),
      cols: 80,
      rows: 24,
      steps: [
        ...POST_OPEN,
        { resize: [120, 40] },
        { waitRegex: WIDE_STATUS, from: 'start' },
        { resize: [60, 20] },
        { mark: 'small' },
        { waitRegex: STATUS, from: 'now' },
        // The post laid out again for 60 columns: its title wrapped after "A" (a frame of the
        // 120-column layout cut to 60 columns would show "A System D…" on one line).
        { waitRegex: String.raw`URL Shortener: A[\x1b -~]*\r?\n[^\n]*System Design Deep Dive`, from: 'mark:small' },
        { send: 'q' },
        { wait: '5 posts' },
        { send: 'q' },
      ],
    });
    expectRanCleanly(result);
    expectExitCode(result, 0);

    // The last frame drawn in the reader, before q brought the list back: the list may be drawn
    // more than once, and only the reader's frames end with its status (how far, in percent).
    const all = frames(result.output);
    const backToList = result.waitOffsets['5 posts#2']!;
    const reader = all.filter((f) => f.start >= result.markOffsets.small! && f.start < backToList && /\d{1,3}%\s*$/.test(f.lines[f.lines.length - 1] ?? ''));
    const last = reader[reader.length - 1];
    expect(last, `no reader frame after the resize to 60x20; output tail ${tail(result, 3000)}`).toBeDefined();
    const shown = JSON.stringify(last!.lines, null, 1);
    expect(last!.lines[0], `last reader frame: ${shown}`).toMatch(/URL Shortener|hash map/);
    expect(last!.lines.length, `last reader frame taller than 20 rows: ${shown}`).toBeLessThanOrEqual(20);
    for (const line of last!.lines) {
      expect(stringWidth(line), `line wider than 60 columns in the last reader frame: ${JSON.stringify(line)}`).toBeLessThanOrEqual(60);
    }

    expectTerminalRestored(result);
  });
});

describe('terminal restore on the help screen, with --posts on hostile files, and while indexing', () => {
  const HELP_SHOWN: PtyStep[] = [...LIST_SHOWN, { send: '?' }, { wait: 'Esc close' }];

  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    it(`${signal} while the help is shown ends the process by ${signal}`, { timeout: TEST_TIMEOUT }, async () => {
      const result = await runInPty({ argv: blogTui(), steps: [...HELP_SHOWN, { signal }] });
      expectRanCleanly(result);
      expectTerminalRestored(result);
      expectKilledBy(result, signal);
    });
  }

  it('an uncaught error while the list is shown: one line on stderr, exit 1, terminal restored', { timeout: TEST_TIMEOUT }, async () => {
    // The error is thrown from inside the process, after the list is on the screen, by a module
    // preloaded with NODE_OPTIONS: the same path as any bug that escapes the app.
    const dir = mkdtempSync(join(tmpdir(), 'blog-tui-crash-'));
    const crash = join(dir, 'crash.cjs');
    writeFileSync(crash, "setTimeout(() => { throw new Error('boom from a test'); }, 800);\n");
    try {
      const result = await runInPty({ argv: blogTui(), env: { NODE_OPTIONS: `--require ${crash}` }, steps: [...LIST_SHOWN] });
      expectRanCleanly(result);
      expectTerminalRestored(result);
      expectExitCode(result, 1);
      const after = result.output.slice(result.output.lastIndexOf(LEAVE_ALT));
      expect(after).toContain('blog-tui: unexpected error: boom from a test');
      expect(after).not.toMatch(/at .*\(.*:\d+:\d+\)/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('q on the help, then q on the list, exits 0', { timeout: TEST_TIMEOUT }, async () => {
    const result = await runInPty({ argv: blogTui(), steps: [...HELP_SHOWN, { send: 'q' }, { wait: '5 posts' }, { send: 'q' }] });
    expectRanCleanly(result);
    expectTerminalRestored(result);
    expectExitCode(result, 0);
  });

  it('--posts test/fixtures/hostile: q exits 0, Ctrl-C exits 130, SIGTERM in a post ends by SIGTERM', { timeout: 30_000 }, async () => {
    const cache = mkdtempSync(join(tmpdir(), 'blog-tui-cache-'));
    try {
      const argv = blogTui('--posts', HOSTILE, '--no-state');
      const env = { XDG_CACHE_HOME: cache };
      const shown: PtyStep[] = [{ wait: '13 posts' }, { waitTermios: { icanon: false, echo: false } }];
      const quit = await runInPty({ argv, env, steps: [...shown, { send: 'q' }] });
      expectRanCleanly(quit);
      expectTerminalRestored(quit);
      expectExitCode(quit, 0);
      const interrupt = await runInPty({ argv, env, steps: [...shown, { send: '\u0003' }] });
      expectRanCleanly(interrupt);
      expectTerminalRestored(interrupt);
      expectExitCode(interrupt, 130);
      const term = await runInPty({ argv, env, steps: [...shown, { send: '\r' }, { waitRegex: STATUS }, { signal: 'SIGTERM' }] });
      expectRanCleanly(term);
      expectTerminalRestored(term);
      expectKilledBy(term, 'SIGTERM');
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });

  describe('while a large folder is indexed for the first time (the list is shown from front matter, the figures are still computed)', () => {
    let folder = '';
    beforeAll(() => {
      folder = mkdtempSync(join(tmpdir(), 'blog-tui-large-'));
      mkdirSync(join(folder, 'posts'));
      const body = 'Some *text* with a [link](https://example.com) and `code`. '.repeat(20) + '\n\n## Heading\n\n- a\n- b\n';
      for (let i = 0; i < 6000; i++) {
        writeFileSync(join(folder, 'posts', `post-${i}.md`), `---\ntitle: Post ${i}\ndate: 2024-01-01\ntags: [a, b]\n---\n\n${body}`);
      }
    });
    afterAll(() => rmSync(folder, { recursive: true, force: true }));

    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
      it(`${signal} ends the process by ${signal} with the terminal modes intact`, { timeout: 40_000 }, async () => {
        const cache = mkdtempSync(join(folder, 'cache-'));
        const result = await runInPty({
          argv: blogTui('--posts', join(folder, 'posts'), '--no-state'),
          env: { XDG_CACHE_HOME: cache },
          timeout: 30,
          steps: [{ wait: '? words' }, { signal }],
        });
        expectRanCleanly(result);
        expectKilledBy(result, signal);
        expect(result.termios, `terminal modes after exit; output tail ${tail(result)}`).toEqual({ icanon: true, echo: true, isig: true, icrnl: true, opost: true });
        // Killed while the figures were computed: the alternate screen was left.
        const out = result.output;
        expect(out.lastIndexOf(LEAVE_ALT), tail(result)).toBeGreaterThanOrEqual(out.lastIndexOf(ENTER_ALT));
        expect(out).not.toContain(ERASE_SCROLLBACK);
      });
    }
  });
});
