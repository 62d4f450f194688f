import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheDir, cacheFile, readCache, writeCache } from '../../src/content/indexCache.js';
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
    expect(readdirSync(dir)).toEqual(['index-x.json']);
    expect(statSync(path).mode & 0o777).toBe(0o600);
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
