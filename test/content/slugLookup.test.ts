import { describe, expect, it } from 'vitest';
import { findPost } from '../../src/content/slugLookup.js';
import type { PostEntry } from '../../src/content/postEntry.js';

const entry = (slug: string): PostEntry => ({ slug, url: `/${slug}/`, title: slug, tags: [], summary: '', words: 0, readingMinutes: 0, file: `${slug}.md` });
const posts = ['cors-zero-to-hero', 'batching-api-requests', 'python-concurrency', 'url-shortener-system-design'].map(entry);

describe('finding a post by slug', () => {
  it('finds a slug given in full, in any case', () => {
    expect(findPost('CORS-zero-to-hero', posts)).toEqual({ kind: 'found', entry: posts[0] });
  });

  it('finds a unique prefix', () => {
    expect(findPost('batch', posts)).toEqual({ kind: 'found', entry: posts[1] });
  });

  it('finds a unique substring', () => {
    expect(findPost('concurrency', posts)).toEqual({ kind: 'found', entry: posts[2] });
  });

  it('reports every slug an ambiguous query matches', () => {
    expect(findPost('er', posts)).toEqual({ kind: 'ambiguous', candidates: ['cors-zero-to-hero', 'url-shortener-system-design'] });
  });

  it('suggests the closest slugs for an unknown one', () => {
    const unknown = findPost('pyhton-concurency', posts);
    expect(unknown.kind).toBe('unknown');
    expect(unknown.kind === 'unknown' && unknown.closest[0]).toBe('python-concurrency');
  });

  it('puts the slug with the closest part first, not the one of nearest length', () => {
    const more = [...posts, entry('elasticsearch-zero-to-hero'), entry('go')];
    const unknown = findPost('elastik', more);
    expect(unknown.kind === 'unknown' && unknown.closest[0]).toBe('elasticsearch-zero-to-hero');
    const typo = findPost('corz-zero', more);
    expect(typo.kind === 'unknown' && typo.closest[0]).toBe('cors-zero-to-hero');
  });

  it('never treats an empty query as a match', () => {
    expect(findPost('', posts).kind).toBe('unknown');
  });
});
