import { eastAsianWidth } from 'get-east-asian-width';
import stripAnsi from 'strip-ansi';
// The real string-width, for clusters; the bundle makes its segmenter and emoji expression lazy.
import stringWidth from 'string-width';
import { CHUNK, pieces } from './clusters.js';

/**
 * Display width of a string in terminal columns: the same answers as string-width 8, which the
 * bundle replaces with this module everywhere (Ink measures every row with it). string-width
 * runs a grapheme segmenter and emoji expressions over any text that is not plain ASCII; text
 * whose characters are each one column or one wide CJK cell (nearly all text, box drawing and
 * bullets included) is measured here without them, and only the rest goes to string-width.
 */
export interface WidthOptions {
  ambiguousIsNarrow?: boolean;
  countAnsiEscapeCodes?: boolean;
}

// Characters that can join others into one cluster, have no width of their own, or need the
// emoji rules: marks, format and default-ignorable characters, surrogates and astral code
// points, variation selectors, Hangul jamo, the keycap mark.
const CLUSTERING = /[\p{M}\p{Cf}\p{Cs}\p{Default_Ignorable_Code_Point}\u{10000}-\u{10ffff}\u1100-\u11ff\ua960-\ua97f\ud7b0-\ud7ff\ufe00-\ufe0f\u20e3]/u;

/** Text in which every character is its own cluster: its width is the sum of the characters'. */
function simpleWidth(text: string, ambiguousAsWide: boolean): number {
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x20 && code < 0x7f) width += 1;
    else if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) continue;
    else width += eastAsianWidth(code, { ambiguousAsWide });
  }
  return width;
}

export default function displayWidth(input: unknown, options: WidthOptions = {}): number {
  if (typeof input !== 'string' || input.length === 0) return 0;
  let ascii = true;
  for (let i = 0; i < input.length; i++) {
    const code = input.charCodeAt(i);
    if (code < 0x20 || code >= 0x7f) {
      ascii = false;
      break;
    }
  }
  if (ascii) return input.length;
  const text = options.countAnsiEscapeCodes ? input : stripAnsi(input);
  if (text.length === 0) return 0;
  const ambiguousAsWide = options.ambiguousIsNarrow === false;
  if (!CLUSTERING.test(text)) return simpleWidth(text, ambiguousAsWide);
  const clusters = { ambiguousIsNarrow: !ambiguousAsWide, countAnsiEscapeCodes: true };
  if (text.length <= CHUNK) return stringWidth(text, clusters);
  // Long text is measured a piece at a time: the segmenter slows down far faster than linearly.
  let width = 0;
  for (const piece of pieces(text)) width += stringWidth(piece, clusters);
  return width;
}
