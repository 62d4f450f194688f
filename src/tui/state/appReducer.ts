import type { PostEntry } from '../../content/postEntry.js';
import type { LineMatch } from '../../content/textSearch.js';
import type { KeyAction, Scope } from '../keymap.js';
import { helpLines } from '../keymap.js';
import { helpViewHeight, listGeometry, pickerGeometry, readerGeometry, type Size } from '../geometry.js';
import { moveList, settleList, type ListMove, type ListPosition } from './listNavigation.js';
import { clampTop, scroll, percentRead, type ScrollMove } from './readerScroll.js';
import { memoizedView, SORT_ORDERS, tagCounts, type SortOrder, type ViewEntry } from './listView.js';
import { sameContent } from '../../state/stateFile.js';
import { NO_PROGRESS, positionOf, topOf, type PostProgress } from './progress.js';

/** What the reader needs to know of a rendered post to move through it. */
export interface PostLayout {
  width: number;
  lineCount: number;
  blockStarts: number[];
  headings: Array<{ level: number; text: string; line: number }>;
  links: Array<{ text: string; href: string }>;
}

export interface SearchState {
  query: string;
  editing: boolean;
  matches: LineMatch[];
  /** Index into matches of the current one, or -1. */
  current: number;
}

export interface ReaderState {
  index: number;
  top: number;
  layout: PostLayout;
  search: SearchState | null;
}

export type Screen = 'list' | 'reader' | 'help' | 'tags' | 'toc' | 'links';

export interface AppState {
  posts: readonly PostEntry[];
  size: Size;
  screen: Screen;
  /** The screen the help or a picker was opened from. */
  returnTo: 'list' | 'reader';
  helpTop: number;
  /** Position in the list view (not in `posts`). */
  list: ListPosition;
  filter: { text: string; editing: boolean };
  /** Posts whose body contains `bodyQuery`, with the matching line. */
  bodyHits: ReadonlyMap<number, string>;
  bodyQuery: string;
  sort: SortOrder;
  tag: string | null;
  bookmarksOnly: boolean;
  /** Reading progress by slug. */
  progress: Readonly<Record<string, PostProgress>>;
  /** Position in the tag picker, the table of contents or the link list. */
  picker: ListPosition;
  reader: ReaderState | null;
  /** Opened by `blog-tui read <slug>`: leaving the reader quits. */
  standalone: boolean;
  /** A one-line note in the footer until the next key. */
  message: string | null;
  exit: 'quit' | 'interrupt' | null;
}

export type AppAction =
  | { type: 'key'; action: KeyAction }
  | { type: 'open'; index: number; layout: PostLayout }
  | { type: 'resize'; size: Size; layout?: PostLayout; matches?: LineMatch[] }
  | { type: 'input'; text: string; matches?: LineMatch[] }
  | { type: 'bodyHits'; query: string; hits: ReadonlyMap<number, string> }
  | { type: 'message'; text: string | null };

const NO_HITS: ReadonlyMap<number, string> = new Map();

export function initialState(posts: readonly PostEntry[], size: Size, progress: Record<string, PostProgress> = {}): AppState {
  return {
    posts,
    size,
    screen: 'list',
    returnTo: 'list',
    helpTop: 0,
    list: { selected: 0, top: 0 },
    filter: { text: '', editing: false },
    bodyHits: NO_HITS,
    bodyQuery: '',
    sort: 'newest',
    tag: null,
    bookmarksOnly: false,
    progress,
    picker: { selected: 0, top: 0 },
    reader: null,
    standalone: false,
    message: null,
    exit: null,
  };
}

/** State for `blog-tui read <slug>` on a terminal: the reader on one post. */
export function standaloneState(posts: readonly PostEntry[], size: Size, index: number, layout: PostLayout, progress: Record<string, PostProgress> = {}): AppState {
  const state = reduce(initialState(posts, size, progress), { type: 'open', index, layout });
  return { ...state, standalone: true };
}

const view = memoizedView();

/** The list as shown now. */
export function listView(state: AppState): ViewEntry[] {
  let bookmarked: Set<string> | null = null;
  if (state.bookmarksOnly) {
    bookmarked = bookmarkSets.get(state.progress) ?? new Set(Object.keys(state.progress).filter((slug) => state.progress[slug]!.bookmarked));
    bookmarkSets.set(state.progress, bookmarked);
  }
  return view({
    posts: state.posts,
    filter: state.filter.text,
    bodyHits: state.bodyHits,
    bodyQuery: state.bodyQuery,
    sort: state.sort,
    tag: state.tag,
    bookmarked,
  });
}
const bookmarkSets = new WeakMap<object, Set<string>>();

export function tagEntries(state: AppState): Array<{ tag: string | null; count: number }> {
  return [{ tag: null, count: state.posts.length }, ...tagCounts(state.posts)];
}

/** The entries of the open picker: tags, headings or links. */
export function pickerCount(state: AppState): number {
  if (state.screen === 'tags') return tagEntries(state).length;
  if (state.screen === 'toc') return state.reader?.layout.headings.length ?? 0;
  if (state.screen === 'links') return state.reader?.layout.links.length ?? 0;
  return 0;
}

/** The keymap scope that handles keys now. */
export function keyScope(state: AppState): Scope {
  if (state.screen === 'list' && state.filter.editing) return 'input';
  if (state.screen === 'reader' && state.reader?.search?.editing) return 'input';
  if (state.screen === 'tags' || state.screen === 'toc' || state.screen === 'links') return 'picker';
  return state.screen;
}

export function readerViewHeight(state: AppState): number {
  const post = state.reader ? state.posts[state.reader.index] : undefined;
  return readerGeometry(state.size, post?.title ?? '').viewHeight;
}

export function progressOf(state: AppState, slug: string): PostProgress {
  return state.progress[slug] ?? NO_PROGRESS;
}

const HELP_LINE_COUNT = helpLines().length;
const LIST_MOVES = new Set<KeyAction>(['down', 'up', 'pageDown', 'pageUp', 'top', 'bottom']);
const READER_MOVES = new Set<KeyAction>(['down', 'up', 'pageDown', 'pageUp', 'halfPageDown', 'halfPageUp', 'top', 'bottom']);

function withProgress(state: AppState, slug: string, change: Partial<PostProgress>): AppState {
  const before = progressOf(state, slug);
  const after = { ...before, ...change };
  if (sameContent(after, before)) return state;
  return { ...state, progress: { ...state.progress, [slug]: after } };
}

/** Moves the reader to `top` and records how far the post has been read. */
function readerAt(state: AppState, top: number): AppState {
  const reader = state.reader!;
  const height = readerViewHeight(state);
  const clamped = clampTop(top, reader.layout.lineCount, height);
  const next = clamped === reader.top ? state : { ...state, reader: { ...reader, top: clamped } };
  const slug = state.posts[reader.index]!.slug;
  const percent = percentRead(clamped, reader.layout.lineCount, height);
  const before = progressOf(state, slug);
  return withProgress(next, slug, {
    percent,
    read: before.read || percent >= 100,
    position: positionOf(clamped, reader.layout.blockStarts, reader.layout.lineCount),
  });
}

function toggle(state: AppState, slug: string | undefined, field: 'read' | 'bookmarked'): AppState {
  if (slug === undefined) return state;
  const before = progressOf(state, slug);
  const change: Partial<PostProgress> = field === 'read' ? { read: !before.read, ...(before.read ? { percent: 0 } : {}) } : { bookmarked: !before.bookmarked };
  const next = withProgress(state, slug, change);
  const on = field === 'read' ? !before.read : !before.bookmarked;
  const message = field === 'read' ? (on ? 'Marked read' : 'Marked unread') : on ? 'Bookmarked' : 'Bookmark removed';
  // A bookmark removed while only bookmarks are listed takes the post out of the list.
  return { ...next, message, list: settleList(next.list, listView(next).length, listGeometry(next.size).perPage) };
}

function selectedSlug(state: AppState): string | undefined {
  if (state.screen === 'reader' && state.reader) return state.posts[state.reader.index]?.slug;
  const entry = listView(state)[state.list.selected];
  return entry ? state.posts[entry.index]!.slug : undefined;
}

/** Resets the list to its first entry after the view changed (filter, order, tag). */
function relist(state: AppState): AppState {
  return { ...state, list: { selected: 0, top: 0 } };
}

function onListKey(state: AppState, action: KeyAction): AppState {
  const count = listView(state).length;
  const perPage = listGeometry(state.size).perPage;
  if (LIST_MOVES.has(action)) return { ...state, list: moveList(state.list, action as ListMove, count, perPage) };
  switch (action) {
    case 'help':
      return { ...state, screen: 'help', returnTo: 'list', helpTop: 0 };
    case 'quit':
      return { ...state, exit: 'quit' };
    case 'filter':
      return { ...state, filter: { text: state.filter.text, editing: true } };
    case 'clearFilter':
      return state.filter.text === '' ? state : relist({ ...state, filter: { text: '', editing: false } });
    case 'sort': {
      const sort = SORT_ORDERS[(SORT_ORDERS.indexOf(state.sort) + 1) % SORT_ORDERS.length]!;
      return relist({ ...state, sort });
    }
    case 'tags': {
      const at = Math.max(0, tagEntries(state).findIndex((t) => t.tag === state.tag));
      return { ...state, screen: 'tags', returnTo: 'list', picker: settleList({ selected: at, top: at }, tagEntries(state).length, pickerGeometry(state.size).perPage) };
    }
    case 'bookmarksOnly':
      return relist({ ...state, bookmarksOnly: !state.bookmarksOnly, message: state.bookmarksOnly ? 'All posts' : 'Bookmarked posts only' });
    default:
      return state;
  }
}

function jumpToMatch(state: AppState, current: number): AppState {
  const reader = state.reader!;
  const search = reader.search!;
  const match = search.matches[current];
  const next = { ...state, reader: { ...reader, search: { ...search, current } } };
  if (!match) return next;
  const height = readerViewHeight(state);
  // Like less: the match near the top, with a few lines of context above it.
  const visible = match.line >= reader.top && match.line < reader.top + height;
  return visible ? next : readerAt(next, match.line - Math.min(3, Math.floor(height / 4)));
}

function stepMatch(state: AppState, direction: 1 | -1): AppState {
  const search = state.reader?.search;
  if (!search || search.matches.length === 0) return { ...state, message: search ? `No match for "${search.query}"` : 'No search: press / to search' };
  const n = search.matches.length;
  const current = ((search.current < 0 ? (direction === 1 ? -1 : 0) : search.current) + direction + n) % n;
  const wrapped = direction === 1 ? current <= search.current : current >= search.current;
  const next = jumpToMatch(state, current);
  return wrapped && search.current >= 0 ? { ...next, message: direction === 1 ? 'Search wrapped to the top' : 'Search wrapped to the bottom' } : next;
}

function headingJump(state: AppState, direction: 1 | -1): AppState {
  const reader = state.reader!;
  const lines = reader.layout.headings.map((h) => h.line);
  const target = direction === 1 ? lines.find((l) => l > reader.top) : [...lines].reverse().find((l) => l < reader.top);
  if (target === undefined) return { ...state, message: direction === 1 ? 'No heading below' : 'No heading above' };
  return readerAt(state, target);
}

function onReaderKey(state: AppState, action: KeyAction): AppState {
  const reader = state.reader;
  if (!reader) return { ...state, screen: 'list' };
  if (READER_MOVES.has(action)) {
    return readerAt(state, scroll(reader.top, action as ScrollMove, reader.layout.lineCount, readerViewHeight(state)));
  }
  switch (action) {
    case 'back':
      if (reader.search) return { ...state, reader: { ...reader, search: null } };
      if (state.standalone) return { ...state, exit: 'quit' };
      return backToList(state);
    case 'help':
      return { ...state, screen: 'help', returnTo: 'reader', helpTop: 0 };
    case 'search':
      return { ...state, reader: { ...reader, search: { query: '', editing: true, matches: [], current: -1 } } };
    case 'nextMatch':
      return stepMatch(state, 1);
    case 'previousMatch':
      return stepMatch(state, -1);
    case 'nextHeading':
      return headingJump(state, 1);
    case 'previousHeading':
      return headingJump(state, -1);
    case 'toc': {
      const headings = reader.layout.headings;
      if (headings.length === 0) return { ...state, message: 'This post has no headings' };
      const at = Math.max(0, headings.findLastIndex((h) => h.line <= reader.top));
      return { ...state, screen: 'toc', returnTo: 'reader', picker: settleList({ selected: at, top: at }, headings.length, pickerGeometry(state.size).perPage) };
    }
    case 'links':
      if (reader.layout.links.length === 0) return { ...state, message: 'This post has no links' };
      return { ...state, screen: 'links', returnTo: 'reader', picker: { selected: 0, top: 0 } };
    default:
      return state;
  }
}

function backToList(state: AppState): AppState {
  const reader = state.reader!;
  const entries = listView(state);
  const at = entries.findIndex((e) => e.index === reader.index);
  const list = settleList(at >= 0 ? { ...state.list, selected: at } : state.list, entries.length, listGeometry(state.size).perPage);
  return { ...state, screen: 'list', list };
}

function onPickerKey(state: AppState, action: KeyAction): AppState {
  const count = pickerCount(state);
  const perPage = pickerGeometry(state.size).perPage;
  if (LIST_MOVES.has(action)) return { ...state, picker: moveList(state.picker, action as ListMove, count, perPage) };
  if (action === 'back') return { ...state, screen: state.returnTo };
  if (action !== 'choose' || count === 0) return state;
  if (state.screen === 'tags') {
    const tag = tagEntries(state)[state.picker.selected]!.tag;
    return relist({ ...state, tag, screen: 'list' });
  }
  if (state.screen === 'toc') {
    const heading = state.reader!.layout.headings[state.picker.selected]!;
    return readerAt({ ...state, screen: 'reader' }, heading.line);
  }
  // Opening a link is a side effect: the controller does it and reports with a message.
  return state;
}

function onInputKey(state: AppState, action: KeyAction): AppState {
  if (state.screen === 'list') {
    if (action === 'commit') return { ...state, filter: { ...state.filter, editing: false } };
    if (action === 'cancel') return relist({ ...state, filter: { text: '', editing: false } });
    return state;
  }
  const reader = state.reader!;
  if (action === 'commit') {
    const search = reader.search!;
    if (search.query === '') return { ...state, reader: { ...reader, search: null } };
    return { ...state, reader: { ...reader, search: { ...search, editing: false } } };
  }
  if (action === 'cancel') return { ...state, reader: { ...reader, search: null } };
  return state;
}

function onInput(state: AppState, text: string, matches: LineMatch[] = []): AppState {
  if (state.screen === 'list') return relist({ ...state, filter: { text, editing: true } });
  const reader = state.reader;
  if (!reader?.search) return state;
  // Incremental search: the first match at or below the top of the screen becomes current.
  const current = matches.length === 0 ? -1 : Math.max(0, matches.findIndex((m) => m.line >= reader.top));
  return jumpToMatch({ ...state, reader: { ...reader, search: { query: text, editing: true, matches, current } } }, current);
}

function open(state: AppState, index: number, layout: PostLayout): AppState {
  if (index < 0 || index >= state.posts.length) return state;
  const slug = state.posts[index]!.slug;
  const saved = progressOf(state, slug).position;
  const entries = listView(state);
  const at = entries.findIndex((e) => e.index === index);
  const list = at >= 0 ? settleList({ ...state.list, selected: at }, entries.length, listGeometry(state.size).perPage) : state.list;
  const opened: AppState = { ...state, screen: 'reader', list, reader: { index, top: 0, layout, search: null } };
  return readerAt(opened, saved ? topOf(saved, layout.blockStarts, layout.lineCount) : 0);
}

function resize(state: AppState, size: Size, layout?: PostLayout, matches?: LineMatch[]): AppState {
  const next: AppState = { ...state, size };
  next.list = settleList(state.list, listView(state).length, listGeometry(size).perPage);
  next.picker = settleList(state.picker, pickerCount(state), pickerGeometry(size).perPage);
  next.helpTop = clampTop(state.helpTop, HELP_LINE_COUNT, helpViewHeight(size));
  const reader = state.reader;
  if (!reader) return next;
  const newLayout = layout ?? reader.layout;
  const position = positionOf(reader.top, reader.layout.blockStarts, reader.layout.lineCount);
  const top = newLayout === reader.layout ? reader.top : topOf(position, newLayout.blockStarts, newLayout.lineCount);
  let search = reader.search;
  if (search && matches) {
    const old = search.matches[search.current];
    const current = old ? Math.max(0, matches.findIndex((m) => m.line >= topOf(positionOf(old.line, reader.layout.blockStarts, reader.layout.lineCount), newLayout.blockStarts, newLayout.lineCount))) : -1;
    search = { ...search, matches, current: matches.length ? current : -1 };
  }
  next.reader = { ...reader, layout: newLayout, search, top: clampTop(top, newLayout.lineCount, readerViewHeight(next)) };
  return next;
}

export function reduce(state: AppState, action: AppAction): AppState {
  switch (action.type) {
    case 'key': {
      const base = state.message ? { ...state, message: null } : state;
      if (action.action === 'interrupt') return { ...base, exit: 'interrupt' };
      const scope = keyScope(base);
      if (scope === 'input') return onInputKey(base, action.action);
      // The selected post in the list, the open one in the reader.
      if (action.action === 'toggleBookmark') return toggle(base, selectedSlug(base), 'bookmarked');
      if (action.action === 'toggleRead') return toggle(base, selectedSlug(base), 'read');
      if (scope === 'list') return onListKey(base, action.action);
      if (scope === 'reader') return onReaderKey(base, action.action);
      if (scope === 'picker') return onPickerKey(base, action.action);
      if (action.action === 'back') return { ...base, screen: base.returnTo };
      if (LIST_MOVES.has(action.action)) {
        return { ...base, helpTop: scroll(base.helpTop, action.action as ScrollMove, HELP_LINE_COUNT, helpViewHeight(base.size)) };
      }
      return base;
    }
    case 'open':
      return open(state, action.index, action.layout);
    case 'resize':
      return resize(state, action.size, action.layout, action.matches);
    case 'input':
      return onInput(state, action.text, action.matches);
    case 'bodyHits':
      return { ...state, bodyHits: action.hits, bodyQuery: action.query };
    case 'message':
      return { ...state, message: action.text };
  }
}
