import { describe, expect, it } from 'vitest';
import { ANSI16_RGB, contrastRatio, hexRgb, xterm256Rgb, type Rgb } from '../../src/render/contrast.js';
import { NON_TEXT_ROLES, ROLE_NAMES, STYLES, type Colours } from '../../src/render/style.js';

// Every role of every colour style, at every depth, against the background the style assumes:
// at least 4.5:1 for text and 3:1 for rules and bars (WCAG 2, AA). The 16 ANSI colours are
// taken as xterm shows them by default (src/render/contrast.ts).
const DEPTHS = [1, 2, 3] as const;

function rgbAt(colours: Colours, depth: 1 | 2 | 3): Rgb | undefined {
  const colour = colours[depth - 1];
  if (colour === undefined) return undefined;
  if (depth === 1) return ANSI16_RGB[colour as string];
  if (depth === 2) return xterm256Rgb(colour as number);
  return hexRgb(colour as string);
}

describe('the contrast formula', () => {
  it('gives 21:1 for black on white, 1:1 for a colour on itself, and WCAG\'s figure for grey', () => {
    expect(contrastRatio([0, 0, 0], [255, 255, 255])).toBeCloseTo(21, 5);
    expect(contrastRatio([0x12, 0x34, 0x56], [0x12, 0x34, 0x56])).toBe(1);
    // #767676 on white is the lightest grey that passes 4.5:1.
    expect(contrastRatio(hexRgb('#767676'), [255, 255, 255])).toBeCloseTo(4.54, 2);
  });

  it('maps xterm 256-colour indexes to their RGB: the cube and the greys', () => {
    expect(xterm256Rgb(196)).toEqual([255, 0, 0]);
    expect(xterm256Rgb(25)).toEqual([0, 95, 175]);
    expect(xterm256Rgb(235)).toEqual([38, 38, 38]);
    expect(xterm256Rgb(9)).toEqual(ANSI16_RGB.redBright);
  });
});

describe.each(['dark', 'light'] as const)('the %s style', (name) => {
  const style = STYLES[name];
  it.each(DEPTHS)('reads well at depth %i: every role against the assumed background', (depth) => {
    const background = rgbAt(style.background, depth)!;
    const foreground = rgbAt(style.foreground, depth)!;
    const failures: string[] = [];
    for (const role of ROLE_NAMES) {
      const spec = style.roles[role];
      const fg = (spec.fg && rgbAt(spec.fg, depth)) ?? foreground;
      const bg = (spec.bg && rgbAt(spec.bg, depth)) ?? background;
      const ratio = contrastRatio(fg, bg);
      const needed = NON_TEXT_ROLES.has(role) ? 3 : 4.5;
      if (ratio < needed) failures.push(`${role}: ${ratio.toFixed(2)} < ${needed}`);
    }
    expect(failures).toEqual([]);
  });

  it('gives every role a colour at every depth or none at all, and no faint text, whose colour no one knows', () => {
    for (const role of ROLE_NAMES) {
      const spec = style.roles[role];
      expect(spec, role).toBeDefined();
      expect(Object.keys(spec).every((k) => ['fg', 'bg', 'bold', 'italic', 'underline', 'inverse', 'strikethrough'].includes(k)), role).toBe(true);
      // A colour at 256 colours and truecolour wherever there is one at 16.
      for (const colours of [spec.fg, spec.bg]) if (colours?.[0] !== undefined) expect(colours[1] !== undefined && colours[2] !== undefined, role).toBe(true);
    }
  });
});

describe('the plain style', () => {
  it('has no colour at all, only bold, underline and reverse video', () => {
    for (const role of ROLE_NAMES) {
      const spec = STYLES.plain.roles[role];
      expect(Object.keys(spec).filter((k) => !['bold', 'underline', 'inverse'].includes(k)), role).toEqual([]);
    }
  });
});
