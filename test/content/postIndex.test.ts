import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildIndex, fileMark, parseIndex, postPath, serializeIndex, IndexError } from '../../src/content/postIndex.js';
import type { PostEntry } from '../../src/content/postEntry.js';
import { tempPosts } from '../support/tempPosts.js';

const POSTS = fileURLToPath(new URL('../../posts/', import.meta.url));

describe('the bundled post index', () => {
  it('is what `npm run index` makes of posts/*.md (run it after editing a post)', () => {
    const committed = readFileSync(`${POSTS}index.json`, 'utf8');
    const { index, problems } = buildIndex(POSTS);
    expect(problems).toEqual([]);
    expect(serializeIndex(index)).toBe(committed);
  });

  it('holds every field the app and `list --json` need', () => {
    const index = parseIndex(readFileSync(`${POSTS}index.json`, 'utf8'));
    expect(index.posts.length).toBeGreaterThan(0);
    for (const post of index.posts) {
      expect(Object.keys(post)).toEqual(expect.arrayContaining(['slug', 'title', 'date', 'tags', 'summary', 'words', 'readingMinutes', 'file']));
      expect(post.date).toMatch(/^\d{4}-\d{2}-\d{2}/);
      expect(post.readingMinutes).toBe(Math.ceil(post.words / 213));
    }
  });
});

describe('building an index of a folder', () => {
  it('lists posts newest first, undated last, equal dates by title', () => {
    const dir = tempPosts({
      'b.md': '---\ntitle: Beta\ndate: 2026-03-03\n---\nx',
      'a.md': '---\ntitle: Alpha\ndate: 2026-03-03\n---\nx',
      'old.md': '---\ntitle: Old\ndate: 2020-01-01\n---\nx',
      'none.md': '---\ntitle: Undated\n---\nx',
      'new.markdown': '---\ntitle: New\ndate: 2026-11-01\n---\nx',
      'notes.txt': 'not a post',
    });
    expect(buildIndex(dir).index.posts.map((p) => p.title)).toEqual(['New', 'Alpha', 'Beta', 'Old', 'Undated']);
  });

  it('hides drafts unless asked for them', () => {
    const dir = tempPosts({ 'd.md': '---\ntitle: Draft\ndraft: true\n---\n', 'p.md': '---\ntitle: Public\n---\n' });
    expect(buildIndex(dir).index.posts.map((p) => p.title)).toEqual(['Public']);
    expect(buildIndex(dir, { drafts: true }).index.posts).toHaveLength(2);
  });

  it('gives posts that would share a URL path each a mark made from its own file, with a warning', () => {
    const dir = tempPosts({ 'a.md': '---\nslug: same\ndate: 2026-01-02\n---\n', 'b.md': '---\nslug: same\ndate: 2026-01-01\n---\n' });
    const { index, problems } = buildIndex(dir);
    expect(index.posts.map((p) => [p.slug, p.url])).toEqual([['same', `/same~${fileMark('a.md')}/`], ['same', `/same~${fileMark('b.md')}/`]]);
    expect(problems.map((p) => [p.file, p.severity])).toEqual([['a.md', 'warning'], ['b.md', 'warning']]);
    expect(problems[0]!.reason).toBe(`URL path "/same/" is shared by 2 posts; this one is "/same~${fileMark('a.md')}/"`);
  });

  it('never moves a post to another identity when a file of the same name is added', () => {
    const files = { 'notes/cors.md': '---\ntitle: CORS\ndate: 2024-01-01\n---\nOld.' };
    const before = buildIndex(tempPosts(files)).index.posts;
    const after = buildIndex(tempPosts({ ...files, 'drafts/cors.md': '---\ntitle: CORS again\ndate: 2026-01-01\n---\nNew.' })).index.posts;
    const url = (posts: PostEntry[], file: string) => posts.find((p) => p.file === file)?.url;
    expect(url(after, 'notes/cors.md')).toBe(url(before, 'notes/cors.md'));
    expect(url(after, 'drafts/cors.md')).not.toBe(url(before, 'notes/cors.md'));
  });

  it('leaves out files it cannot use and says why, without stopping', () => {
    const dir = tempPosts({
      'good.md': '---\ntitle: Good\n---\nfine',
      'broken.md': '---\ntitle: [oops\n---\n',
      'latin1.md': Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]),
      'binary.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]),
    });
    const { index, problems } = buildIndex(dir);
    expect(index.posts.map((p) => p.title)).toEqual(['Good']);
    expect(problems.map((p) => p.file).sort()).toEqual(['binary.md', 'broken.md', 'latin1.md']);
    expect(problems.find((p) => p.file === 'latin1.md')?.reason).toBe('not valid UTF-8');
    expect(problems.find((p) => p.file === 'binary.md')?.reason).toBe('binary file');
  });
});

describe('reading an index', () => {
  it('refuses text that is not a blog-tui index, in one line', () => {
    expect(() => parseIndex('{ nope')).toThrow(IndexError);
    expect(() => parseIndex('{"version": 99, "posts": []}')).toThrow(/not a version 2 blog-tui index/);
    expect(() => parseIndex('{"version": 2, "posts": [{"slug": 3}]}')).toThrow(/malformed entry \(number 1\)/);
  });

  it('never resolves a post file outside the posts folder', () => {
    const entry = { slug: 'x', url: '/x/', title: 'x', tags: [], summary: '', words: 0, readingMinutes: 0, file: '../../etc/passwd' };
    expect(() => postPath('/srv/posts', entry)).toThrow(/outside the posts folder/);
    expect(() => postPath('/srv/posts', { ...entry, file: '/etc/passwd' })).toThrow(/outside/);
    expect(postPath('/srv/posts', { ...entry, file: 'a/b.md' })).toBe('/srv/posts/a/b.md');
  });
});
