import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openReadingStore } from '../../src/state/readingStore.js';
import { MAX_STATE_CHARS, compactTable, type StateTable } from '../../src/state/stateFile.js';
import { fileProgressStore } from '../../src/tui/progressStore.js';
import { initialState, progressOf } from '../../src/tui/state/appReducer.js';
import { tempPosts } from '../support/tempPosts.js';
import type { PostEntry } from '../../src/content/postEntry.js';

/** A post whose slug and URL path are `key`. */
const post = (key: string): PostEntry => ({ slug: key, url: key, title: key, tags: [], summary: '', words: 1, readingMinutes: 1, file: `${key}.md` });
const open = (dir: string) => openReadingStore({ env: { BLOG_TUI_STATE_DIR: dir }, warn: () => undefined });

describe('reading state keyed by any slug', () => {
  it('keeps the state of posts called __proto__ and constructor across a save', () => {
    const dir = tempPosts({});
    const store = open(dir);
    store.update('bundled', '__proto__', { read: true, bookmarked: true });
    store.update('bundled', 'constructor', { read: true });
    store.flush();
    const again = open(dir);
    expect(again.get('bundled', '__proto__')).toMatchObject({ read: true, bookmarked: true });
    expect(again.get('bundled', 'constructor')).toMatchObject({ read: true });
    const loaded = fileProgressStore(again).load('bundled', ['__proto__', 'constructor', 'toString'].map(post));
    expect(Object.keys(loaded).sort()).toEqual(['__proto__', 'constructor']);
    expect(loaded['__proto__']).toMatchObject({ read: true, bookmarked: true });
  });

  it('gives a post called toString or constructor no progress until it has some', () => {
    const posts = ['toString', 'constructor', 'hasOwnProperty'].map(post);
    const state = initialState(posts, { cols: 80, rows: 24 });
    for (const entry of posts) expect(progressOf(state, entry.url)).toMatchObject({ read: false, bookmarked: false });
  });

  it('keeps the state of a post whose slug is longer than 4,096 characters', () => {
    const dir = tempPosts({});
    const slug = 'x'.repeat(10_000);
    const store = open(dir);
    expect(() => store.update('/a/folder', slug, { read: true })).not.toThrow();
    store.flush();
    expect(open(dir).get('/a/folder', slug)).toMatchObject({ read: true });
  });
});

describe('a state file that stays small', () => {
  it('drops the oldest entries past the limit, bookmarks last', () => {
    const table: StateTable = new Map([['src', new Map()]]);
    for (let i = 0; i < 30_000; i++) table.get('src')!.set(`post-${i}`, { read: true, bookmarked: i === 0, updatedAt: i });
    const kept = compactTable(table).get('src')!;
    expect(kept.size).toBeLessThan(30_000);
    expect(kept.has('post-0')).toBe(true);
    expect(kept.has('post-29999')).toBe(true);
    expect(kept.has('post-1')).toBe(false);
    expect(compactTable(new Map([['src', new Map([['a', { read: true, bookmarked: false, updatedAt: 1 }]])]]))).toBeInstanceOf(Map);
  });

  it('cuts an 80 MB state file down when it opens, so later saves stay short', { timeout: 120_000 }, () => {
    const dir = tempPosts({});
    const posts: Record<string, unknown> = {};
    const long = 'p'.repeat(700);
    for (let i = 0; i < 100_000; i++) posts[`${long}-${i}`] = { read: true, bookmarked: false, updatedAt: i };
    writeFileSync(join(dir, 'state.json'), JSON.stringify({ format: 'blog-tui-state', version: 1, sources: { src: posts } }));
    expect(statSync(join(dir, 'state.json')).size).toBeGreaterThan(70 * 1024 * 1024);
    const store = open(dir);
    expect(statSync(join(dir, 'state.json')).size).toBeLessThanOrEqual(MAX_STATE_CHARS);
    expect(store.get('src', `${long}-99999`)).toMatchObject({ read: true });
    store.update('src', 'new', { read: true });
    store.flush();
    const saved = JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8'));
    expect(saved.sources.src.new.read).toBe(true);
  });
});
