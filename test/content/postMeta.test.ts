import { describe, expect, it } from 'vitest';
import { groupDigits, postMeta } from '../../src/content/postMeta.js';

describe('post figures', () => {
  it('groups thousands with commas', () => {
    expect([0, 7, 716, 2958, 12345, 1234567].map(groupDigits)).toEqual(['0', '7', '716', '2,958', '12,345', '1,234,567']);
  });

  it('reads as date, reading time and words', () => {
    expect(postMeta({ slug: 's', url: '/s/', title: 't', date: '2026-01-07', tags: [], summary: '', words: 2958, readingMinutes: 14, file: 's.md' })).toBe(
      'January 7, 2026 · 14 min · 2,958 words',
    );
  });
});
