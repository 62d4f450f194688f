import type { PostEntry } from '../../content/postEntry.js';
import type { KeyAction } from '../keymap.js';
import { helpLines } from '../keymap.js';
import { helpViewHeight, listGeometry, readerGeometry, type Size } from '../geometry.js';
import { moveList, settleList, type ListPosition } from './listNavigation.js';
import { anchoredTop, clampTop, scroll } from './readerScroll.js';

/** What the reader needs to know of a rendered post to scroll it. */
export interface PostLayout {
  width: number;
  lineCount: number;
  blockStarts: number[];
}

export interface ReaderState {
  index: number;
  top: number;
  layout: PostLayout;
}

export type Screen = 'list' | 'reader' | 'help';

export interface AppState {
  posts: readonly PostEntry[];
  size: Size;
  screen: Screen;
  /** The screen the help was opened from. */
  helpFrom: Exclude<Screen, 'help'>;
  helpTop: number;
  list: ListPosition;
  reader: ReaderState | null;
  /** Opened by `blog-tui read <slug>`: leaving the reader quits. */
  standalone: boolean;
  exit: 'quit' | 'interrupt' | null;
}

export type AppAction =
  | { type: 'key'; action: KeyAction }
  | { type: 'open'; index: number; layout: PostLayout }
  | { type: 'resize'; size: Size; layout?: PostLayout };

export function initialState(posts: readonly PostEntry[], size: Size): AppState {
  return {
    posts,
    size,
    screen: 'list',
    helpFrom: 'list',
    helpTop: 0,
    list: { selected: 0, top: 0 },
    reader: null,
    standalone: false,
    exit: null,
  };
}

/** State for `blog-tui read <slug>` on a terminal: the reader on one post. */
export function standaloneState(posts: readonly PostEntry[], size: Size, index: number, layout: PostLayout): AppState {
  const state = reduce(initialState(posts, size), { type: 'open', index, layout });
  return { ...state, standalone: true, list: settleList({ selected: index, top: index }, posts.length, listGeometry(size).perPage) };
}

export function readerViewHeight(state: AppState): number {
  const post = state.reader ? state.posts[state.reader.index] : undefined;
  return readerGeometry(state.size, post?.title ?? '').viewHeight;
}

const HELP_LINE_COUNT = helpLines().length;

function onListKey(state: AppState, action: KeyAction): AppState {
  const perPage = listGeometry(state.size).perPage;
  switch (action) {
    case 'down':
    case 'up':
    case 'pageDown':
    case 'pageUp':
    case 'top':
    case 'bottom':
      return { ...state, list: moveList(state.list, action, state.posts.length, perPage) };
    case 'help':
      return { ...state, screen: 'help', helpFrom: 'list', helpTop: 0 };
    case 'quit':
      return { ...state, exit: 'quit' };
    default:
      return state;
  }
}

function onReaderKey(state: AppState, action: KeyAction): AppState {
  const reader = state.reader;
  if (!reader) return { ...state, screen: 'list' };
  switch (action) {
    case 'down':
    case 'up':
    case 'pageDown':
    case 'pageUp':
    case 'halfPageDown':
    case 'halfPageUp':
    case 'top':
    case 'bottom':
      return { ...state, reader: { ...reader, top: scroll(reader.top, action, reader.layout.lineCount, readerViewHeight(state)) } };
    case 'back':
      if (state.standalone) return { ...state, exit: 'quit' };
      return { ...state, screen: 'list', list: settleList({ ...state.list, selected: reader.index }, state.posts.length, listGeometry(state.size).perPage) };
    case 'help':
      return { ...state, screen: 'help', helpFrom: 'reader', helpTop: 0 };
    default:
      return state;
  }
}

function onHelpKey(state: AppState, action: KeyAction): AppState {
  switch (action) {
    case 'back':
      return { ...state, screen: state.helpFrom };
    case 'down':
    case 'up':
    case 'pageDown':
    case 'pageUp':
    case 'top':
    case 'bottom':
      return { ...state, helpTop: scroll(state.helpTop, action, HELP_LINE_COUNT, helpViewHeight(state.size)) };
    default:
      return state;
  }
}

export function reduce(state: AppState, action: AppAction): AppState {
  switch (action.type) {
    case 'key':
      if (action.action === 'interrupt') return { ...state, exit: 'interrupt' };
      if (state.screen === 'list') return onListKey(state, action.action);
      if (state.screen === 'reader') return onReaderKey(state, action.action);
      return onHelpKey(state, action.action);
    case 'open': {
      if (action.index < 0 || action.index >= state.posts.length) return state;
      return {
        ...state,
        screen: 'reader',
        list: { ...state.list, selected: action.index },
        reader: { index: action.index, top: 0, layout: action.layout },
      };
    }
    case 'resize': {
      const next: AppState = { ...state, size: action.size };
      next.list = settleList(state.list, state.posts.length, listGeometry(action.size).perPage);
      next.helpTop = clampTop(state.helpTop, HELP_LINE_COUNT, helpViewHeight(action.size));
      const reader = state.reader;
      if (reader) {
        const layout = action.layout ?? reader.layout;
        const top = layout === reader.layout
          ? reader.top
          : anchoredTop(reader.top, reader.layout.blockStarts, reader.layout.lineCount, layout.blockStarts, layout.lineCount);
        next.reader = { ...reader, layout, top: 0 };
        next.reader.top = clampTop(top, layout.lineCount, readerViewHeight(next));
      }
      return next;
    }
  }
}
