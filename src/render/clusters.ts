/**
 * Cutting long text into pieces at grapheme cluster boundaries, in linear time.
 *
 * Intl.Segmenter (which string-width, wrap-ansi and slice-ansi use for anything that is not
 * plain ASCII) slows down much faster than the length of its input on this Node: 40,000 CJK
 * characters in one string take over a second, 80,000 several minutes, and 8,000 family emoji
 * over half a minute. Measured or segmented a piece of at most CHUNK code units at a time, the
 * same text takes milliseconds. Widths add up across cluster boundaries, so measuring pieces
 * gives the width of the whole.
 */

/** The longest piece handed to a grapheme segmenter in one call. */
export const CHUNK = 1024;

// A code point that never starts a cluster: it extends (marks, variation selectors, emoji
// modifiers and tags, joiners) or continues a Hangul syllable, or may pair (regional indicators).
const EXTENDS = /[\p{Grapheme_Extend}\p{Mc}\p{Emoji_Modifier}\p{Regional_Indicator}\u200d\u1160-\u11ff\ud7b0-\ud7ff]/u;
// A code point that may join the one after it: joiner, Hangul leading consonants and syllables,
// regional indicators, carriage return, the viramas that join Indic conjuncts, and the
// prepended marks of some scripts.
const JOINS_NEXT =
  /[\u200d\r\u1100-\u115f\ua960-\ua97f\uac00-\ud7a3\p{Regional_Indicator}\u094d\u09cd\u0acd\u0b4d\u0c4d\u0d4d\u0600-\u0605\u06dd\u070f\u0890\u0891\u08e2\u0d4e\u{110bd}\u{110cd}\u{111c2}\u{111c3}\u{1193f}\u{11941}\u{11a3a}\u{11a84}-\u{11a89}\u{11d46}\u{11f02}]/u;

function codePointBefore(text: string, at: number): string {
  const low = text.charCodeAt(at - 1);
  if (low >= 0xdc00 && low <= 0xdfff && at >= 2) {
    const high = text.charCodeAt(at - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.slice(at - 2, at);
  }
  return text.slice(at - 1, at);
}

function codePointAt(text: string, at: number): string {
  const code = text.codePointAt(at)!;
  return String.fromCodePoint(code);
}

/** Whether `at` (0 < at < length) is between two code points and certainly a cluster boundary. */
export function isClusterBoundary(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code >= 0xdc00 && code <= 0xdfff) return false;
  // The common case, two plain characters: ASCII, Latin, CJK ideographs and kana.
  const before = text.charCodeAt(at - 1);
  if (isPlain(code) && isPlain(before)) return true;
  return !EXTENDS.test(codePointAt(text, at)) && !JOINS_NEXT.test(codePointBefore(text, at));
}

function isPlain(code: number): boolean {
  return (code >= 0x20 && code < 0x300) || (code >= 0x3041 && code <= 0x3096) || (code >= 0x30a0 && code <= 0x30ff) || (code >= 0x3400 && code <= 0x9fff);
}

/** The nearest position at or before `at` that is a code point boundary (never inside a surrogate pair). */
function codePointStart(text: string, at: number): number {
  const code = text.charCodeAt(at);
  return code >= 0xdc00 && code <= 0xdfff && at > 0 ? at - 1 : at;
}

/**
 * Ends of pieces of `text`, each at most about `size` code units, cut at cluster boundaries;
 * where no boundary is found within `size` more units (text made only of joined clusters) the
 * cut falls at a code point boundary. The last end is text.length.
 */
export function pieceEnds(text: string, size = CHUNK): number[] {
  const ends: number[] = [];
  let start = 0;
  while (text.length - start > size) {
    let at = start + size;
    const floor = start + (size >> 1);
    while (at > floor && !isClusterBoundary(text, at)) at--;
    if (!isClusterBoundary(text, at)) at = codePointStart(text, start + size);
    ends.push(at);
    start = at;
  }
  ends.push(text.length);
  return ends;
}

/** `text` cut into pieces of about `size` code units at cluster boundaries. */
export function pieces(text: string, size = CHUNK): string[] {
  const out: string[] = [];
  let start = 0;
  for (const end of pieceEnds(text, size)) {
    out.push(text.slice(start, end));
    start = end;
  }
  return out;
}
