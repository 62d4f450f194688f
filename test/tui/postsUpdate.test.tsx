import { describe, expect, it } from 'vitest';
import { initialState, listView, reduce, type AppState, type PostLayout } from '../../src/tui/state/appReducer.js';
import type { SourceUpdate } from '../../src/tui/postSource.js';
import { renderApp } from '../support/renderApp.js';
import { makeBody, makePosts } from '../support/fixtures.js';
import { renderMarkdown } from '../../src/render/markdownRenderer.js';
import type { RenderFn } from '../../src/tui/postSource.js';

const size = { cols: 80, rows: 24 };
const layout: PostLayout = { width: 76, lineCount: 100, blockStarts: [0, 10], headings: [], links: [] };
const down = (state: AppState, n: number) => Array.from({ length: n }).reduce<AppState>((s) => reduce(s, { type: 'key', action: 'down' }), state);
const selectedTitle = (state: AppState) => state.posts[listView(state)[state.list.selected]!.index]!.title;

describe('the list updated in place when the folder changed after start', () => {
  it('keeps the selected post selected when posts are added above it', () => {
    const posts = makePosts(10);
    const state = down(initialState(posts.slice(2), size), 3);
    expect(selectedTitle(state)).toBe('Post 6');
    const next = reduce(state, { type: 'posts', posts });
    expect(next.posts).toBe(posts);
    expect(selectedTitle(next)).toBe('Post 6');
    expect(next.list.selected).toBe(5);
  });

  it('keeps the open post open at its place, found by its URL path', () => {
    const posts = makePosts(10);
    const open = reduce(initialState(posts.slice(5), size), { type: 'open', index: 2, layout });
    const scrolled = reduce(open, { type: 'key', action: 'pageDown' });
    const next = reduce(scrolled, { type: 'posts', posts });
    expect(next.screen).toBe('reader');
    expect(next.posts[next.reader!.index]!.title).toBe('Post 8');
    expect(next.reader!.top).toBe(scrolled.reader!.top);
  });

  it('waits while the open post is not among the new posts', () => {
    const posts = makePosts(10);
    const open = reduce(initialState(posts, size), { type: 'open', index: 0, layout });
    expect(reduce(open, { type: 'posts', posts: posts.slice(1) })).toBe(open);
  });

  it('keeps the body search results when the same posts come back with their figures filled in', () => {
    const posts = makePosts(10);
    const searched = reduce(initialState(posts, size), { type: 'bodyHits', query: 'word', hits: new Map([[4, 'a word']]) });
    const filled = posts.map((p) => ({ ...p, words: p.words + 1 }));
    const kept = reduce(searched, { type: 'posts', posts: filled, samePlaces: true });
    expect(kept.posts).toBe(filled);
    expect(kept.bodyHits.get(4)).toBe('a word');
    // Posts in other places: the results are by place, so they go.
    expect(reduce(searched, { type: 'posts', posts: filled }).bodyHits.size).toBe(0);
  });

  it('selects what is there when the selected post is gone', () => {
    const posts = makePosts(10);
    const state = down(initialState(posts, size), 9);
    const next = reduce(state, { type: 'posts', posts: posts.slice(0, 4) });
    expect(next.list.selected).toBe(3);
  });
});

describe('the app given new posts after start', () => {
  it('shows them in the list behind the reader, the open post still selected', async () => {
    const all = makePosts(4);
    let hand: ((update: SourceUpdate) => void) | undefined;
    const bodies = Object.fromEntries(all.map((p) => [p.slug, makeBody(3)]));
    const app = renderApp({ posts: all.slice(1), bodies, postsUpdates: (listener) => ((hand = listener), () => undefined) });
    await app.waitForScreen((s) => s.includes('3 posts') && s.includes('1/3'));
    await app.press('\r');
    await app.waitForScreen((s) => s.includes('Paragraph 1'));
    hand!({ posts: all.slice(0, 2) });
    // The open post (Post 2) is among the new posts: the reader stays, the list behind it changes.
    await app.press('q');
    const screen = await app.waitForScreen((s) => s.includes('2 posts'));
    expect(screen).toContain('Post 1');
    expect(screen).toMatch(/▌ .*Post 2/);
    expect(screen).not.toContain('Post 3');
  });

  it('keeps showing the open post when it is gone, and updates the list once the reader is left', async () => {
    const all = makePosts(3);
    let hand: ((update: SourceUpdate) => void) | undefined;
    const bodies = Object.fromEntries(all.map((p) => [p.slug, makeBody(3)]));
    const app = renderApp({ posts: all, bodies, postsUpdates: (listener) => ((hand = listener), () => undefined) });
    await app.waitForScreen((s) => s.includes('1/3'));
    await app.press('\r');
    await app.waitForScreen((s) => s.includes('Paragraph 1'));
    hand!({ posts: all.slice(1) });
    await app.press('j');
    expect(app.screen()).toContain('Post 1');
    await app.press('q');
    const screen = await app.waitForScreen((s) => s.includes('2 posts'));
    expect(screen).not.toContain('Post 1');
  });
});

describe('posts whose files changed after start', () => {
  it('shows the new text of the open post and of a post opened later, not the layouts made before', async () => {
    const all = makePosts(3);
    let hand: ((update: SourceUpdate) => void) | undefined;
    const bodies: Record<string, string> = Object.fromEntries(all.map((p) => [p.slug, `The old text of ${p.title}.`]));
    const app = renderApp({ posts: all, bodies, postsUpdates: (listener) => ((hand = listener), () => undefined) });
    await app.waitForScreen((s) => s.includes('1/3'));
    // Post 2 is laid out (opened and left), then Post 1 is opened.
    await app.press('j');
    await app.press('\r');
    await app.waitForScreen((s) => s.includes('The old text of Post 2.'));
    await app.press('q');
    await app.waitForScreen((s) => s.includes('2/3'));
    await app.press('k');
    await app.press('\r');
    await app.waitForScreen((s) => s.includes('The old text of Post 1.'));
    // The folder check read both files again: they changed.
    bodies[all[0]!.slug] = 'The new text of Post 1.';
    bodies[all[1]!.slug] = 'The new text of Post 2.';
    hand!({ posts: all.map((p) => ({ ...p })), changed: [all[0]!.file, all[1]!.file] });
    await app.waitForScreen((s) => s.includes('The new text of Post 1.'));
    await app.press('q');
    await app.press('j');
    await app.press('\r');
    expect(await app.waitForScreen((s) => s.includes('text of Post 2.'))).toContain('The new text of Post 2.');
  });

  it('keeps the layouts of posts whose files did not change', async () => {
    const all = makePosts(2);
    let hand: ((update: SourceUpdate) => void) | undefined;
    const bodies: Record<string, string> = Object.fromEntries(all.map((p) => [p.slug, `The old text of ${p.title}.`]));
    const app = renderApp({ posts: all, bodies, postsUpdates: (listener) => ((hand = listener), () => undefined) });
    await app.waitForScreen((s) => s.includes('1/2'));
    await app.press('\r');
    await app.waitForScreen((s) => s.includes('The old text of Post 1.'));
    await app.press('q');
    await app.waitForScreen((s) => s.includes('1/2'));
    // Only Post 2's file was read again; Post 1's layout is still the one shown before.
    bodies[all[0]!.slug] = 'Not read again.';
    hand!({ posts: all.map((p) => ({ ...p })), changed: [all[1]!.file] });
    await app.press('\r');
    expect(await app.waitForScreen((s) => s.includes('Post 1.') || s.includes('Not read'))).toContain('The old text of Post 1.');
  });
});

describe('a post chosen while the list is replaced', () => {
  it('opens the post that was chosen when the new list arrives before its layout', async () => {
    const all = makePosts(4);
    let hand: ((update: SourceUpdate) => void) | undefined;
    const bodies = Object.fromEntries(all.map((p) => [p.slug, `The text of ${p.title}.`]));
    // Layouts wait until released, as a busy layout thread makes them.
    const waiting: (() => void)[] = [];
    const slow: RenderFn = (markdown, options) => new Promise((done) => waiting.push(() => done(renderMarkdown(markdown, options))));
    const app = renderApp({ posts: all.slice(1), bodies, renderer: slow, postsUpdates: (listener) => ((hand = listener), () => undefined) });
    await app.waitForScreen((s) => s.includes('3 posts') && s.includes('1/3'));
    await app.press('\r');
    await expect.poll(() => waiting.length).toBeGreaterThan(0);
    // The folder's posts arrive: the chosen post (Post 2) is now second in the list.
    hand!({ posts: all });
    await app.waitForScreen((s) => s.includes('4 posts'));
    for (const release of waiting.splice(0)) release();
    const screen = await app.waitForScreen((s) => s.includes('The text of'));
    expect(screen).toContain('The text of Post 2.');
  });
});
