// WCAG 2 contrast ratios, and the RGB the palettes' colours are assumed to show as.

export type Rgb = readonly [number, number, number];

/**
 * The 16 ANSI colours as xterm shows them by default (its XTerm resources colour0-colour15).
 * Terminals differ; these are what the contrast test assumes for the 16-colour palettes.
 */
export const ANSI16_RGB: Readonly<Record<string, Rgb>> = {
  black: [0x00, 0x00, 0x00],
  red: [0xcd, 0x00, 0x00],
  green: [0x00, 0xcd, 0x00],
  yellow: [0xcd, 0xcd, 0x00],
  blue: [0x00, 0x00, 0xee],
  magenta: [0xcd, 0x00, 0xcd],
  cyan: [0x00, 0xcd, 0xcd],
  white: [0xe5, 0xe5, 0xe5],
  blackBright: [0x7f, 0x7f, 0x7f],
  redBright: [0xff, 0x00, 0x00],
  greenBright: [0x00, 0xff, 0x00],
  yellowBright: [0xff, 0xff, 0x00],
  blueBright: [0x5c, 0x5c, 0xff],
  magentaBright: [0xff, 0x00, 0xff],
  cyanBright: [0x00, 0xff, 0xff],
  whiteBright: [0xff, 0xff, 0xff],
};

const ANSI16_ORDER = Object.keys(ANSI16_RGB);

/** An xterm 256-colour index as RGB: the 16 colours, the 6x6x6 cube, then 24 greys. */
export function xterm256Rgb(index: number): Rgb {
  if (index < 16) return ANSI16_RGB[ANSI16_ORDER[index]!]!;
  if (index < 232) {
    const steps = [0, 95, 135, 175, 215, 255];
    const i = index - 16;
    return [steps[Math.floor(i / 36)]!, steps[Math.floor(i / 6) % 6]!, steps[i % 6]!];
  }
  const grey = 8 + 10 * (index - 232);
  return [grey, grey, grey];
}

export function hexRgb(hex: string): Rgb {
  const n = Number.parseInt(hex.replace(/^#/, ''), 16);
  return [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
}

/** WCAG 2 relative luminance: sRGB channels linearized, weighted 0.2126, 0.7152, 0.0722. */
export function relativeLuminance([r, g, b]: Rgb): number {
  const linear = (channel: number) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** WCAG 2 contrast ratio, from 1 (none) to 21 (black on white): (lighter + 0.05) / (darker + 0.05). */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const [la, lb] = [relativeLuminance(a), relativeLuminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}
