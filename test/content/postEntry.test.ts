import { describe, expect, it } from 'vitest';
import { cutAtWord, defaultSlug, entryFromSource } from '../../src/content/postEntry.js';

describe('a post entry from its file', () => {
  it('takes title, date, tags and summary from the front matter and counts the body', () => {
    const entry = entryFromSource('---\ntitle: Hello\ndate: 2026-03-03\ntags: [a, b]\nsummary: Short.\n---\nOne two three.\n', 'hello.md');
    expect(entry).toEqual({ slug: 'hello', url: '/hello/', title: 'Hello', date: '2026-03-03', tags: ['a', 'b'], summary: 'Short.', words: 3, readingMinutes: 1, file: 'hello.md' });
  });

  it('uses the slug field over the file name', () => {
    expect(entryFromSource('---\nslug: custom\n---\nx', 'file-name.md').slug).toBe('custom');
  });

  it('takes the folder name as slug for a page bundle', () => {
    expect(defaultSlug('posts/my-bundle/index.md')).toBe('my-bundle');
    expect(defaultSlug('plain.markdown')).toBe('plain');
  });

  it('falls back to the first # heading, then the file name, for the title', () => {
    expect(entryFromSource('Intro\n\n# The *Real* Title\n', 'x.md').title).toBe('The Real Title');
    expect(entryFromSource('No heading here.', 'untitled-post.md').title).toBe('untitled-post');
  });

  it('takes the text before <!--more--> as summary when there is none', () => {
    const entry = entryFromSource('---\ntitle: T\n---\nThe **lead** paragraph.\n\n<!--more-->\n\nRest.', 'x.md');
    expect(entry.summary).toBe('The lead paragraph.');
  });

  it('takes description, else the first paragraph as plain text, cut at a word', () => {
    expect(entryFromSource('---\ndescription: From description.\n---\nBody.', 'x.md').summary).toBe('From description.');
    const long = 'word '.repeat(100);
    const summary = entryFromSource(`# Title\n\n${long}\n`, 'x.md').summary;
    expect(summary.length).toBeLessThanOrEqual(240);
    expect(summary).toMatch(/word…$/);
  });

  it('merges tags and categories and marks drafts', () => {
    const entry = entryFromSource('---\ntags: [a]\ncategories: [b]\ndraft: true\n---\n', 'x.md');
    expect(entry.tags).toEqual(['a', 'b']);
    expect(entry.draft).toBe(true);
  });

  it('dates a Jekyll post from its file name when the front matter has no date', () => {
    expect(entryFromSource('---\ntitle: J\n---\n', '_posts/2024-05-17-jekyll-post.md').date).toBe('2024-05-17');
  });

  it('takes a Jekyll file name without its date prefix as slug', () => {
    expect(defaultSlug('_posts/2024-05-17-jekyll-post.md')).toBe('jekyll-post');
    expect(defaultSlug('2024-05-17.md')).toBe('2024-05-17');
  });

  it('reads front matter keys in any case, as Hugo does', () => {
    const entry = entryFromSource('---\nTitle: Upper\nTags: [x]\nDraft: true\n---\n', 'x.md');
    expect(entry).toMatchObject({ title: 'Upper', tags: ['x'], draft: true });
  });

  it("falls back to Hugo's other date fields and Astro's pubDate", () => {
    expect(entryFromSource('---\npublishDate: 2024-02-03\nlastmod: 2025-01-01\n---\n', 'x.md').date).toBe('2024-02-03');
    expect(entryFromSource('---\npubDate: Jul 08 2022\n---\n', 'x.md').date).toBe('2022-07-08');
    expect(entryFromSource('---\nlastmod: 2025-01-01\n---\n', 'x.md').date).toBe('2025-01-01');
  });

  it("treats Jekyll's published: false and _drafts/ as drafts", () => {
    expect(entryFromSource('---\npublished: false\n---\n', 'x.md').draft).toBe(true);
    expect(entryFromSource('---\ntitle: W\n---\n', '_drafts/wip.md').draft).toBe(true);
    expect(entryFromSource('---\npublished: 2024-01-01\n---\n', 'x.md').draft).toBeUndefined();
  });

  it("takes Jekyll's excerpt as summary when there is no summary or description", () => {
    expect(entryFromSource('---\nexcerpt: From excerpt.\n---\nBody.', 'x.md').summary).toBe('From excerpt.');
  });

  it('leaves the date out when there is none and ignores an invalid one', () => {
    expect(entryFromSource('---\ndate: not a date\n---\n', 'x.md').date).toBeUndefined();
  });
});

describe('cutting text at a word', () => {
  it('keeps short text and cuts long text at a space with an ellipsis', () => {
    expect(cutAtWord('short', 10)).toBe('short');
    expect(cutAtWord('alpha beta gamma delta', 12)).toBe('alpha beta…');
  });
});
