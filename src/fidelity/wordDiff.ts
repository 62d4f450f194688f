/**
 * Sequence comparison for the fidelity report: Myers' O((N+M)·D) difference algorithm over
 * arrays of strings (words, list markers), after the common prefix and suffix are set aside,
 * so texts that mostly agree are compared in near-linear time. Work is bounded by `maxEdits`:
 * past it the caller gets `undefined` and falls back to something cheaper.
 */

/** The words of a text for comparison: lower case, runs of letters and digits. */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
}

interface Trimmed {
  prefix: number;
  suffix: number;
}

function commonEnds(a: readonly string[], b: readonly string[]): Trimmed {
  let prefix = 0;
  const shortest = Math.min(a.length, b.length);
  while (prefix < shortest && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < shortest - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  return { prefix, suffix };
}

/**
 * The shortest edit script between a and b as the indices of b's elements that are not part of
 * a longest common subsequence (insertions), and the number of edits (insertions plus
 * deletions); undefined when more than `maxEdits` edits are needed.
 */
export function diffSequences(a: readonly string[], b: readonly string[], maxEdits: number): { edits: number; inserted: number[] } | undefined {
  return myers(a, b, maxEdits, true);
}

/** The number of edits (insertions plus deletions) from a to b, or undefined past `maxEdits`. */
export function editDistance(a: readonly string[], b: readonly string[], maxEdits: number): number | undefined {
  return myers(a, b, maxEdits, false)?.edits;
}

function myers(a: readonly string[], b: readonly string[], maxEdits: number, keepTrace: boolean): { edits: number; inserted: number[] } | undefined {
  const { prefix, suffix } = commonEnds(a, b);
  const n = a.length - prefix - suffix;
  const m = b.length - prefix - suffix;
  const at = (i: number) => a[prefix + i];
  const bt = (j: number) => b[prefix + j];
  const limit = Math.min(n + m, maxEdits);
  const offset = limit + 1;
  const v = new Int32Array(2 * limit + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= limit && found < 0; d++) {
    if (keepTrace) trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && at(x) === bt(y)) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
  }
  if (found < 0) return undefined;
  if (!keepTrace) return { edits: found, inserted: [] };
  // Walk the trace back to find which elements of b were inserted.
  const inserted: number[] = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const prev = trace[d]!;
    const k = x - y;
    const down = k === -d || (k !== d && prev[offset + k - 1]! < prev[offset + k + 1]!);
    const prevK = down ? k + 1 : k - 1;
    const prevX = prev[offset + prevK]!;
    const prevY = prevX - prevK;
    if (down) inserted.push(prefix + prevY);
    x = prevX;
    y = prevY;
  }
  return { edits: found, inserted: inserted.reverse() };
}

/** How much two sequences share, from 0 to 1, and whether the figure is exact. */
export interface Similarity {
  ratio: number;
  /** False when the sequences differed too much for an exact diff and the ratio compares word counts only. */
  exact: boolean;
}

/** Words shared regardless of order: an upper bound of the exact ratio, for sequences too different to diff. */
function bagRatio(a: readonly string[], b: readonly string[]): number {
  const counts = new Map<string, number>();
  for (const w of a) counts.set(w, (counts.get(w) ?? 0) + 1);
  let shared = 0;
  for (const w of b) {
    const c = counts.get(w);
    if (c) {
      shared++;
      counts.set(w, c - 1);
    }
  }
  return (2 * shared) / (a.length + b.length);
}

/**
 * 2·LCS / (|a| + |b|), as Python's difflib ratio: 1 for equal sequences, 0 for nothing shared.
 * The longest common subsequence comes from the edit distance (LCS = (N + M - D) / 2).
 */
export function sequenceSimilarity(a: readonly string[], b: readonly string[], maxEdits = 6000): Similarity {
  const total = a.length + b.length;
  if (total === 0) return { ratio: 1, exact: true };
  const edits = editDistance(a, b, maxEdits);
  if (edits === undefined) return { ratio: bagRatio(a, b), exact: false };
  return { ratio: (total - edits) / total, exact: true };
}
