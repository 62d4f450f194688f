import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { listTable } from '../../src/cli/listOutput.js';
import { makePosts } from '../support/fixtures.js';

const posts = makePosts(3).map((p, i) => ({
  ...p,
  slug: `a-rather-long-slug-for-post-number-${i + 1}-of-the-blog`,
  title: `A title long enough to need most of the room ${i + 1}`,
}));

describe('blog-tui list on a terminal', () => {
  it('puts the title first and keeps it readable at 80 columns, then the columns that fit', () => {
    const lines = listTable(posts, 80).trimEnd().split('\n');
    expect(lines[0]).toMatch(/^TITLE\s+DATE\s+TIME\s+WORDS$/);
    expect(lines[1]).toMatch(/^A title long enough to need most of the ro\S*…\s+January 31, 2026\s+1 min\s+213 words$/);
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(80);
  });

  it('shows the slug too when there is room, and only the title when there is none', () => {
    expect(listTable(posts, 200).split('\n')[0]).toMatch(/^TITLE\s+DATE\s+TIME\s+WORDS\s+SLUG$/);
    const narrow = listTable(posts, 36).trimEnd().split('\n');
    expect(narrow[0]).toBe('TITLE');
    expect(narrow[1]).toBe('A title long enough to need most of…');
    for (const line of narrow) expect(stringWidth(line)).toBeLessThanOrEqual(36);
  });

  it('keeps every column in a fixed order when piped (no width), for scripts', () => {
    expect(listTable(posts).split('\n')[0]).toMatch(/^DATE\s+TIME\s+WORDS\s+SLUG\s+TITLE$/);
  });
});
