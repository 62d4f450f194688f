import { describe, expect, it } from 'vitest';
import { findMath } from '../../src/content/mathSpans.js';

describe('math in Markdown text', () => {
  it('finds $…$, $$…$$, \\(…\\), \\[…\\] and \\\\(…\\\\) spans with their extent', () => {
    const text = 'Let $x_1$ be, $$\\sum_i a_i$$ and \\(f_{enc}\\), \\\\(y^2\\\\) and \\[E=mc^2\\].';
    const spans = findMath(text);
    expect(spans.map((m) => m.tex)).toEqual(['x_1', '\\sum_i a_i', 'f_{enc}', 'y^2', 'E=mc^2']);
    expect(spans.map((m) => text.slice(m.at, m.end))).toEqual(['$x_1$', '$$\\sum_i a_i$$', '\\(f_{enc}\\)', '\\\\(y^2\\\\)', '\\[E=mc^2\\]']);
  });

  it('does not take prices, escaped brackets around words, or unclosed delimiters for math', () => {
    expect(findMath('It cost $5, or $6 with tax.')).toEqual([]);
    expect(findMath('He worked at \\[a multinational company\\] for years.')).toEqual([]);
    expect(findMath('An open $$ and a lone $ sign.')).toEqual([]);
  });

  it('keeps inline $…$ within a paragraph', () => {
    expect(findMath('Costs $x\n\nthen y$ later.')).toEqual([]);
  });
});
