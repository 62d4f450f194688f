import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { renderApp } from '../support/renderApp.js';
import { makePosts } from '../support/fixtures.js';
import { findInLines, snippetOf } from '../../src/content/textSearch.js';
import { buildIndex, isEntry } from '../../src/content/postIndex.js';
import { formatDate } from '../../src/content/dates.js';
import { CACHE_FORMAT_VERSION, readCache } from '../../src/content/indexCache.js';
import { tempPosts } from '../support/tempPosts.js';
import * as textSearch from '../../src/content/textSearch.js';

describe('typing a search', () => {
  it('takes a paste of 20,000 characters as one edit: the post is searched once, not per character', { timeout: 30_000 }, async () => {
    const posts = makePosts(1);
    const app = renderApp({ posts, bodies: { [posts[0]!.slug]: 'Some text to search.\n\n'.repeat(50) } });
    await app.waitForScreen((s) => s.includes('Post 1'));
    await app.press('\r');
    await app.waitForScreen((s) => s.includes('Some text to search.'));
    await app.press('/');
    const spy = vi.spyOn(textSearch, 'findInLines');
    const calls = spy.mock.calls.length;
    await app.press('x'.repeat(20_000));
    await app.waitForScreen((s) => s.includes('xxxxxxxx'));
    expect(spy.mock.calls.length - calls).toBeLessThanOrEqual(1);
    // One more key is one more search: the count above is the searches the paste made.
    const afterPaste = spy.mock.calls.length;
    await app.press('y');
    await vi.waitFor(() => expect(spy.mock.calls.length).toBe(afterPaste + 1), { timeout: 3000 });
    spy.mockRestore();
    app.unmount();
  });
});

describe('matching without case, positions kept', () => {
  it('finds a word after a dotted capital I at its own position', () => {
    expect(findInLines(['İstanbul and istanbul'], 'istanbul')).toEqual([{ line: 0, start: 13, end: 21 }]);
    expect(findInLines(['ǅ dz İİ x'], 'x')).toEqual([{ line: 0, start: 8, end: 9 }]);
    expect(snippetOf('İİİ\nthe İ word here', 'word')).toBe('the İ word here');
  });
});

describe('files and entries from outside', () => {
  it('indexes a UTF-16 file with a byte-order mark, both byte orders', () => {
    const text = '---\ntitle: Grüße\n---\n\nText in UTF-16.\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
    const dir = tempPosts({ 'le.md': le, 'be.md': be });
    const built = buildIndex(dir);
    expect(built.problems).toEqual([]);
    expect(built.index.posts.map((p) => p.title)).toEqual(['Grüße', 'Grüße']);
  });

  it('refuses a cached entry whose date is not a real date, instead of showing "undefined 99, 9999"', () => {
    const entry = { slug: 'a', url: '/a/', title: 'A', date: '9999-99-99', tags: [], summary: '', words: 1, readingMinutes: 1, file: 'a.md' };
    expect(isEntry(entry)).toBe(false);
    expect(isEntry({ ...entry, date: '2024-02-29' })).toBe(true);
    expect(formatDate('9999-99-99')).toBe('no date');
    const dir = tempPosts({});
    const path = join(dir, 'index-x.json');
    writeFileSync(path, JSON.stringify({ kind: 'blog-tui index cache', version: CACHE_FORMAT_VERSION, stamp: 'v1', root: '/blog', records: [{ file: 'a.md', size: 1, mtimeMs: 1, entry }] }));
    expect(readCache(path, '/blog', 'v1').reason).toBe('the cache has a malformed record');
  });
});
