import { describe, expect, it, vi } from 'vitest';
import { findInLines } from '../../src/content/textSearch.js';
import { plainLine, searchLines } from '../../src/tui/lineSearch.js';
import { initialState, reduce, type AppState, type PostLayout } from '../../src/tui/state/appReducer.js';
import { makePosts } from '../support/fixtures.js';

const layout = (lineCount: number): PostLayout => ({ width: 76, lineCount, blockStarts: [0], headings: [], links: [] });

describe("the reader's search over a laid-out post", () => {
  it('answers at once on a short post', () => {
    const done = vi.fn();
    const search = searchLines(['one fish', '\u001b[1mtwo\u001b[22m fish'], 'FISH'.toLowerCase(), done);
    expect(search.finished).toBe(true);
    expect(done).toHaveBeenCalledWith([
      { line: 0, start: 4, end: 8 },
      { line: 1, start: 4, end: 8 },
    ]);
  });

  it('searches a long post in slices between turns of the event loop, with the same matches', async () => {
    const lines = Array.from({ length: 400_000 }, (_, i) => (i % 7 === 0 ? `line ${i} has a needle in it` : `line ${i} has nothing`));
    const done = vi.fn();
    const search = searchLines(lines, 'needle', done);
    expect(search.finished).toBe(false);
    expect(done).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(done).toHaveBeenCalledTimes(1), { timeout: 20_000 });
    expect(done.mock.calls[0]![0]).toEqual(findInLines(lines, 'needle'));
  });

  it('stops for good when cancelled', async () => {
    const lines = Array.from({ length: 400_000 }, (_, i) => `line ${i} needle`);
    const cancelled = vi.fn();
    searchLines(lines, 'needle', cancelled).cancel();
    // A search of the same lines started later ends after the cancelled one would have.
    const later = vi.fn();
    searchLines(lines, 'needle', later);
    await vi.waitFor(() => expect(later).toHaveBeenCalledTimes(1), { timeout: 20_000 });
    expect(cancelled).not.toHaveBeenCalled();
  });

  it('keeps each line without its styles once made', () => {
    const lines = ['\u001b[31mred\u001b[39m text'];
    expect(plainLine(lines, 0)).toBe('red text');
    expect(plainLine(lines, 0)).toBe(plainLine(lines, 0));
  });
});

describe('matches that arrive after the query', () => {
  function searching(text: string): AppState {
    let state = reduce(initialState(makePosts(3), { cols: 80, rows: 24 }), { type: 'open', index: 0, layout: layout(100) });
    state = reduce(state, { type: 'key', action: 'search' });
    return reduce(state, { type: 'input', text, pending: true });
  }

  it('are shown as the typed query\'s matches, the first below where the search began current', () => {
    const state = reduce(searching('x'), { type: 'searchDone', query: 'x', matches: [{ line: 50, start: 0, end: 1 }] });
    expect(state.reader!.search).toMatchObject({ query: 'x', editing: true, current: 0 });
    expect(state.reader!.search!.pending).toBeUndefined();
    expect(state.reader!.top).toBeGreaterThan(40);
  });

  it('are dropped when the query changed meanwhile', () => {
    const typed = reduce(searching('x'), { type: 'input', text: 'xy', pending: true });
    const state = reduce(typed, { type: 'searchDone', query: 'x', matches: [{ line: 50, start: 0, end: 1 }] });
    expect(state).toBe(typed);
  });

  it('jump to the first match below the screen when the query was already committed with Enter', () => {
    const committed = reduce(searching('x'), { type: 'key', action: 'commit' });
    expect(reduce(committed, { type: 'key', action: 'nextMatch' }).message).toBe('Still searching for "x"…');
    const state = reduce(committed, { type: 'searchDone', query: 'x', matches: [{ line: 70, start: 0, end: 1 }] });
    expect(state.reader!.search).toMatchObject({ editing: false, current: 0 });
    expect(state.reader!.top).toBeGreaterThan(60);
  });
});
