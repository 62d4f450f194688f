import { describe, expect, it } from 'vitest';
import { initialState, listView, reduce, readerViewHeight, tagEntries, type AppAction, type AppState, type PostLayout } from '../../src/tui/state/appReducer.js';
import type { KeyAction } from '../../src/tui/keymap.js';
import type { LineMatch } from '../../src/content/textSearch.js';
import { makePosts } from '../support/fixtures.js';

const size = { cols: 80, rows: 24 };
const apply = (state: AppState, ...actions: Array<AppAction | KeyAction>) =>
  actions.reduce<AppState>((s, a) => reduce(s, typeof a === 'string' ? { type: 'key', action: a } : a), state);

function layout(lineCount = 300): PostLayout {
  return {
    width: 76,
    lineCount,
    blockStarts: Array.from({ length: lineCount / 10 }, (_, i) => i * 10),
    headings: [
      { level: 2, text: 'First', line: 0 },
      { level: 3, text: 'Inner', line: 50 },
      { level: 2, text: 'Second', line: 150 },
    ],
    links: [
      { text: 'One', href: 'https://one.example/' },
      { text: 'Two', href: 'https://two.example/' },
    ],
  };
}
const open = (index: number, lines = 300): AppAction => ({ type: 'open', index, layout: layout(lines) });
const matchesAt = (...lines: number[]): LineMatch[] => lines.map((line) => ({ line, start: 0, end: 3 }));

const posts = makePosts(6).map((p, i) => ({ ...p, tags: i % 2 ? ['python', 'perf'] : ['http'], words: [900, 300, 1200, 100, 700, 500][i]! }));
posts[2] = { ...posts[2]!, title: 'Elasticsearch query DSL' };
const base = initialState(posts, size);
const titles = (state: AppState) => listView(state).map((e) => state.posts[e.index]!.title);

describe('filtering the list', () => {
  it('narrows the list as the filter is typed, highlighting matched title characters', () => {
    const state = apply(base, 'filter', { type: 'input', text: 'elqu' });
    expect(state.filter).toEqual({ text: 'elqu', editing: true });
    expect(titles(state)).toEqual(['Elasticsearch query DSL']);
    expect(listView(state)[0]!.titleMatches).toEqual([0, 1, 14, 15]);
  });

  it('matches tags and summaries by their text', () => {
    expect(titles(apply(base, 'filter', { type: 'input', text: 'perf' }))).toEqual(['Post 2', 'Post 4', 'Post 6']);
    expect(titles(apply(base, 'filter', { type: 'input', text: 'summary of post 5' }))).toEqual(['Post 5']);
  });

  it('adds posts found by their body, after the others, with the matching line', () => {
    const hits = new Map([[4, 'the matching line'], [0, 'also here']]);
    const state = apply(base, 'filter', { type: 'input', text: 'elastic' }, { type: 'bodyHits', query: 'elastic', hits });
    expect(titles(state)).toEqual(['Elasticsearch query DSL', 'Post 1', 'Post 5']);
    expect(listView(state)[1]!.snippet).toBe('also here');
  });

  it('ignores body results of an older query', () => {
    const state = apply(base, 'filter', { type: 'input', text: 'new' }, { type: 'bodyHits', query: 'old', hits: new Map([[3, 'x']]) });
    expect(listView(state).some((e) => e.index === 3)).toBe(false);
  });

  it('keeps the filter on Enter and clears it on Esc, while typing and after', () => {
    const typed = apply(base, 'filter', { type: 'input', text: 'post 5' });
    const kept = apply(typed, 'commit');
    expect(kept.filter).toEqual({ text: 'post 5', editing: false });
    expect(titles(kept)).toEqual(['Post 5']);
    expect(apply(kept, 'clearFilter').filter.text).toBe('');
    expect(apply(typed, 'cancel').filter).toEqual({ text: '', editing: false });
  });

  it('shows an empty list when nothing matches, and moving in it does nothing', () => {
    const state = apply(base, 'filter', { type: 'input', text: 'zzzz' }, 'commit', 'down', 'bottom');
    expect(listView(state)).toEqual([]);
    expect(state.list).toEqual({ selected: 0, top: 0 });
  });
});

describe('ordering, tags and bookmarks', () => {
  it('cycles the order: newest, oldest, shortest, longest, title', () => {
    let state = base;
    const seen: string[][] = [];
    for (let i = 0; i < 5; i++) {
      state = apply(state, 'sort');
      seen.push(titles(state));
    }
    expect(seen[0]).toEqual(['Post 6', 'Post 5', 'Post 4', 'Elasticsearch query DSL', 'Post 2', 'Post 1']);
    expect(seen[1]).toEqual(['Post 4', 'Post 2', 'Post 6', 'Post 5', 'Post 1', 'Elasticsearch query DSL']);
    expect(seen[2]).toEqual(['Elasticsearch query DSL', 'Post 1', 'Post 5', 'Post 6', 'Post 2', 'Post 4']);
    expect(seen[3]![0]).toBe('Elasticsearch query DSL');
    expect(seen[4]).toEqual(titles(base));
  });

  it('lists tags with counts and narrows the list to the chosen one', () => {
    expect(tagEntries(base)).toEqual([
      { tag: null, key: null, count: 6 },
      { tag: 'http', key: 'http', count: 3 },
      { tag: 'perf', key: 'perf', count: 3 },
      { tag: 'python', key: 'python', count: 3 },
    ]);
    const picked = apply(base, 'tags', 'down', 'down', 'down', 'choose');
    expect(picked.screen).toBe('list');
    expect(picked.tag).toBe('python');
    expect(titles(picked)).toEqual(['Post 2', 'Post 4', 'Post 6']);
    expect(titles(apply(picked, 'tags', 'top', 'choose'))).toHaveLength(6);
  });

  it('bookmarks posts and shows only them on request', () => {
    const state = apply(base, 'down', 'toggleBookmark', 'down', 'down', 'toggleBookmark', 'bookmarksOnly');
    expect(titles(state)).toEqual(['Post 2', 'Post 4']);
    expect(state.progress['/post-2/']!.bookmarked).toBe(true);
    expect(titles(apply(state, 'toggleBookmark'))).toEqual(['Post 4']);
    expect(titles(apply(state, 'bookmarksOnly'))).toHaveLength(6);
  });

  it('marks a post read and unread by hand', () => {
    const read = apply(base, 'toggleRead');
    expect(read.progress['/post-1/']!.read).toBe(true);
    expect(read.message).toBe('Marked read');
    expect(apply(read, 'toggleRead').progress['/post-1/']!.read).toBe(false);
  });
});

describe('searching a post', () => {
  const reading = apply(base, open(0));

  it('jumps to the first match below the screen top and counts the matches', () => {
    const state = apply(reading, 'search', { type: 'input', text: 'abc', matches: matchesAt(5, 120, 200) });
    expect(state.reader!.search).toMatchObject({ query: 'abc', editing: true, current: 0 });
    const below = apply(reading, 'pageDown', 'pageDown', 'search', { type: 'input', text: 'abc', matches: matchesAt(5, 120, 200) });
    expect(below.reader!.search!.current).toBe(1);
    expect(below.reader!.top).toBeLessThanOrEqual(120);
    expect(below.reader!.top + readerViewHeight(below)).toBeGreaterThan(120);
  });

  it('steps with n and N and wraps around at both ends', () => {
    const state = apply(reading, 'search', { type: 'input', text: 'abc', matches: matchesAt(5, 120, 200) }, 'commit');
    expect(apply(state, 'nextMatch').reader!.search!.current).toBe(1);
    expect(apply(state, 'nextMatch', 'nextMatch').reader!.search!.current).toBe(2);
    const wrapped = apply(state, 'nextMatch', 'nextMatch', 'nextMatch');
    expect(wrapped.reader!.search!.current).toBe(0);
    expect(wrapped.message).toBe('Search wrapped to the top');
    const back = apply(state, 'previousMatch');
    expect(back.reader!.search!.current).toBe(2);
    expect(back.message).toBe('Search wrapped to the bottom');
  });

  it('stays on a single match and says so when there is none', () => {
    const one = apply(reading, 'search', { type: 'input', text: 'x', matches: matchesAt(40) }, 'commit', 'nextMatch');
    expect(one.reader!.search!.current).toBe(0);
    const none = apply(reading, 'search', { type: 'input', text: 'zz', matches: [] }, 'commit', 'nextMatch');
    expect(none.reader!.search!.current).toBe(-1);
    expect(none.message).toBe('No match for "zz"');
  });

  it('clears the search with Esc before going back to the list', () => {
    const state = apply(reading, 'search', { type: 'input', text: 'abc', matches: matchesAt(5) }, 'commit');
    const cleared = apply(state, 'back');
    expect(cleared.screen).toBe('reader');
    expect(cleared.reader!.search).toBeNull();
    expect(apply(cleared, 'back').screen).toBe('list');
    expect(apply(reading, 'search', 'cancel').reader!.search).toBeNull();
  });
});

describe('headings and contents', () => {
  const reading = apply(base, open(0));

  it('jumps to the next and previous heading, and says when there is none', () => {
    const next = apply(reading, 'nextHeading');
    expect(next.reader!.top).toBe(50);
    expect(apply(next, 'nextHeading').reader!.top).toBe(150);
    const last = apply(next, 'nextHeading', 'nextHeading');
    expect(last.reader!.top).toBe(150);
    expect(last.message).toBe('No heading below');
    expect(apply(last, 'previousHeading').reader!.top).toBe(50);
    expect(apply(reading, 'previousHeading').message).toBe('No heading above');
  });

  it('opens the contents at the current section and jumps to the chosen heading', () => {
    const toc = apply(reading, 'pageDown', 'pageDown', 'pageDown', 'toc');
    expect(toc.screen).toBe('toc');
    expect(toc.picker.selected).toBe(1);
    const jumped = apply(toc, 'down', 'choose');
    expect(jumped.screen).toBe('reader');
    expect(jumped.reader!.top).toBe(150);
    expect(apply(toc, 'back').screen).toBe('reader');
  });

  it('lists the links and closes the list', () => {
    const links = apply(reading, 'links');
    expect(links.screen).toBe('links');
    expect(apply(links, 'down', 'down').picker.selected).toBe(1);
    expect(apply(links, 'back').screen).toBe('reader');
  });
});

describe('reading progress', () => {
  it('records how far a post was read and marks it read at the end', () => {
    const state = apply(base, open(1), 'pageDown');
    const progress = state.progress['/post-2/']!;
    expect(progress.read).toBe(false);
    expect(progress.percent).toBeGreaterThan(0);
    expect(progress.position!.block).toBe(Math.floor(state.reader!.top / 10));
    expect(apply(state, 'bottom').progress['/post-2/']).toMatchObject({ read: true, percent: 100 });
  });

  it('opens a post where it was left, by paragraph, even at another width', () => {
    const left = apply(base, open(1), 'pageDown', 'pageDown', 'back');
    const savedTop = apply(base, open(1), 'pageDown', 'pageDown').reader!.top;
    const again = apply(left, open(1));
    expect(again.reader!.top).toBe(savedTop);
    // Twice as many lines per block at a narrower width: the same block is at the top.
    const narrow: PostLayout = { ...layout(600), blockStarts: Array.from({ length: 30 }, (_, i) => i * 20) };
    const reopened = reduce(left, { type: 'open', index: 1, layout: narrow });
    expect(Math.floor(reopened.reader!.top / 20)).toBe(Math.floor(savedTop / 10));
  });
});
