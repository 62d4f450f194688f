import { describe, expect, it } from 'vitest';
import { initialState, reduce, type AppState } from '../../src/tui/state/appReducer.js';
import { AHEAD_MAX_WORDS, layOutSelected, layoutKey, renderPostCached } from '../../src/tui/postLayouts.js';
import { readerGeometry } from '../../src/tui/geometry.js';
import { renderMarkdown, type RenderedPost, type RenderOptions } from '../../src/render/markdownRenderer.js';
import type { PostSource } from '../../src/tui/postSource.js';
import { makeBody, makePosts } from '../support/fixtures.js';

// The post selected in the list is laid out ahead of Enter (from the first frame on, before the
// full-screen framework has loaded): Enter then finds the layout the reader asks for.
const size = { cols: 90, rows: 30 };

function setUp(words?: number) {
  const posts = makePosts(5).map((p, i) => (i === 1 && words ? { ...p, words } : p));
  const source: PostSource = { id: 'test', name: 'Test', posts, readBody: () => makeBody(3) };
  const asked: Array<{ width: number; page?: string }> = [];
  const render = (markdown: string, options: RenderOptions) => {
    asked.push({ width: options.width, page: options.page });
    return Promise.resolve(renderMarkdown(markdown, options));
  };
  return { posts, source, asked, render, cache: new Map<string, RenderedPost>() };
}

const down = (state: AppState) => reduce(state, { type: 'key', action: 'down' });

describe('laying the selected post out ahead of Enter', () => {
  it('lays out the selected post at the width the reader asks for, once, and Enter finds it', async () => {
    const { posts, source, asked, render, cache } = setUp();
    const state = down(initialState(posts, size, {}, { maxTextWidth: 72 }));
    layOutSelected(cache, source, render, state, true, false, undefined);
    layOutSelected(cache, source, render, state, true, false, undefined);
    const width = readerGeometry(size, posts[1]!.title, 72).textWidth;
    expect(asked).toEqual([{ width, page: posts[1]!.url }]);
    const laidOut = await renderPostCached(cache, source, render, 1, width, true, false, undefined);
    expect(cache.get(layoutKey(posts[1]!, width))).toBe(laidOut);
    expect(renderPostCached(cache, source, render, 1, width, true, false, undefined)).toBe(laidOut);
    expect(asked).toHaveLength(1);
  });

  it('lays out the posts a key or two away after the selected one, nearest first, each once', () => {
    const { posts, source, asked, render, cache } = setUp();
    const state = down(initialState(posts, size));
    layOutSelected(cache, source, render, state, true, false, undefined, 2);
    expect(asked.map((a) => a.page)).toEqual([1, 2, 0, 3].map((i) => posts[i]!.url));
    layOutSelected(cache, source, render, down(state), true, false, undefined, 2);
    expect(asked.map((a) => a.page)).toEqual([1, 2, 0, 3, 4].map((i) => posts[i]!.url));
  });

  it('leaves out a post long enough to hold a key up, and any screen but the list', () => {
    const long = setUp(AHEAD_MAX_WORDS + 1);
    layOutSelected(long.cache, long.source, long.render, down(initialState(long.posts, size)), true, false, undefined);
    expect(long.asked).toEqual([]);
    const { posts, source, asked, render, cache } = setUp();
    const help = reduce(initialState(posts, size), { type: 'key', action: 'help' });
    expect(help.screen).not.toBe('list');
    layOutSelected(cache, source, render, help, true, false, undefined);
    expect(asked).toEqual([]);
  });
});
