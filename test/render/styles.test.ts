import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/render/markdownRenderer.js';
import { rolesFor } from '../../src/render/painters.js';
import { ROLE_NAMES, styleForBackground, styleFromEnvironment } from '../../src/render/style.js';
import { colorDepth } from '../../src/config/colorDepth.js';

const POST = '# Title\n\nSome `code` and [a link](https://example.com).\n\n> quoted\n\n| a | b |\n|---|---|\n| 1 | 2 |\n';

describe('styles as data', () => {
  it('draws each style at each depth in that depth\'s own colour codes', () => {
    const heading = (style: 'dark' | 'light', depth: 1 | 2 | 3) => rolesFor(depth, style).heading1('x');
    expect(heading('dark', 1)).toContain('\u001b[95m');
    expect(heading('dark', 2)).toContain('\u001b[38;5;213m');
    expect(heading('dark', 3)).toContain('\u001b[38;2;255;121;198m');
    expect(heading('light', 1)).toContain('\u001b[35m');
    expect(heading('light', 2)).toContain('\u001b[38;5;90m');
    expect(heading('light', 3)).toContain('\u001b[38;2;139;0;139m');
  });

  it('renders a post in the look it is given: a style name and a depth', () => {
    const light = renderMarkdown(POST, { width: 60, color: true, look: { style: 'light', depth: 2 } }).lines.join('\n');
    const dark = renderMarkdown(POST, { width: 60, color: true, look: { style: 'dark', depth: 2 } }).lines.join('\n');
    expect(light).toContain('\u001b[38;5;124mcode');
    expect(dark).toContain('\u001b[38;5;222mcode');
  });

  it('keeps bold, underline and reverse video in the plain style, and no colour at all', () => {
    const plain = renderMarkdown(POST, { width: 60, color: true, look: { style: 'plain', depth: 3 } }).lines.join('\n');
    expect(plain).toContain('\u001b[1m');
    expect(plain).toContain('\u001b[4m');
    expect(plain).not.toMatch(/\u001b\[(?:3[0-7]|9[0-7]|38;)/);
    for (const role of ROLE_NAMES) expect(rolesFor(2, 'plain')[role]('x')).not.toMatch(/\u001b\[(?:3[0-7]|9[0-7]|38;|4[0-7]|48;)/);
  });

  it('settles "auto" by the background colour, else COLORFGBG, else dark', () => {
    expect(styleForBackground([0xfd, 0xf6, 0xe3])).toBe('light');
    expect(styleForBackground([0x00, 0x2b, 0x36])).toBe('dark');
    expect(styleFromEnvironment('auto', { COLORFGBG: '0;15' })).toEqual({ style: 'light', why: 'COLORFGBG=0;15' });
    expect(styleFromEnvironment('auto', {})).toEqual({ style: 'dark', why: 'the default' });
    expect(styleFromEnvironment('plain', { COLORFGBG: '0;15' }).style).toBe('plain');
  });
});

describe('the colour depth of a terminal', () => {
  const tty = { isTTY: true };
  it('reads NO_COLOR, FORCE_COLOR, COLORTERM and TERM, then what chalk detects', () => {
    expect(colorDepth(tty, { NO_COLOR: '1', COLORTERM: 'truecolor' }, 3)).toEqual({ depth: 0, reason: 'NO_COLOR is set' });
    expect(colorDepth(tty, { TERM: 'xterm-256color', COLORTERM: 'truecolor' }, 1)).toEqual({ depth: 3, reason: 'COLORTERM=truecolor' });
    expect(colorDepth(tty, { TERM: 'xterm-256color' }, 1)).toEqual({ depth: 2, reason: 'TERM=xterm-256color' });
    expect(colorDepth(tty, { TERM: 'xterm' }, 1)).toEqual({ depth: 1, reason: 'detected' });
    expect(colorDepth(tty, { TERM: 'xterm-direct' }, 1).depth).toBe(3);
    expect(colorDepth(tty, { TERM: 'dumb' }, 1).depth).toBe(0);
    expect(colorDepth({ isTTY: false }, { TERM: 'xterm-256color' }, 2)).toEqual({ depth: 0, reason: 'not a terminal' });
    expect(colorDepth({ isTTY: false }, { FORCE_COLOR: '1' }, 1)).toEqual({ depth: 1, reason: 'FORCE_COLOR=1' });
    expect(colorDepth({ isTTY: false }, { FORCE_COLOR: '3' }, 1)).toEqual({ depth: 3, reason: 'FORCE_COLOR=3' });
    expect(colorDepth(tty, { FORCE_COLOR: '0', TERM: 'xterm-256color' }, 2).depth).toBe(0);
  });
});
