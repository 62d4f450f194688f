import { describe, expect, it } from 'vitest';
import { runCli } from '../support/runCli.js';

// Piped `read` in each style: colour only when asked for (FORCE_COLOR), in the style chosen.
const ANY_COLOUR = /\u001b\[(?:[0-9;]*;)?(?:3[0-7]|9[0-7]|38;[25])[;m]/;

describe('styles of piped text', () => {
  it('has no escape sequences at all without FORCE_COLOR, whatever the style', () => {
    for (const style of ['auto', 'dark', 'light', 'plain']) {
      const { code, stdout } = runCli(['--style', style, 'read', 'cors']);
      expect(code).toBe(0);
      expect(stdout).not.toMatch(/\u001b/);
    }
  });

  it('draws the chosen style at the depth FORCE_COLOR gives', () => {
    const light = runCli(['--style', 'light', 'read', 'cors'], { FORCE_COLOR: '2' }).stdout;
    const dark = runCli(['--style', 'dark', 'read', 'cors'], { FORCE_COLOR: '3' }).stdout;
    // Inline code: red 124 in light at 256 colours, #ffd787 in dark at truecolour.
    expect(light).toContain('\u001b[38;5;124mAccess-Control-Allow-Origin');
    expect(dark).toContain('\u001b[38;2;255;215;135mAccess-Control-Allow-Origin');
  });

  it('settles auto by COLORFGBG when piped, and plain keeps bold but no colour', () => {
    const auto = runCli(['read', 'cors'], { FORCE_COLOR: '1', COLORFGBG: '0;15' }).stdout;
    expect(auto).toContain('\u001b[31mAccess-Control-Allow-Origin');
    const plain = runCli(['--style', 'plain', 'read', 'cors'], { FORCE_COLOR: '3' }).stdout;
    expect(plain).toContain('\u001b[1m');
    expect(plain).not.toMatch(ANY_COLOUR);
  });

  it('shows in blog-tui config where the style and the mouse setting come from', () => {
    const { stdout } = runCli(['--style', 'light', '--no-mouse', 'config'], { FORCE_COLOR: '2' });
    expect(stdout).toMatch(/^ {2}style +light +option \(--style\)$/m);
    expect(stdout).toMatch(/^ {2}mouse +false +option \(--no-mouse\)$/m);
    expect(stdout).toMatch(/^ {2}depth +256 colours \(FORCE_COLOR=2\)$/m);
  });
});
