import { foldCase } from './textSearch.js';

/**
 * Fuzzy matching for the list filter: every character of the query appears in order, each at
 * a word start or right after the previous one. Matches at word starts and runs of consecutive
 * characters score higher, so "gil" ranks "GIL serializes" above "migration log".
 */
export interface FuzzyMatch {
  score: number;
  /** Indexes (UTF-16) of the matched characters in the text. */
  positions: number[];
}

const WORD_SEPARATORS = new Set([' ', '\t', '\n', '-', '_', '/', '.', ':', ',', '(']);

function isLowerAscii(ch: string | undefined): boolean {
  return ch !== undefined && ch >= 'a' && ch <= 'z';
}

function isUpperAscii(ch: string | undefined): boolean {
  return ch !== undefined && ch >= 'A' && ch <= 'Z';
}

function isWordStart(text: string, i: number): boolean {
  if (i === 0) return true;
  const before = text[i - 1]!;
  return WORD_SEPARATORS.has(before) || /\s/.test(before) || (isLowerAscii(before) && isUpperAscii(text[i]));
}

/**
 * `lower` is the text in lower case with every offset kept (foldCase), when the caller has it
 * already: a list filter folds each title once, not once per key.
 */
export function fuzzyMatch(query: string, text: string, lower = foldCase(text)): FuzzyMatch | null {
  const q = foldCase(query).replace(/\s+/g, '');
  if (q === '') return { score: 0, positions: [] };
  // A contiguous match is the best evidence; prefer it when there is one.
  const at = lower.indexOf(q);
  if (at >= 0) {
    const positions = Array.from({ length: q.length }, (_, i) => at + i);
    return { score: 100 + q.length * 10 + (isWordStart(text, at) ? 50 : 0) - at * 0.01, positions };
  }
  // Otherwise the letters in order, each at the start of a word or right after the one before
  // (an abbreviation: "rag" for Retrieval-Augmented Generation). Letters scattered over a whole
  // title are chance, not a match.
  const positions: number[] = [];
  let score = 0;
  for (const ch of q) {
    const previous = positions[positions.length - 1];
    let i = previous !== undefined && lower[previous + 1] === ch ? previous + 1 : -1;
    if (i < 0) {
      for (let at = lower.indexOf(ch, previous === undefined ? 0 : previous + 1); at >= 0; at = lower.indexOf(ch, at + 1)) {
        if (isWordStart(text, at)) {
          i = at;
          break;
        }
      }
    }
    if (i < 0) return null;
    score += 1 + (previous !== undefined && previous === i - 1 ? 5 : 0) + (isWordStart(text, i) ? 8 : 0);
    positions.push(i);
  }
  const span = positions[positions.length - 1]! - positions[0]! + 1;
  return { score: score - span * 0.1, positions };
}
