import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheDir, cacheFile, HEAD_POSTS, headFile, lookupFile, readCache, readCacheHead, readCacheLookup, readRecordAt, writeCache } from '../../src/content/indexCache.js';
import { indexFromRecords } from '../../src/content/indexBuild.js';
import type { FileRecord } from '../../src/content/postIndex.js';
import { tempPosts } from '../support/tempPosts.js';

const entry = { slug: 'a', url: '/a/', title: 'A', tags: [], summary: '', words: 1, readingMinutes: 1, file: 'a.md' };
const RECORDS: FileRecord[] = [
  { file: 'a.md', size: 10, mtimeMs: 1700000000123.4567, entry },
  { file: 'b.md', size: 3, mtimeMs: 1700000000000, problem: 'binary file' },
];

describe('the index cache', () => {
  it('lives under XDG_CACHE_HOME/blog-tui, else ~/.cache/blog-tui, one file per real path', () => {
    expect(cacheDir({ XDG_CACHE_HOME: '/x/cache' })).toBe('/x/cache/blog-tui');
    expect(cacheDir({})).toBe(join(homedir(), '.cache', 'blog-tui'));
    expect(cacheDir({ HOME: '/home/me' })).toBe('/home/me/.cache/blog-tui');
    expect(cacheDir({ XDG_CACHE_HOME: 'relative/path' })).toBe(join(homedir(), '.cache', 'blog-tui'));
    const env = { XDG_CACHE_HOME: '/x/cache' };
    expect(cacheFile('/blog/a', env)).toMatch(/^\/x\/cache\/blog-tui\/index-[0-9a-f]{32}\.json$/);
    expect(cacheFile('/blog/a', env)).not.toBe(cacheFile('/blog/b', env));
  });

  it('gives back exactly the records it was given, mtimes to the fraction', () => {
    const path = join(tempPosts({}), 'cache', 'blog-tui', 'index-x.json');
    writeCache(path, '/blog', 'v1', RECORDS);
    const read = readCache(path, '/blog', 'v1');
    expect([...read.records!.values()]).toEqual(RECORDS);
  });

  it('writes atomically, leaving no temporary file, readable by the user only', () => {
    const dir = tempPosts({});
    const path = join(dir, 'index-x.json');
    writeCache(path, '/blog', 'v1', RECORDS);
    writeCache(path, '/blog', 'v1', RECORDS.slice(1));
    expect(readdirSync(dir).sort()).toEqual(['index-x.head.json', 'index-x.json', 'index-x.lookup.json', 'index-x.slugs']);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(headFile(path)).mode & 0o777).toBe(0o600);
  });

  it('ignores a cache that is missing, corrupt, foreign, from another version or malformed, and says why', () => {
    const dir = tempPosts({});
    const path = join(dir, 'c.json');
    expect(readCache(path, '/blog', 'v1')).toEqual({ reason: 'no cache yet' });
    writeFileSync(path, '{"kind": "blog-tui index cache", "vers');
    expect(readCache(path, '/blog', 'v1')).toEqual({ reason: 'the cache is not valid JSON' });
    writeFileSync(path, '{"version": 1, "posts": []}');
    expect(readCache(path, '/blog', 'v1')).toEqual({ reason: 'the cache is not a blog-tui index cache' });
    writeCache(path, '/blog', 'v1', RECORDS);
    expect(readCache(path, '/blog', 'v2')).toEqual({ reason: 'the cache was written by another version' });
    expect(readCache(path, '/other', 'v1')).toEqual({ reason: 'the cache belongs to another folder' });
    const data = JSON.parse(readFileSync(path, 'utf8'));
    for (const bad of [{ ...RECORDS[0], size: -1 }, { ...RECORDS[0], entry: { ...entry, file: 'other.md' } }, { file: 'c.md', size: 1, mtimeMs: 1 }]) {
      writeFileSync(path, JSON.stringify({ ...data, records: [bad] }));
      expect(readCache(path, '/blog', 'v1')).toEqual({ reason: 'the cache has a malformed record' });
    }
  });
});

describe("the cache's head (the list's first screen, read before the whole cache)", () => {
  const DAY = 86_400_000;
  const NOW = Date.UTC(2026, 5, 1);
  const post = (n: number, extra: object = {}) => ({ ...entry, slug: `p${n}`, url: `/p${n}/`, title: `Post ${n}`, file: `p${n}.md`, date: new Date(NOW - n * DAY).toISOString().slice(0, 10), ...extra });
  const records = (entries: ReturnType<typeof post>[]): FileRecord[] => entries.map((e) => ({ file: e.file, size: 1, mtimeMs: 1, entry: e }));
  const written = (recs: FileRecord[], site = {}) => {
    const path = join(tempPosts({}), 'index-x.json');
    writeCache(path, '/blog', 'blog-tui 1.0 hugo', recs, site, NOW);
    return path;
  };

  it('holds the count and the first posts of the list with the default options, in its order', () => {
    const recs = records(Array.from({ length: HEAD_POSTS + 30 }, (_, i) => post(HEAD_POSTS + 30 - i, i === 3 ? { draft: true } : {})));
    const head = readCacheHead(written(recs, { title: 'My blog' }), '/blog', 'blog-tui 1.0', NOW);
    const { index } = indexFromRecords(recs, { now: NOW });
    expect(head?.count).toBe(index.posts.length);
    expect(head?.count).toBe(HEAD_POSTS + 29);
    expect(head?.posts).toEqual(index.posts.slice(0, HEAD_POSTS));
    expect(head?.title).toBe('My blog');
  });

  it('is not used for another folder, another version, once a date changes the list, or when the list has problems to say', () => {
    const path = written(records([post(1), post(2)]));
    expect(readCacheHead(path, '/blog', 'blog-tui 1.0', NOW)?.count).toBe(2);
    expect(readCacheHead(path, '/other', 'blog-tui 1.0', NOW)).toBeUndefined();
    expect(readCacheHead(path, '/blog', 'blog-tui 1.1', NOW)).toBeUndefined();
    // A post dated tomorrow on a site that hides future posts: the head holds until then.
    const future = written(records([post(1), post(-1)]), { hidesFuture: true });
    expect(readCacheHead(future, '/blog', 'blog-tui 1.0', NOW)?.count).toBe(1);
    expect(readCacheHead(future, '/blog', 'blog-tui 1.0', NOW + 2 * DAY)).toBeUndefined();
    const expiring = written(records([post(1, { expiryDate: new Date(NOW + DAY).toISOString().slice(0, 10) })]));
    expect(readCacheHead(expiring, '/blog', 'blog-tui 1.0', NOW + 2 * DAY)).toBeUndefined();
    const broken = written([...records([post(1)]), { file: 'b.md', size: 1, mtimeMs: 1, problem: 'binary file' }]);
    expect(readCacheHead(broken, '/blog', 'blog-tui 1.0', NOW)).toBeUndefined();
  });

  it('is not used when missing, corrupt or malformed', () => {
    const path = written(records([post(1)]));
    writeFileSync(headFile(path), '{"kind": "blog-tui index cache head", "vers');
    expect(readCacheHead(path, '/blog', 'blog-tui 1.0', NOW)).toBeUndefined();
    const good = JSON.parse(readFileSync(headFile(written(records([post(1)]))), 'utf8'));
    for (const bad of [{ ...good, posts: [{ ...good.posts[0], title: 7 }] }, { ...good, count: 0 }, { ...good, count: '1' }, { ...good, title: 3 }]) {
      writeFileSync(headFile(path), JSON.stringify(bad));
      expect(readCacheHead(path, '/blog', 'blog-tui 1.0', NOW)).toBeUndefined();
    }
    expect(readCacheHead(join(tempPosts({}), 'none.json'), '/blog', 'blog-tui 1.0', NOW)).toBeUndefined();
  });
});

describe("the cache's lookup (read SLUG finds its post and reads its record alone)", () => {
  const NOW = Date.UTC(2026, 5, 1);
  const post = (n: number, title = `Post ${n}`) => ({ ...entry, slug: `p${n}`, url: `/p${n}/`, title, file: `p${n}.md`, date: '2026-01-01' });

  it('names every post of the list, and each record read alone is the one written', () => {
    const records: FileRecord[] = [post(1, 'Ünïcödé 日本 title'), post(2), post(3, 'Draft')].map((e, i) => ({ file: e.file, size: i + 1, mtimeMs: 1.5, entry: i === 2 ? { ...e, draft: true } : e }));
    const path = join(tempPosts({}), 'index-x.json');
    writeCache(path, '/blog', 'v1', records, {}, NOW);
    expect(readCache(path, '/blog', 'v1').records?.size).toBe(3);
    const posts = readCacheLookup(path, '/blog', 'v1', NOW)!;
    expect(posts.map((p) => p.slug).sort()).toEqual(['p1', 'p2']);
    for (const p of posts) expect(readRecordAt(path, p)).toEqual(records.find((r) => r.file === p.file));
  });

  it('is not used for another version or folder, beside a cache rewritten since, or when a record is not where it says', () => {
    const path = join(tempPosts({}), 'index-x.json');
    writeCache(path, '/blog', 'v1', [{ file: 'p1.md', size: 1, mtimeMs: 1, entry: post(1) }], {}, NOW);
    expect(readCacheLookup(path, '/blog', 'v2', NOW)).toBeUndefined();
    expect(readCacheLookup(path, '/other', 'v1', NOW)).toBeUndefined();
    const [p] = readCacheLookup(path, '/blog', 'v1', NOW)!;
    expect(readRecordAt(path, { ...p!, at: p!.at + 1 })).toBeUndefined();
    expect(readRecordAt(path, { ...p!, slug: 'other' })).toBeUndefined();
    writeFileSync(path, readFileSync(path, 'utf8') + ' ');
    expect(readCacheLookup(path, '/blog', 'v1', NOW)).toBeUndefined();
    writeFileSync(lookupFile(path), '{"kind": "blog-tui index cache lookup", "posts": [[');
    expect(readCacheLookup(path, '/blog', 'v1', NOW)).toBeUndefined();
  });
});
