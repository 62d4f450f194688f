import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { KEYS, renderApp } from '../support/renderApp.js';
import { makePosts } from '../support/fixtures.js';
import { findInLines, snippetOf } from '../../src/content/textSearch.js';
import { buildIndex, isEntry, readPostSource } from '../../src/content/postIndex.js';
import { sanitizeLine } from '../../src/content/sanitize.js';
import { formatDate } from '../../src/content/dates.js';
import { CACHE_FORMAT_VERSION, readCache } from '../../src/content/indexCache.js';
import { tempPosts } from '../support/tempPosts.js';
import * as lineSearch from '../../src/tui/lineSearch.js';

describe('typing a search', () => {
  it('takes a paste of 20,000 characters as one edit: the post is searched once, not per character', { timeout: 30_000 }, async () => {
    const posts = makePosts(1);
    const app = renderApp({ posts, bodies: { [posts[0]!.slug]: 'Some text to search.\n\n'.repeat(50) } });
    await app.waitForScreen((s) => s.includes('Post 1'));
    await app.press('\r');
    await app.waitForScreen((s) => s.includes('Some text to search.'));
    await app.press('/');
    const spy = vi.spyOn(lineSearch, 'searchLines');
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

describe('searching a long post', () => {
  it('shows the query at once and says it is searching, then the count; Esc works meanwhile', { timeout: 60_000 }, async () => {
    const posts = makePosts(1);
    const app = renderApp({ posts, bodies: { [posts[0]!.slug]: 'A line with a word in it.\n\n'.repeat(20_000) } });
    await app.waitForScreen((s) => s.includes('Post 1'));
    await app.press('\r');
    await app.waitForScreen((s) => s.includes('A line with a word'), 50_000);
    await app.press('/');
    // A clock that jumps 100 ms at each look: every slice of the search ends after its first lines.
    let now = performance.now();
    const clock = vi.spyOn(performance, 'now').mockImplementation(() => (now += 100));
    await app.press('word');
    await app.waitForScreen((s) => s.includes('/word') && s.includes('searching…'));
    await app.press('X');
    await app.waitForScreen((s) => s.includes('/wordX') && s.includes('searching…'));
    await app.press(KEYS.backspace);
    clock.mockRestore();
    await app.waitForScreen((s) => s.includes('/word▏') && s.includes('20000 matches'), 50_000);
    await app.press('X');
    await app.press(KEYS.escape);
    await app.waitForScreen((s) => !s.includes('/word') && !s.includes('searching'));
    app.unmount();
  });
});

describe('filtering a long list', () => {
  it('shows the typed filter at once and the ranked posts once ranked; a newer filter wins', { timeout: 60_000 }, async () => {
    const posts = makePosts(30_000).map((p, i) => ({ ...p, title: `Entry ${i} on ${i % 1000 === 7 ? 'zebras' : 'cats'}` }));
    const app = renderApp({ posts });
    await app.waitForScreen((s) => s.includes('Entry 0 on cats'));
    await app.press('/');
    // A clock that jumps 100 ms at each look: every slice of the ranking ends after one chunk.
    let now = performance.now();
    const clock = vi.spyOn(performance, 'now').mockImplementation(() => (now += 100));
    await app.press('zeb');
    await app.waitForScreen((s) => s.includes('/zeb▏') && s.includes('filtering…'));
    await app.press('ras');
    clock.mockRestore();
    await app.waitForScreen((s) => s.includes('/zebras▏') && !s.includes('filtering…') && s.includes('Entry 7 on zebras') && !s.includes('on cats'), 50_000);
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

  it('indexes and reads a post whose file name is not UTF-8, its name shown with a replacement character', () => {
    const dir = tempPosts({ 'plain.md': '---\ntitle: Plain\n---\n\nPlain text.\n' });
    // "café-notes.md" written in Latin-1: the é is the single byte 0xE9.
    const name = Buffer.concat([Buffer.from('caf'), Buffer.from([0xe9]), Buffer.from('-notes.md')]);
    writeFileSync(Buffer.concat([Buffer.from(`${dir}/`), name]), '---\ntitle: Notes\n---\n\nText in a Latin-1 named file.\n');
    const built = buildIndex(dir);
    expect(built.problems).toEqual([]);
    const notes = built.index.posts.find((p) => p.title === 'Notes')!;
    expect(sanitizeLine(notes.file).replace(/\udce9/g, '\ufffd')).toBe('caf\ufffd-notes.md');
    expect(Buffer.from(notes.file, 'utf8').includes(Buffer.from('\ufffd', 'utf8'))).toBe(true);
    expect(readPostSource(dir, notes)).toContain('Text in a Latin-1 named file.');
    // The escaped name survives JSON (the index cache) unchanged.
    expect(JSON.parse(JSON.stringify(notes)).file).toBe(notes.file);
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
