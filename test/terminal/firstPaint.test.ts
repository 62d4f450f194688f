// The post list is painted before the full-screen framework (Ink) has loaded; Ink then draws its
// first frame over it. The two must be the same bytes, keys typed in between must reach the app
// (not be echoed or lost), and every way out in between must give the terminal back.
// The built command runs on a real pseudo-terminal (test/support/pty_run.py).
import { describe, expect, it } from 'vitest';
import { blogTui, runInPty, type PtyResult, type PtyStep } from '../support/ptyRun.js';

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
