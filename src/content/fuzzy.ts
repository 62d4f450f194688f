/**
 * Fuzzy matching for the list filter: every character of the query must appear in order.
 * Matches at word starts and runs of consecutive characters score higher, so "gil" ranks
 * "GIL serializes" above "migration log".
 */
export interface FuzzyMatch {
  score: number;
  /** Indexes (UTF-16) of the matched characters in the text. */
  positions: number[];
}

function isWordStart(text: string, i: number): boolean {
  if (i === 0) return true;
  const before = text[i - 1]!;
  return /[\s\-_/.:,(]/.test(before) || (/[a-z]/.test(before) && /[A-Z]/.test(text[i]!));
}

export function fuzzyMatch(query: string, text: string): FuzzyMatch | null {
  const q = query.toLowerCase().replace(/\s+/g, '');
  if (q === '') return { score: 0, positions: [] };
  const lower = text.toLowerCase();
  // A contiguous match is the best evidence; prefer it when there is one.
  const at = lower.indexOf(q);
  if (at >= 0) {
    const positions = Array.from({ length: q.length }, (_, i) => at + i);
    return { score: 100 + q.length * 10 + (isWordStart(text, at) ? 50 : 0) - at * 0.01, positions };
  }
  const positions: number[] = [];
  let score = 0;
  let from = 0;
  for (const ch of q) {
    const i = lower.indexOf(ch, from);
    if (i < 0) return null;
    const previous = positions[positions.length - 1];
    score += 1 + (previous !== undefined && previous === i - 1 ? 5 : 0) + (isWordStart(text, i) ? 8 : 0);
    positions.push(i);
    from = i + 1;
  }
  // Letters scattered over a whole title are chance, not a match.
  const span = positions[positions.length - 1]! - positions[0]! + 1;
  if (span > Math.max(16, q.length * 4)) return null;
  return { score: score - span * 0.1, positions };
}
