// Styles in a real pseudo-terminal: what the app asks the terminal, what it draws at each
// colour depth, and that a terminal's late answer never reaches the app as keys.
import { describe, expect, it } from 'vitest';
import { blogTui, runInPty, type PtyStep } from '../support/ptyRun.js';

const LIST_SHOWN: PtyStep[] = [{ wait: '5 posts' }, { waitTermios: { icanon: false, echo: false } }];
const TEST_TIMEOUT = 30_000;
const ASK_BACKGROUND = '\u001b]11;?\u001b\\\u001b[c';
/** Any colour: 16 (30-37, 90-97), 256 (38;5) or truecolour (38;2), as foreground or background. */
const ANY_COLOUR = /\u001b\[(?:[0-9;]*;)?(?:3[0-7]|9[0-7]|4[0-7]|10[0-7]|38;[25]|48;[25])[;m]/;

describe('styles in a terminal', () => {
  it('asks for the background once with "auto", and draws the list in the dark style at truecolour', { timeout: TEST_TIMEOUT }, async () => {
    const result = await runInPty({ argv: blogTui('--no-state'), env: { TERM: 'xterm-256color', COLORTERM: 'truecolor', COLORFGBG: null }, steps: [...LIST_SHOWN, { send: 'q' }] });
    expect(result.exitCode).toBe(0);
    expect(result.output.split(ASK_BACKGROUND)).toHaveLength(2);
    // The selection bar of the dark style (#56d4dd) in truecolour.
    expect(result.output).toContain('\u001b[38;2;86;212;221m▌');
  });

  it('takes light from COLORFGBG when the terminal does not say, at 256 colours', { timeout: TEST_TIMEOUT }, async () => {
    const result = await runInPty({ argv: blogTui('--no-state'), env: { TERM: 'xterm-256color', COLORTERM: null, COLORFGBG: '0;15' }, steps: [...LIST_SHOWN, { send: 'q' }] });
    expect(result.exitCode).toBe(0);
    // The selection bar of the light style: xterm colour 25.
    expect(result.output).toContain('\u001b[38;5;25m▌');
  });

  it('asks nothing and uses no colour with NO_COLOR, but still marks the selection in reverse video', { timeout: TEST_TIMEOUT }, async () => {
    const result = await runInPty({ argv: blogTui('--no-state'), env: { TERM: 'xterm-256color', NO_COLOR: '1' }, steps: [...LIST_SHOWN, { send: '\r' }, { waitRegex: '\\d+%' }, { send: 'q' }, { wait: '5 posts' }, { send: 'q' }] });
    expect(result.exitCode).toBe(0);
    expect(result.output).not.toContain(ASK_BACKGROUND);
    expect(result.output).not.toMatch(ANY_COLOUR);
    expect(result.output).toContain('\u001b[7m');
  });

  it('starts after a short wait when the terminal answers nothing, and drops its late answer instead of taking it as keys', { timeout: TEST_TIMEOUT }, async () => {
    const late = '\u001b]11;rgb:ffff/ffff/ffff\u001b\\\u001b[?62;22c';
    const result = await runInPty({
      argv: blogTui('--no-state'),
      answerQueries: false,
      env: { TERM: 'xterm-256color', COLORFGBG: null },
      // The answer comes while a filter is being typed, where any stray byte would show.
      steps: [...LIST_SHOWN, { send: '/' }, { wait: 'keep' }, { send: `${late}cors` }, { wait: '/cors' }, { send: '\r' }, { send: 'q' }],
    });
    expect(result.error).toBeNull();
    expect(result.exitCode).toBe(0);
    // The filter got exactly what was typed: no piece of the answer.
    expect(result.output).toContain('/cors');
    expect(result.output).not.toMatch(/\/[^\n]*rgb|\/[^\n]*62;22/);
  });
});
