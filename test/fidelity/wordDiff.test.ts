import { describe, expect, it } from 'vitest';
import { diffSequences, sequenceSimilarity, wordsOf } from '../../src/fidelity/wordDiff.js';

describe('word sequence similarity', () => {
  it('splits text into lower-case words of letters and digits', () => {
    expect(wordsOf('Hello, World! x_1 — naïve 漢字 42')).toEqual(['hello', 'world', 'x', '1', 'naïve', '漢字', '42']);
  });

  it('is 1 for equal sequences and 0 for sequences with nothing in common', () => {
    expect(sequenceSimilarity(['a', 'b'], ['a', 'b'])).toEqual({ ratio: 1, exact: true });
    expect(sequenceSimilarity(['a', 'b'], ['c', 'd'])).toEqual({ ratio: 0, exact: true });
    expect(sequenceSimilarity([], [])).toEqual({ ratio: 1, exact: true });
  });

  it('is twice the longest common subsequence over the total, so order matters', () => {
    expect(sequenceSimilarity(['a', 'b', 'c', 'd'], ['a', 'c', 'd', 'e']).ratio).toBe(0.75);
    expect(sequenceSimilarity(['a', 'b', 'c'], ['c', 'b', 'a']).ratio).toBeCloseTo(1 / 3);
  });

  it('falls back to words shared in any order when the texts differ more than the edit limit', () => {
    expect(sequenceSimilarity(['a', 'b', 'c', 'x'], ['c', 'b', 'a', 'y'], 1)).toEqual({ ratio: 0.75, exact: false });
  });

  it('names the elements of the second sequence that are not in the first', () => {
    expect(diffSequences(['1', '2'], ['1', '2', '3', '4'], 100)!.inserted).toEqual([2, 3]);
    expect(diffSequences(['1', '1', '2', '2'], ['1', '1', '2', '3'], 100)).toEqual({ edits: 2, inserted: [3] });
    expect(diffSequences(['1'], ['2', '3', '4'], 2)).toBeUndefined();
  });
});
