// Job control and commands that take the terminal over: Ctrl-Z and SIGTSTP give the terminal
// back exactly as it was and stop; SIGCONT (what `fg` sends) comes back, redraws at the
// current size, and keys work at once. The editor (`v`) and a text browser run the same way.
// The built command runs on a real pseudo-terminal (test/support/pty_run.py).
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blogTui, runInPty, type PtyResult, type PtyStep } from '../support/ptyRun.js';
import { tempPosts } from '../support/tempPosts.js';

const ESC = '\u001b';
const ENTER_ALT = `${ESC}[?1049h`;
const LEAVE_ALT = `${ESC}[?1049l`;
const SHOW_CURSOR = `${ESC}[?25h`;
const HIDE_CURSOR = `${ESC}[?25l`;
const MOUSE_ON = `${ESC}[?1000h${ESC}[?1006h`;
const MOUSE_OFF = `${ESC}[?1006l${ESC}[?1000l`;
const RAW: PtyStep = { waitTermios: { icanon: false, echo: false } };
const COOKED: PtyStep = { waitTermios: { icanon: true, echo: true } };
const TEST_TIMEOUT = 20_000;

function tail(result: PtyResult, chars = 800): string {
  return JSON.stringify(result.output.slice(-chars));
}

function expectRanCleanly(result: PtyResult): void {
  expect(result.timedOut, `harness timed out: ${result.error}; output tail ${tail(result)}`).toBe(false);
  expect(result.error, `output tail ${tail(result)}`).toBeNull();
}

/** What the app wrote between two marks. */
function between(result: PtyResult, from: string, to: string): string {
  return result.output.slice(result.markOffsets[from], result.markOffsets[to]);
}

/** The terminal as before start: cursor shown, mouse off, main screen, in that output. */
function expectLeftScreen(written: string): void {
  expect(written).toContain(SHOW_CURSOR);
  expect(written).toContain(MOUSE_OFF);
  expect(written).toContain(LEAVE_ALT);
  expect(written.lastIndexOf(LEAVE_ALT)).toBeGreaterThan(written.lastIndexOf(ENTER_ALT));
}

/** Left the screen as before start, then came back to it, in that output. */
function expectLeftAndCameBack(written: string): void {
  const left = written.indexOf(LEAVE_ALT);
  expect(left).toBeGreaterThanOrEqual(0);
  expect(written.slice(0, written.indexOf(ENTER_ALT, left))).toContain(MOUSE_OFF);
  expect(written.indexOf(ENTER_ALT, left)).toBeGreaterThan(left);
  expect(written.indexOf(MOUSE_ON, left)).toBeGreaterThan(left);
}

const LIST_SHOWN: PtyStep[] = [{ wait: '5 posts' }, RAW];

describe('job control (built dist/blog-tui.js on a pty)', () => {
  it('Ctrl-Z in the list leaves the screen and stops; SIGCONT comes back, redraws and takes keys at once', { timeout: TEST_TIMEOUT }, async () => {
    const result = await runInPty({
      argv: blogTui('--no-state'),
      steps: [
        ...LIST_SHOWN,
        { mark: 'before' },
        { send: '\u001a' },
        { waitStopped: true },
        COOKED,
        { mark: 'stopped' },
        { signal: 'SIGCONT' },
        { waitStopped: false },
        RAW,
        { wait: '5 posts' },
        { mark: 'back' },
        { send: 'j' },
        { wait: '2/5' },
        { send: 'q' },
      ],
    });
    expectRanCleanly(result);
    expectLeftScreen(between(result, 'before', 'stopped'));
    const back = between(result, 'stopped', 'back');
    expect(back).toContain(ENTER_ALT);
    expect(back).toContain(HIDE_CURSOR);
    expect(back).toContain(MOUSE_ON);
    expect(result.exitCode).toBe(0);
    expect(result.termios).toMatchObject({ icanon: true, echo: true });
  });

  it('SIGTSTP from outside while reading: the same, and the post is redrawn at the size the terminal has after fg', { timeout: TEST_TIMEOUT }, async () => {
    const result = await runInPty({
      argv: blogTui('--no-state'),
      cols: 80,
      rows: 24,
      steps: [
        ...LIST_SHOWN,
        { send: '\r' },
        { waitRegex: String.raw`\d{1,3}%` },
        { mark: 'before' },
        { signal: 'SIGTSTP' },
        { waitStopped: true },
        COOKED,
        { mark: 'stopped' },
        // The terminal grows while the job is stopped; no SIGWINCH reaches it.
        { resize: [120, 30], sigwinch: false },
        { signal: 'SIGCONT' },
        { waitStopped: false },
        RAW,
        // The rule under the header is 100 columns wide only when laid out for 120 columns.
        { waitRegex: '(?:\u2500){100}' },
        { mark: 'back' },
        { send: 'G' },
        { wait: '100%' },
        { send: 'qq' },
      ],
    });
    expectRanCleanly(result);
    expectLeftScreen(between(result, 'before', 'stopped'));
    expect(between(result, 'stopped', 'back')).toContain(ENTER_ALT);
    expect(result.exitCode).toBe(0);
    expect(result.termios).toMatchObject({ icanon: true, echo: true });
  });

  it('v runs $EDITOR in the foreground on a terminal in its usual modes, then shows the edited post at the same place', { timeout: TEST_TIMEOUT }, async () => {
    const dir = tempPosts({
      'first.md': '---\ntitle: First post\ndate: 2024-01-02\n---\n\nThe original text.\n',
    });
    const editor = join(dir, 'editor.sh');
    const seen = join(dir, 'seen.txt');
    // The editor records the terminal modes it was given, then appends a paragraph.
    writeFileSync(editor, `#!/bin/sh\nstty -a > "${seen}"\nprintf '\\nAn added paragraph.\\n' >> "$1"\n`);
    chmodSync(editor, 0o755);
    const result = await runInPty({
      argv: blogTui('--no-state', '--posts', dir),
      env: { VISUAL: editor, EDITOR: null },
      steps: [
        { wait: 'First post' },
        RAW,
        { send: '\r' },
        // The reader's status (the list shows the same text as the post's summary).
        { waitRegex: '100%' },
        { mark: 'before' },
        { send: 'v' },
        { wait: 'An added paragraph.' },
        { mark: 'back' },
        RAW,
        { send: 'q' },
        { wait: '1 post', from: 'mark:back' },
        { send: 'q' },
      ],
    });
    expectRanCleanly(result);
    expect(readFileSync(seen, 'utf8')).toMatch(/(?<!-)icanon/);
    expect(readFileSync(seen, 'utf8')).toMatch(/(?<!-)echo\b/);
    expectLeftAndCameBack(between(result, 'before', 'back'));
    expect(result.exitCode).toBe(0);
  });

  it('a text browser ($BROWSER w3m, lynx, ...) runs in the foreground with the app out of the way; the app comes back', { timeout: TEST_TIMEOUT }, async () => {
    const dir = tempPosts({
      'linked.md': '---\ntitle: Linked post\ndate: 2024-01-02\n---\n\nSee [the example](https://example.com/page).\n',
    });
    const browser = join(dir, 'w3m');
    const seen = join(dir, 'seen.txt');
    writeFileSync(browser, `#!/bin/sh\n{ echo "$1"; stty -a; } > "${seen}"\n`);
    chmodSync(browser, 0o755);
    const result = await runInPty({
      argv: blogTui('--no-state', '--posts', dir),
      env: { BROWSER: browser },
      steps: [
        { wait: 'Linked post' },
        RAW,
        { send: '\r' },
        { wait: '100%' },
        { send: 'o' },
        { wait: 'Links · ' },
        { mark: 'before' },
        { send: '\r' },
        { wait: 'Back from' },
        { mark: 'back' },
        RAW,
        // Out of the link list, out of the post, out of the app.
        { send: 'q' },
        { wait: '100%', from: 'mark:back' },
        { mark: 'reader' },
        { send: 'q' },
        { wait: '1 post', from: 'mark:reader' },
        { send: 'q' },
      ],
    });
    expectRanCleanly(result);
    const seenText = readFileSync(seen, 'utf8');
    expect(seenText.split('\n')[0]).toBe('https://example.com/page');
    expect(seenText).toMatch(/(?<!-)icanon/);
    expectLeftAndCameBack(between(result, 'before', 'back'));
  });
});
