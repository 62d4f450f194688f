import { describe, expect, it } from 'vitest';
import { initialState, reduce, standaloneState, readerViewHeight, type AppState, type PostLayout } from '../../src/tui/state/appReducer.js';
import { listGeometry } from '../../src/tui/geometry.js';
import { makePosts } from '../support/fixtures.js';
import type { KeyAction } from '../../src/tui/keymap.js';

const size = { cols: 80, rows: 24 };
const layout = (lineCount: number, width = 76): PostLayout => ({
  width,
  lineCount,
  blockStarts: Array.from({ length: Math.ceil(lineCount / 5) }, (_, i) => i * 5),
  headings: [],
  links: [],
});
const key = (state: AppState, ...actions: KeyAction[]) => actions.reduce((s, action) => reduce(s, { type: 'key', action }), state);
const opened = (state: AppState, index: number, lines = 200) => reduce(state, { type: 'open', index, layout: layout(lines) });

describe('the app reducer', () => {
  it('starts on the list with the first post selected', () => {
    const state = initialState(makePosts(3), size);
    expect(state.screen).toBe('list');
    expect(state.list).toEqual({ selected: 0, top: 0 });
  });

  it('moves through the list with every list key', () => {
    const state = initialState(makePosts(50), size);
    const perPage = listGeometry(size).perPage;
    expect(key(state, 'down', 'down').list.selected).toBe(2);
    expect(key(state, 'down', 'up').list.selected).toBe(0);
    expect(key(state, 'pageDown').list).toEqual({ selected: perPage, top: perPage });
    expect(key(state, 'pageDown', 'pageUp').list).toEqual({ selected: 0, top: 0 });
    expect(key(state, 'bottom').list).toEqual({ selected: 49, top: 50 - perPage });
    expect(key(state, 'bottom', 'top').list).toEqual({ selected: 0, top: 0 });
  });

  it('opens a post in the reader at its first line and goes back with the same post selected', () => {
    const state = opened(key(initialState(makePosts(20), size), 'down', 'down', 'down'), 3);
    expect(state.screen).toBe('reader');
    expect(state.reader).toMatchObject({ index: 3, top: 0 });
    const back = key(state, 'pageDown', 'back');
    expect(back.screen).toBe('list');
    expect(back.list.selected).toBe(3);
  });

  it('scrolls the reader by line, page, half page and to either end', () => {
    const state = opened(initialState(makePosts(1), size), 0, 200);
    const h = readerViewHeight(state);
    expect(key(state, 'down').reader!.top).toBe(1);
    expect(key(state, 'pageDown').reader!.top).toBe(h);
    expect(key(state, 'halfPageDown').reader!.top).toBe(Math.floor(h / 2));
    expect(key(state, 'bottom').reader!.top).toBe(200 - h);
    expect(key(state, 'bottom', 'pageDown').reader!.top).toBe(200 - h);
    expect(key(state, 'bottom', 'top').reader!.top).toBe(0);
    expect(key(state, 'halfPageDown', 'halfPageUp').reader!.top).toBe(0);
    expect(key(state, 'pageDown', 'up').reader!.top).toBe(h - 1);
  });

  it('opens help from the list and the reader and returns where it came from', () => {
    const list = initialState(makePosts(2), size);
    expect(key(list, 'help').screen).toBe('help');
    expect(key(list, 'help', 'back').screen).toBe('list');
    const reader = key(opened(list, 1), 'pageDown');
    const back = key(reader, 'help', 'back');
    expect(back.screen).toBe('reader');
    expect(back.reader!.top).toBe(reader.reader!.top);
  });

  it('scrolls the help and keeps it in range', () => {
    const help = key(initialState(makePosts(1), { cols: 80, rows: 12 }), 'help');
    expect(key(help, 'down').helpTop).toBe(1);
    expect(key(help, 'up').helpTop).toBe(0);
    expect(key(help, 'bottom').helpTop).toBeGreaterThan(0);
  });

  it('quits from the list with q and from anywhere with Ctrl-C', () => {
    const state = initialState(makePosts(2), size);
    expect(key(state, 'quit').exit).toBe('quit');
    expect(key(opened(state, 0), 'interrupt').exit).toBe('interrupt');
    expect(key(state, 'help', 'interrupt').exit).toBe('interrupt');
  });

  it('quits when leaving a reader opened by `read <slug>`', () => {
    const state = standaloneState(makePosts(30), size, 20, layout(100));
    expect(state.screen).toBe('reader');
    expect(state.list.selected).toBe(20);
    expect(key(state, 'back').exit).toBe('quit');
  });

  it('ignores keys that mean nothing on an empty list', () => {
    const state = initialState([], size);
    expect(key(state, 'down', 'pageDown', 'bottom', 'open').list).toEqual({ selected: 0, top: 0 });
    expect(reduce(state, { type: 'open', index: 0, layout: layout(10) }).screen).toBe('list');
  });

  it('keeps the list selection visible when the terminal shrinks', () => {
    const state = key(initialState(makePosts(100), { cols: 120, rows: 60 }), 'pageDown', 'pageDown');
    const small = reduce(state, { type: 'resize', size: { cols: 40, rows: 10 } });
    const { perPage } = listGeometry({ cols: 40, rows: 10 });
    expect(small.list.selected).toBe(state.list.selected);
    expect(small.list.selected).toBeGreaterThanOrEqual(small.list.top);
    expect(small.list.selected).toBeLessThan(small.list.top + perPage);
  });

  it('keeps the same block at the top of the reader when the post is laid out again', () => {
    const state = key(opened(initialState(makePosts(1), size), 0, 200), 'pageDown', 'pageDown');
    const top = state.reader!.top;
    const block = Math.floor(top / 5);
    const wider: PostLayout = { ...layout(100, 100), blockStarts: Array.from({ length: 40 }, (_, i) => Math.floor(i * 2.5)) };
    const resized = reduce(state, { type: 'resize', size: { cols: 104, rows: 24 }, layout: wider });
    expect(resized.reader!.layout).toBe(wider);
    expect(resized.reader!.top).toBeGreaterThanOrEqual(wider.blockStarts[block]!);
    expect(resized.reader!.top).toBeLessThan(wider.blockStarts[block + 1]!);
  });

  it('clamps the reader when a taller terminal shows the end of the post', () => {
    const state = key(opened(initialState(makePosts(1), size), 0, 60), 'bottom');
    const tall = reduce(state, { type: 'resize', size: { cols: 80, rows: 60 } });
    expect(tall.reader!.top).toBe(Math.max(0, 60 - readerViewHeight(tall)));
  });
});
