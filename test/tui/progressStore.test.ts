import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openReadingStore } from '../../src/state/readingStore.js';
import { fileProgressStore } from '../../src/tui/progressStore.js';
import type { PostEntry } from '../../src/content/postEntry.js';
import { buildIndex } from '../../src/content/postIndex.js';
import { tempPosts } from '../support/tempPosts.js';

const post = (url: string, slug: string, extra: Partial<PostEntry> = {}): PostEntry => ({
  slug, url, title: slug, tags: [], summary: '', words: 1, readingMinutes: 1, file: `${slug}.md`, ...extra,
});

function storeIn(dir: string) {
  return openReadingStore({ env: { BLOG_TUI_STATE_DIR: dir }, warn: () => undefined, delayMs: 60_000 });
}

describe('reading state keyed by URL path', () => {
  it('carries state saved under the old slugs (and their -2 suffixes) over to the URL paths, keeping the old entries', () => {
    const dir = tempPosts({});
    const old = storeIn(dir);
    old.update('blog', 'cors', { bookmarked: true, read: true });
    old.update('blog', 'same-2', { percent: 40 });
    old.flush();
    const posts = [
      post('/posts/2025-12-06-cors/', '2025-12-06-cors', { formerSlug: 'cors' }),
      post('/a/same/', 'same'),
      post('/b/same/', 'same'),
    ];
    const store = fileProgressStore(storeIn(dir));
    const progress = store.load('blog', posts);
    expect(progress['/posts/2025-12-06-cors/']).toMatchObject({ bookmarked: true, read: true });
    expect(progress['/b/same/']).toMatchObject({ percent: 40 });
    expect(progress['/a/same/']).toBeUndefined();
    store.flush();
    const saved = JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8')).sources.blog;
    expect(Object.keys(saved).sort()).toEqual(['/b/same/', '/posts/2025-12-06-cors/', 'cors', 'same-2']);
  });

  it('never carries state over a post that has its own', () => {
    const dir = tempPosts({});
    const old = storeIn(dir);
    old.update('blog', 'cors', { bookmarked: true });
    old.update('blog', '/cors/', { bookmarked: false, read: true });
    old.flush();
    const progress = fileProgressStore(storeIn(dir)).load('blog', [post('/cors/', 'cors')]);
    expect(progress['/cors/']).toMatchObject({ bookmarked: false, read: true });
  });

  it('keeps a bookmark on its post when a newer file with the same name is added anywhere', () => {
    const files = { 'notes/cors.md': '---\ntitle: CORS\ndate: 2024-01-01\n---\nOld.', 'cors.md': '---\ntitle: Other\ndate: 2023-01-01\n---\nx' };
    const dir = tempPosts({});
    const first = buildIndex(tempPosts(files)).index.posts;
    const bookmarked = first.find((p) => p.file === 'notes/cors.md')!;
    const store = storeIn(dir);
    store.update('blog', bookmarked.url, { bookmarked: true });
    store.flush();
    for (const added of ['drafts/cors.md', 'cors/index.md', 'zzz/notes/cors.md']) {
      const posts = buildIndex(tempPosts({ ...files, [added]: '---\ntitle: Newer\ndate: 2026-01-01\n---\nNew.' })).index.posts;
      const progress = fileProgressStore(storeIn(dir)).load('blog', posts);
      const marked = posts.filter((p) => progress[p.url]?.bookmarked).map((p) => p.file);
      expect(marked, added).toEqual(['notes/cors.md']);
    }
  });
});
