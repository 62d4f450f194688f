import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCacheLookup, readRecordAt, readSlugBuckets, slugsFile, writeCache } from '../../src/content/indexCache.js';
import { findExact, findPost, queryKeys } from '../../src/content/slugLookup.js';
import type { FileRecord } from '../../src/content/postIndex.js';
import { tempPosts } from '../support/tempPosts.js';

// The slug file: the cache's lookup again in buckets by a hash of each post's whole slug and whole
// URL path, so that `read SLUG` reads a header and one or two buckets, not every post.
const NOW = Date.UTC(2026, 5, 1);
const entry = (n: number, slug = `post-${n}`, url = `/posts/${slug}/`) => ({ slug, url, title: `Post ${n}`, tags: [], summary: '', words: 1, readingMinutes: 1, file: `${slug}-${n}.md`, date: '2026-01-01' });
const records = (entries: ReturnType<typeof entry>[]): FileRecord[] => entries.map((e, i) => ({ file: e.file, size: i + 1, mtimeMs: 1.5, entry: e }));

function written(entries: ReturnType<typeof entry>[]) {
  const path = join(tempPosts({}), 'index-x.json');
  writeCache(path, '/blog', 'v1', records(entries), {}, NOW);
  return path;
}

describe("the cache's slug file", () => {
  const many = Array.from({ length: 3000 }, (_, i) => entry(i));
  // Two posts of one slug (in two sections), and a post whose URL path is another post's slug.
  const tricky = [entry(1, 'same', '/a/same/'), entry(2, 'same', '/b/same/'), entry(3, 'x', '/other/'), entry(4, 'other', '/o/')];

  it('holds, in the buckets of a query, every post it names wholly, and few others', () => {
    const path = written(many);
    const all = readCacheLookup(path, '/blog', 'v1', NOW)!;
    for (const query of ['post-17', 'POST-2999', '/posts/post-5/', 'posts/post-1234', 'post-0']) {
      const near = readSlugBuckets(path, '/blog', 'v1', queryKeys(query), NOW)!;
      expect(near.length, query).toBeLessThan(400);
      const match = findPost(query, all);
      expect(match.kind, query).toBe('found');
      expect(findExact(query, near), query).toEqual(match.kind === 'found' ? match.entry : undefined);
      expect(readRecordAt(path, findExact(query, near)!)?.entry?.slug, query).toBe(match.kind === 'found' ? match.entry.slug : undefined);
    }
  });

  it('answers as findPost does for whole slugs and URL paths: one post, several, or none (then prefixes and parts need every post)', () => {
    const path = written([...tricky, ...many.slice(0, 200)]);
    const all = readCacheLookup(path, '/blog', 'v1', NOW)!;
    const near = (query: string) => readSlugBuckets(path, '/blog', 'v1', queryKeys(query), NOW)!;
    expect(findPost('same', all).kind).toBe('ambiguous');
    expect(findExact('same', near('same'))).toBeNull();
    // A URL path is looked for before a slug: "other" is the URL path of x and the slug of another.
    expect(findPost('other', all)).toMatchObject({ kind: 'found', entry: { slug: 'x' } });
    expect(findExact('other', near('other'))).toMatchObject({ slug: 'x' });
    expect(findExact('/a/same', near('/a/same'))).toMatchObject({ slug: 'same', url: '/a/same/' });
    expect(findExact('post-1', near('post-1'))).toMatchObject({ slug: 'post-1' });
    // A prefix ("post-19" is also the start of "post-190".."post-199") or a part is not answered here.
    expect(findExact('post-', near('post-'))).toBeUndefined();
    expect(findExact('', near(''))).toBeUndefined();
  });

  it('is not used when missing, broken, for another version or folder, beside a cache rewritten since, or out of date', () => {
    const path = written(many.slice(0, 10));
    const read = (stamp = 'v1', root = '/blog', now = NOW) => readSlugBuckets(path, root, stamp, queryKeys('post-3'), now);
    expect(read()?.some((p) => p.slug === 'post-3')).toBe(true);
    expect(read('v2')).toBeUndefined();
    expect(read('v1', '/other')).toBeUndefined();
    const text = readFileSync(slugsFile(path), 'utf8');
    writeFileSync(slugsFile(path), text.slice(0, text.indexOf('\n')));
    expect(read()).toBeUndefined();
    writeFileSync(slugsFile(path), text.replace(/"post-3"/g, '3'));
    expect(read()).toBeUndefined();
    writeFileSync(slugsFile(path), text.replace('"buckets":[0,', '"buckets":[1,'));
    expect(read()).toBeUndefined();
    writeFileSync(slugsFile(path), text);
    writeFileSync(path, readFileSync(path, 'utf8') + ' ');
    expect(read()).toBeUndefined();
    rmSync(slugsFile(path));
    expect(read()).toBeUndefined();
    // A post dated in the future changes the list when its day comes: the file says until when it holds.
    const future = join(tempPosts({}), 'index-y.json');
    writeCache(future, '/blog', 'v1', records([entry(1), { ...entry(2), date: '2026-07-01' }]), { hidesFuture: true }, NOW);
    expect(readSlugBuckets(future, '/blog', 'v1', queryKeys('post-1'), NOW)).toBeDefined();
    expect(readSlugBuckets(future, '/blog', 'v1', queryKeys('post-1'), Date.UTC(2026, 6, 2))).toBeUndefined();
  });
});
