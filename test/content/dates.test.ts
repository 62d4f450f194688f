import { describe, expect, it } from 'vitest';
import { dateSortKey, formatDate, normalizeDate } from '../../src/content/dates.js';

describe('dates', () => {
  it('formats dates the way the blog index does', () => {
    expect(formatDate('2026-03-03')).toBe('March 3, 2026');
    expect(formatDate('2025-12-06T10:00:00+01:00')).toBe('December 6, 2025');
    expect(formatDate(undefined)).toBe('no date');
  });

  it('normalizes front matter dates to ISO 8601', () => {
    expect(normalizeDate('2026-01-07')).toBe('2026-01-07');
    expect(normalizeDate('2026-01-07 09:30')).toBe('2026-01-07T09:30:00');
    expect(normalizeDate('2026-01-07T09:30:15Z')).toBe('2026-01-07T09:30:15Z');
  });

  it('rejects dates that do not exist or are not dates', () => {
    expect(normalizeDate('2026-02-30')).toBeUndefined();
    expect(normalizeDate('yesterday')).toBeUndefined();
    expect(normalizeDate(42)).toBeUndefined();
    expect(normalizeDate('2026-01-07T25:00')).toBeUndefined();
  });

  it('reads dates written out with a month name, as Astro starters write them', () => {
    expect(normalizeDate('Jul 08 2022')).toBe('2022-07-08');
    expect(normalizeDate('July 8, 2022')).toBe('2022-07-08');
    expect(normalizeDate('8 Sep. 2021')).toBe('2021-09-08');
    expect(normalizeDate('Feb 30 2022')).toBeUndefined();
    expect(normalizeDate('Julyish 8 2022')).toBeUndefined();
    expect(normalizeDate('Ju 8 2022')).toBeUndefined();
  });

  it('sorts posts without a date after every dated post', () => {
    expect(dateSortKey(undefined)).toBeLessThan(dateSortKey('1970-01-01'));
    expect(dateSortKey('2026-03-03')).toBeGreaterThan(dateSortKey('2026-01-07'));
  });
});
