// less's keys through the reducer: counts before a move, N% and Np, =, search that keeps
// your place, the list prompt, the help at the right section, and the tag picker.
import { describe, expect, it } from 'vitest';
import { helpSectionTop, initialState, keyScope, listView, reduce, readerViewHeight, tagEntries, type AppAction, type AppState, type PostLayout } from '../../src/tui/state/appReducer.js';
import { actionFor, helpLines, type KeyAction } from '../../src/tui/keymap.js';
import { findInLines, type LineMatch } from '../../src/content/textSearch.js';
import { tagKey } from '../../src/tui/state/listView.js';
import { makePosts } from '../support/fixtures.js';

const size = { cols: 80, rows: 24 };
/** Presses keys by name, as the app does: digits are counts. */
function press(state: AppState, ...keys: Array<string | AppAction>): AppState {
  return keys.reduce<AppState>((s, k) => {
    if (typeof k !== 'string') return reduce(s, k);
    const scope = keyScope(s);
    const action = actionFor(scope, k) as KeyAction;
    return reduce(s, { type: 'key', action, key: k });
  }, state);
}
const layout = (lineCount: number): PostLayout => ({
  width: 76,
  lineCount,
  blockStarts: Array.from({ length: lineCount / 10 }, (_, i) => i * 10),
  headings: [],
  links: [],
});
const reading = (lines = 1000) => reduce(initialState(makePosts(40), size), { type: 'open', index: 0, layout: layout(lines) });
const matchesAt = (...lines: number[]): LineMatch[] => lines.map((line) => ({ line, start: 0, end: 3 }));

describe('counts before a move', () => {
  it('10j, 10k, 5g and 5G move by and to lines in the reader', () => {
    expect(press(reading(), '1', '0', 'j').reader!.top).toBe(10);
    expect(press(reading(), '3', '0', 'j', '1', '0', 'k').reader!.top).toBe(20);
    expect(press(reading(), '5', 'G').reader!.top).toBe(4);
    expect(press(reading(), 'G', '5', 'g').reader!.top).toBe(4);
    expect(press(reading(), '1', '0', 'ctrl+f').reader!.top).toBe(10);
  });

  it('N% and Np go N percent into the post; % alone goes to the start', () => {
    expect(press(reading(1000), '5', '0', '%').reader!.top).toBe(500);
    expect(press(reading(1000), '2', '5', 'p').reader!.top).toBe(250);
    expect(press(reading(1000), 'G', '%').reader!.top).toBe(0);
  });

  it('a count is used once: the next move is a plain one', () => {
    const state = press(reading(), '1', '0', 'j', 'j');
    expect(state.reader!.top).toBe(11);
    expect(state.count).toBe('');
  });

  it('keeps the pending digits in the state, and no key but a digit adds to them', () => {
    const state = press(reading(), '4', '2');
    expect(state.count).toBe('42');
    expect(state.reader!.top).toBe(0);
    expect(press(state, 'escape').count).toBe('');
  });

  it('counts in the list: 10j, 5G and 50%', () => {
    const list = initialState(makePosts(40), size);
    expect(press(list, '1', '0', 'j').list.selected).toBe(10);
    expect(press(list, '5', 'G').list.selected).toBe(4);
    expect(press(list, '5', '0', '%').list.selected).toBe(19);
    expect(press(list, 'ctrl+d').list.selected).toBeGreaterThan(0);
  });

  it('less letters: e and y by a line, z and w by a page, Ctrl-D and Ctrl-U by half', () => {
    const h = readerViewHeight(reading());
    expect(press(reading(), 'e', 'e', 'y').reader!.top).toBe(1);
    expect(press(reading(), 'z').reader!.top).toBe(h);
    expect(press(reading(), 'z', 'z', 'w').reader!.top).toBe(h);
    expect(press(reading(), 'ctrl+d').reader!.top).toBe(Math.floor(h / 2));
    expect(press(reading(), 'ctrl+d', 'ctrl+u').reader!.top).toBe(0);
  });
});

describe('=', () => {
  it('says the file, the lines shown, of how many, and how far, in the reader', () => {
    const state = press(reading(1000), '1', '0', '0', 'j', '=');
    const h = readerViewHeight(state);
    expect(state.message).toBe(`post-1.md · lines 101-${100 + h} of 1000 · ${Math.round((100 * (100 + h)) / 1000)}% · Post 1`);
  });

  it('says the file and the place in the list, in the list', () => {
    expect(press(initialState(makePosts(40), size), 'j', '=').message).toBe('post-2.md · post 2 of 40 · Post 2');
  });
});

describe('search that keeps your place', () => {
  const searching = (state: AppState, text: string, matches: LineMatch[]) => reduce(press(state, '/'), { type: 'input', text, matches });

  it('n goes from the screen, not from the last match: g then n finds the first match', () => {
    let state = searching(reading(), 'abc', matchesAt(50, 500, 900));
    state = press(state, 'enter', 'n', 'n');
    expect(state.reader!.search!.current).toBe(2);
    state = press(state, 'g', 'n');
    expect(state.reader!.search!.current).toBe(0);
    expect(state.reader!.top).toBeLessThanOrEqual(50);
  });

  it('N goes to the last match above the screen', () => {
    let state = searching(reading(), 'abc', matchesAt(50, 500, 900));
    state = press(state, 'enter', '6', '0', '0', 'g', 'N');
    expect(state.reader!.search!.current).toBe(1);
  });

  it('Esc while typing goes back to where the search began', () => {
    const start = press(reading(), '2', '0', '0', 'j');
    const typed = searching(start, 'abc', matchesAt(700));
    expect(typed.reader!.top).toBeGreaterThan(600);
    const cancelled = press(typed, 'escape');
    expect(cancelled.reader!.top).toBe(200);
    expect(cancelled.reader!.search).toBeNull();
  });

  it('no match moves nothing, and each letter searches again from where the search began', () => {
    const start = press(reading(), '2', '0', '0', 'j');
    const far = searching(start, 'a', matchesAt(210, 800));
    expect(far.reader!.search!.current).toBe(0);
    const none = reduce(far, { type: 'input', text: 'ab', matches: [] });
    expect(none.reader!.top).toBe(200);
    const again = reduce(none, { type: 'input', text: 'abc', matches: matchesAt(100, 800) });
    expect(again.reader!.search!.current).toBe(1);
  });

  it('smart case: lower case finds any case, a capital finds that case only', () => {
    const lines = ['The GIL and the gil', 'gIl'];
    expect(findInLines(lines, 'gil')).toHaveLength(3);
    expect(findInLines(lines, 'GIL')).toEqual([{ line: 0, start: 4, end: 7 }]);
  });

  it('the list prompt shows the old filter selected: typing replaces it, Enter keeps it', () => {
    const filtered = press(reduce(press(initialState(makePosts(40), size), '/'), { type: 'input', text: 'Post 1' }), 'enter');
    const reopened = press(filtered, '/');
    expect(reopened.filter).toEqual({ text: 'Post 1', editing: true, selected: true });
    expect(press(reopened, 'enter').filter.text).toBe('Post 1');
    expect(press(initialState(makePosts(3), size), '/').filter).toEqual({ text: '', editing: true, selected: false });
  });
});

describe('the help', () => {
  it('? from the reader opens at the reader section, from the list at the top', () => {
    const fromReader = press(reduce(initialState(makePosts(3), { cols: 80, rows: 12 }), { type: 'open', index: 0, layout: layout(100) }), '?');
    expect(fromReader.helpTop).toBe(helpSectionTop('reader'));
    expect(helpLines()[fromReader.helpTop]).toBe('Reader');
    expect(press(initialState(makePosts(3), size), '?').helpTop).toBe(0);
  });
});

describe('tags', () => {
  const posts = makePosts(4).map((p, i) => ({ ...p, tags: [['Edge Computing'], ['edge computing', 'Rust'], ['edge-computing'], ['rust', 'Go']][i]! }));

  it('merges tags as Hugo does: case, spaces and hyphens make one tag', () => {
    expect(tagKey('Edge Computing')).toBe('edge-computing');
    expect(tagKey(' edge  computing ')).toBe('edge-computing');
    const entries = tagEntries(initialState(posts, size));
    expect(entries.map((e) => [e.tag, e.count])).toEqual([[null, 4], ['Edge Computing', 3], ['Rust', 2], ['Go', 1]]);
  });

  it('choosing a merged tag lists every post that carries any of its forms', () => {
    const chosen = press(initialState(posts, size), 't', 'j', 'enter');
    expect(chosen.tag).toBe('edge-computing');
    expect(listView(chosen).map((e) => e.index)).toEqual([0, 1, 2]);
  });

  it('/ in the tag picker types a filter: tags that start with it first, Esc clears it', () => {
    let state = press(initialState(posts, size), 't', '/');
    state = reduce(state, { type: 'input', text: 'g' });
    expect(tagEntries(state).map((e) => e.tag)).toEqual(['Go', 'Edge Computing']);
    state = press(state, 'enter', 'enter');
    expect(state.screen).toBe('list');
    expect(state.tag).toBe('go');
    const cleared = press(reduce(press(initialState(posts, size), 't', '/'), { type: 'input', text: 'go' }), 'enter', 'escape');
    expect(cleared.screen).toBe('tags');
    expect(tagEntries(cleared)).toHaveLength(4);
  });
});

describe('the order', () => {
  it('"oldest first" keeps posts without a date last, as "newest first" does', () => {
    const posts = makePosts(3).map((p, i) => (i === 2 ? { ...p, date: undefined } : p));
    const newest = initialState(posts, size);
    expect(listView(newest).map((e) => e.index)).toEqual([0, 1, 2]);
    const oldest = press(newest, 's');
    expect(oldest.sort).toBe('oldest');
    expect(listView(oldest).map((e) => e.index)).toEqual([1, 0, 2]);
  });
});
