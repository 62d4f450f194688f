// The mouse: the wheel scrolls the list and the reader, a click opens a post, reporting is on
// by default and off with --no-mouse, and always off again when the app ends.
import { describe, expect, it } from 'vitest';
import { blogTui, runInPty, type PtyResult, type PtyStep } from '../support/ptyRun.js';

const ESC = '\u001b';
const MOUSE_ON = `${ESC}[?1000h${ESC}[?1006h`;
const MOUSE_OFF = `${ESC}[?1006l${ESC}[?1000l`;
const RAW: PtyStep = { waitTermios: { icanon: false, echo: false } };
const TEST_TIMEOUT = 20_000;
/** SGR reports (mode 1006): button;column;row, M pressed, m released. */
const wheelDown = (x: number, y: number) => `${ESC}[<65;${x};${y}M`;
const click = (x: number, y: number) => `${ESC}[<0;${x};${y}M${ESC}[<0;${x};${y}m`;

function expectRanCleanly(result: PtyResult): void {
  expect(result.timedOut, `harness timed out: ${result.error}; output tail ${JSON.stringify(result.output.slice(-800))}`).toBe(false);
  expect(result.error).toBeNull();
}

describe('the mouse (built dist/blog-tui.js on a pty)', () => {
  it('the wheel moves through the list, a click opens the post under it, the wheel scrolls the post by three lines', { timeout: TEST_TIMEOUT }, async () => {
    const result = await runInPty({
      argv: blogTui('--no-state'),
      cols: 80,
      rows: 24,
      steps: [
        { wait: '5 posts' },
        RAW,
        { send: wheelDown(10, 5) },
        { wait: '2/5' },
        // Entries are four rows each below a two-row header: row 11 is the third post's title.
        { send: click(20, 11) },
        { waitRegex: String.raw`\d{1,3}% ` },
        { send: wheelDown(20, 10) },
        { send: '=' },
        { wait: 'lines 4-' },
        { send: 'q' },
        { wait: '3/5' },
        { send: 'q' },
      ],
    });
    expectRanCleanly(result);
    expect(result.output).toContain('Elasticsearch Zero to Hero');
    // No mouse report ever reached the screen as typed text.
    expect(result.output).not.toContain('[<65');
    const on = result.output.indexOf(MOUSE_ON);
    expect(on).toBeGreaterThanOrEqual(0);
    expect(result.output.lastIndexOf(MOUSE_OFF)).toBeGreaterThan(result.output.lastIndexOf(MOUSE_ON));
    expect(result.exitCode).toBe(0);
  });

  it('--no-mouse never turns mouse reporting on (the terminal keeps selecting text)', { timeout: TEST_TIMEOUT }, async () => {
    const result = await runInPty({ argv: blogTui('--no-state', '--no-mouse'), steps: [{ wait: '5 posts' }, RAW, { send: 'q' }] });
    expectRanCleanly(result);
    expect(result.output).not.toContain(`${ESC}[?1000h`);
    expect(result.exitCode).toBe(0);
  });
});
