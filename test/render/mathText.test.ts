import { describe, expect, it } from 'vitest';
import { mathAsText } from '../../src/render/mathText.js';
import { renderMarkdown } from '../../src/render/markdownRenderer.js';

describe('simple inline math as Unicode text', () => {
  it('turns Greek letters, relations, scripts and blackboard letters into the characters they stand for', () => {
    expect(mathAsText('\\alpha \\le \\beta')).toBe('α ≤ β');
    expect(mathAsText('x^2')).toBe('x²');
    expect(mathAsText('x_i')).toBe('xᵢ');
    expect(mathAsText('\\mathbb{R}^n')).toBe('ℝⁿ');
    expect(mathAsText('O(n \\log n)')).toBe('O(n log n)');
  });

  it('keeps the TeX of anything it cannot turn wholly into Unicode', () => {
    for (const tex of ['\\frac{a}{b}', 'p_\\theta(x)', '\\text{score}', '\\{1, 2\\}', '\\left( x \\right)', 'x'.repeat(81)]) expect(mathAsText(tex), tex).toBeUndefined();
  });

  it('shows converted math without its dollars and other math as written, in the rendered text', () => {
    const { lines } = renderMarkdown('Let $\\alpha \\in \\mathbb{R}$ and $\\frac{a}{b}$ be.', { width: 60, color: false });
    expect(lines).toEqual(['Let α ∈ ℝ and $\\frac{a}{b}$ be.']);
  });
});
