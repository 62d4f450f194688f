import type { PostEntry } from '../../content/postEntry.js';
import type { LineMatch } from '../../content/textSearch.js';
import type { KeyAction, Scope } from '../keymap.js';
import { helpLines, SCOPE_TITLES } from '../keymap.js';
import { helpViewHeight, listGeometry, MAX_TEXT_WIDTH, pickerGeometry, readerGeometry, type Size } from '../geometry.js';
import { moveList, settleList, type ListPosition } from './listNavigation.js';
import { clampTop, scroll, percentRead, type ScrollMove } from './readerScroll.js';
import { memoizedView, SORT_ORDERS, tagCounts, tagKey, type RankQuery, type Ranking, type SortOrder, type ViewEntry } from './listView.js';
import { sameContent } from '../../state/stateFile.js';
import { NO_PROGRESS, positionOf, topOf, type PostProgress } from './progress.js';

/** What the reader needs to know of a rendered post to move through it. */
export interface PostLayout {
  width: number;
  lineCount: number;
  blockStarts: number[];
  headings: Array<{ level: number; text: string; line: number }>;
  /** The post's links; a jump (in-page link) or note leads to `line` in the post instead of a URL. */
  links: Array<{ text: string; href: string; kind?: 'link' | 'jump' | 'note'; target?: string; line?: number }>;
}

export interface SearchState {
  query: string;
  editing: boolean;
  matches: LineMatch[];
  /** Index into matches of the current one, or -1. */
  current: number;
  /** The top of the screen when the search began: Esc, or no match, goes back there. */
  origin: number;
  /** The post is still being searched for `query`: `matches` are not known yet. */
  pending?: boolean;
}

export interface ReaderState {
  index: number;
  top: number;
  layout: PostLayout;
  search: SearchState | null;
  /** Where the reader was before each jump (a link to a heading or note, the contents): the back key returns there. */
  jumps?: number[];
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
  /** `selected`: the old text is shown selected, and typing replaces it. */
  /**
   * The list filter as typed. `applied`, while set, is the filter the list still shows: a long
   * list is ranked for a new filter in slices, and shows it once ranked ('applyFilter').
   */
  filter: { text: string; editing: boolean; selected?: boolean; applied?: string };
  /** Digits typed before a move (10j, 5G, 50%), not yet used. */
  count: string;
  /** The text typed to narrow the tag picker. */
  tagFilter: { text: string; editing: boolean };
  /** Posts whose body contains `bodyQuery`, with the matching line. */
  bodyHits: ReadonlyMap<number, string>;
  bodyQuery: string;
  sort: SortOrder;
  tag: string | null;
  bookmarksOnly: boolean;
  /** Reading progress by URL path (a post's identity). */
  progress: Readonly<Record<string, PostProgress>>;
  /** Position in the tag picker, the table of contents or the link list. */
  picker: ListPosition;
  reader: ReaderState | null;
  /** Opened by `blog-tui read <slug>`: leaving the reader quits. */
  standalone: boolean;
  /** A one-line note in the footer until the next key. */
  message: string | null;
  exit: 'quit' | 'interrupt' | null;
  /** The widest the reader's text column gets (the `width` setting). */
  maxTextWidth: number;
}

/** Settings that shape the first state. */
export interface StartOptions {
  sort?: SortOrder;
  maxTextWidth?: number;
  /** A note for the footer at start. */
  message?: string | null;
}

export type AppAction =
  /** `key` is the key pressed (a digit for 'count'); `count` applies when no count was typed. */
  | { type: 'key'; action: KeyAction; key?: string; count?: number }
  /** A post re-read after it was edited: its new layout, the place kept. */
  | { type: 'reload'; layout: PostLayout }
  | { type: 'open'; index: number; layout: PostLayout }
  | { type: 'resize'; size: Size; layout?: PostLayout; matches?: LineMatch[]; pending?: boolean }
  | { type: 'input'; text: string; matches?: LineMatch[]; pending?: boolean; deferred?: boolean }
  /** The list is ranked for the filter `text`: show it. */
  | { type: 'applyFilter'; text: string }
  /** The matches of a search that went on after its query was shown. */
  | { type: 'searchDone'; query: string; matches: LineMatch[] }
  | { type: 'bodyHits'; query: string; hits: ReadonlyMap<number, string> }
  | { type: 'message'; text: string | null }
  /** The posts as the folder now holds them (checked after start): the list updated in place. */
  /** The list's posts replaced; `samePlaces`: the same posts in the same places (figures filled in), so search results stand. */
  | { type: 'posts'; posts: readonly PostEntry[]; samePlaces?: boolean };

const NO_HITS: ReadonlyMap<number, string> = new Map();

export function initialState(posts: readonly PostEntry[], size: Size, progress: Record<string, PostProgress> = {}, start: StartOptions = {}): AppState {
  return {
    posts,
    size,
    screen: 'list',
    returnTo: 'list',
    helpTop: 0,
    list: { selected: 0, top: 0 },
    filter: { text: '', editing: false },
    count: '',
    tagFilter: { text: '', editing: false },
    bodyHits: NO_HITS,
    bodyQuery: '',
    sort: start.sort ?? 'newest',
    tag: null,
    bookmarksOnly: false,
    progress,
    picker: { selected: 0, top: 0 },
    reader: null,
    standalone: false,
    message: start.message ?? null,
    exit: null,
    maxTextWidth: start.maxTextWidth ?? MAX_TEXT_WIDTH,
  };
}

/** State for `blog-tui read <slug>` on a terminal: the reader on one post. */
export function standaloneState(posts: readonly PostEntry[], size: Size, index: number, layout: PostLayout, progress: Record<string, PostProgress> = {}, start: StartOptions = {}): AppState {
  const state = reduce(initialState(posts, size, progress, { ...start, message: null }), { type: 'open', index, layout });
  return { ...state, standalone: true, message: start.message ?? state.message };
}

const view = memoizedView();

/** The list as shown now. */
export function listView(state: AppState): ViewEntry[] {
  return view({ ...rankQuery(state), bodyHits: state.bodyHits, bodyQuery: state.bodyQuery });
}

/** What the list's ranking depends on, for the filter shown (or `filter`). */
export function rankQuery(state: AppState, filter = state.filter.applied ?? state.filter.text): RankQuery {
  let bookmarked: Set<string> | null = null;
  if (state.bookmarksOnly) {
    bookmarked = bookmarkSets.get(state.progress) ?? new Set(Object.keys(state.progress).filter((slug) => state.progress[slug]!.bookmarked));
    bookmarkSets.set(state.progress, bookmarked);
  }
  return { posts: state.posts, filter, sort: state.sort, tag: state.tag, bookmarked };
}

/** A ranking built in slices for `q`: the list uses it instead of ranking again. */
export function primeRanking(q: RankQuery, ranking: Ranking): void {
  view.prime(q, ranking);
}
const bookmarkSets = new WeakMap<object, Set<string>>();

const tagCountCache = new WeakMap<readonly PostEntry[], Array<{ tag: string; key: string; count: number }>>();

/** "All posts", then the tags (merged as Hugo merges them), narrowed by the typed filter. */
export function tagEntries(state: AppState): Array<{ tag: string | null; key: string | null; count: number }> {
  let all = tagCountCache.get(state.posts);
  if (!all) {
    all = tagCounts(state.posts);
    tagCountCache.set(state.posts, all);
  }
  const text = state.tagFilter.text.trim().toLowerCase();
  if (text === '') return [{ tag: null, key: null, count: state.posts.length }, ...all];
  // Tags that start with the text first, then those that contain it.
  const starts = all.filter((t) => t.tag.toLowerCase().startsWith(text) || t.key.startsWith(tagKey(text)));
  const contains = all.filter((t) => !starts.includes(t) && t.tag.toLowerCase().includes(text));
  return [...starts, ...contains];
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
  if (state.screen === 'tags' && state.tagFilter.editing) return 'input';
  if (state.screen === 'reader' && state.reader?.search?.editing) return 'input';
  if (state.screen === 'tags' || state.screen === 'toc' || state.screen === 'links') return 'picker';
  return state.screen;
}

export function readerViewHeight(state: AppState): number {
  const post = state.reader ? state.posts[state.reader.index] : undefined;
  return readerGeometry(state.size, post?.title ?? '', state.maxTextWidth).viewHeight;
}

export function progressOf(state: AppState, slug: string): PostProgress {
  // Own keys only: a post may be called `constructor` or `__proto__`.
  return Object.hasOwn(state.progress, slug) ? state.progress[slug]! : NO_PROGRESS;
}

const HELP_LINES = helpLines();
const HELP_LINE_COUNT = HELP_LINES.length;
const LIST_MOVES = new Set<KeyAction>(['down', 'up', 'pageDown', 'pageUp', 'halfPageDown', 'halfPageUp', 'top', 'bottom', 'percent']);
const READER_MOVES = new Set<KeyAction>(['down', 'up', 'pageDown', 'pageUp', 'halfPageDown', 'halfPageUp', 'top', 'bottom']);

function withProgress(state: AppState, slug: string, change: Partial<PostProgress>): AppState {
  const before = progressOf(state, slug);
  const after = { ...before, ...change };
  if (sameContent(after, before)) return state;
  return { ...state, progress: { ...state.progress, [slug]: after } };
}

/** Moves the reader to `top` and records how far the post has been read. */
/** Moves the reader to a line and remembers where it was, for the back key. */
function jumpTo(state: AppState, line: number): AppState {
  const reader = state.reader!;
  const jumps = [...(reader.jumps ?? []), reader.top].slice(-MAX_JUMPS);
  return readerAt({ ...state, reader: { ...reader, jumps } }, line);
}

const MAX_JUMPS = 100;

function jumpBack(state: AppState): AppState {
  const reader = state.reader!;
  const jumps = reader.jumps ?? [];
  if (jumps.length === 0) return { ...state, message: 'No jump to go back from' };
  return readerAt({ ...state, reader: { ...reader, jumps: jumps.slice(0, -1) } }, jumps[jumps.length - 1]!);
}

function readerAt(state: AppState, top: number): AppState {
  const reader = state.reader!;
  const height = readerViewHeight(state);
  const clamped = clampTop(top, reader.layout.lineCount, height);
  const next = clamped === reader.top ? state : { ...state, reader: { ...reader, top: clamped } };
  const slug = state.posts[reader.index]!.url;
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
  if (state.screen === 'reader' && state.reader) return state.posts[state.reader.index]?.url;
  const entry = listView(state)[state.list.selected];
  return entry ? state.posts[entry.index]!.url : undefined;
}

/** Resets the list to its first entry after the view changed (filter, order, tag). */
function relist(state: AppState): AppState {
  return { ...state, list: { selected: 0, top: 0 } };
}

/** A list move with an optional count: N entries, entry N (g, G) or N percent of the way. */
function countedListMove(position: ListPosition, action: KeyAction, n: number | undefined, count: number, perPage: number): ListPosition {
  const half = Math.max(1, Math.floor(perPage / 2));
  const to = (selected: number) => settleList({ selected, top: position.top }, count, perPage);
  switch (action) {
    case 'down':
    case 'up':
      return n === undefined ? moveList(position, action, count, perPage) : to(position.selected + (action === 'down' ? n : -n));
    case 'pageDown':
    case 'pageUp':
      return n === undefined ? moveList(position, action, count, perPage) : to(position.selected + (action === 'pageDown' ? n : -n));
    case 'halfPageDown':
      return to(position.selected + (n ?? half));
    case 'halfPageUp':
      return to(position.selected - (n ?? half));
    case 'top':
    case 'bottom':
      return n === undefined ? moveList(position, action, count, perPage) : to(n - 1);
    case 'percent':
      return to(Math.floor(((count - 1) * Math.min(100, n ?? 0)) / 100));
    default:
      return position;
  }
}

/** Where the help starts the section of a screen. */
export function helpSectionTop(scope: 'list' | 'reader'): number {
  return Math.max(0, HELP_LINES.indexOf(SCOPE_TITLES[scope]));
}

function openHelp(state: AppState, from: 'list' | 'reader'): AppState {
  const helpTop = clampTop(helpSectionTop(from), HELP_LINE_COUNT, helpViewHeight(state.size));
  return { ...state, screen: 'help', returnTo: from, helpTop };
}

/** `=`: the post, its file and where it is, in one line. */
function infoMessage(state: AppState): string {
  if (state.screen === 'reader' && state.reader) {
    const { index, top, layout } = state.reader;
    const post = state.posts[index]!;
    const height = readerViewHeight(state);
    const last = Math.min(layout.lineCount, top + height);
    return `${post.file} · lines ${Math.min(top + 1, last)}-${last} of ${layout.lineCount} · ${percentRead(top, layout.lineCount, height)}% · ${post.title}`;
  }
  const entries = listView(state);
  const entry = entries[state.list.selected];
  if (!entry) return 'No post';
  const post = state.posts[entry.index]!;
  return `${post.file} · post ${state.list.selected + 1} of ${entries.length} · ${post.title}`;
}

/** The list entry drawn at a screen row (1-based, as mouse reports count), if any. */
export function listEntryAtRow(state: AppState, row: number): ViewEntry | undefined {
  if (state.screen !== 'list') return undefined;
  const geometry = listGeometry(state.size);
  // The header and the rule take the first two rows.
  const offset = row - 3;
  if (offset < 0 || offset >= geometry.bodyRows) return undefined;
  const onPage = Math.floor(offset / geometry.entryHeight);
  if (onPage >= geometry.perPage) return undefined;
  return listView(state)[state.list.top + onPage];
}

function onListKey(state: AppState, action: KeyAction, n: number | undefined): AppState {
  const count = listView(state).length;
  const perPage = listGeometry(state.size).perPage;
  if (LIST_MOVES.has(action)) return { ...state, list: countedListMove(state.list, action, n, count, perPage) };
  switch (action) {
    case 'help':
      return openHelp(state, 'list');
    case 'info':
      return { ...state, message: infoMessage(state) };
    case 'quit':
      return { ...state, exit: 'quit' };
    case 'filter':
      // The old text stays, selected: typing replaces it, Enter keeps it.
      return { ...state, filter: { text: state.filter.text, editing: true, selected: state.filter.text !== '' } };
    case 'clearFilter':
      return state.filter.text === '' ? state : relist({ ...state, filter: { text: '', editing: false } });
    case 'sort': {
      const sort = SORT_ORDERS[(SORT_ORDERS.indexOf(state.sort) + 1) % SORT_ORDERS.length]!;
      return relist({ ...state, sort });
    }
    case 'tags': {
      const opened: AppState = { ...state, screen: 'tags', returnTo: 'list', tagFilter: { text: '', editing: false } };
      const entries = tagEntries(opened);
      const at = Math.max(0, entries.findIndex((t) => t.key === state.tag));
      return { ...opened, picker: settleList({ selected: at, top: at }, entries.length, pickerGeometry(state.size).perPage) };
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

/**
 * n and N go from what is on screen: after the current match when it is on screen, else from
 * the top of the screen (so `g` then `n` finds the first match of the post, not the one after
 * the last match seen). Past the end they wrap, and say so.
 */
function stepMatch(state: AppState, direction: 1 | -1): AppState {
  const reader = state.reader;
  const search = reader?.search;
  if (search?.pending) return { ...state, message: `Still searching for "${search.query}"…` };
  if (!reader || !search || search.matches.length === 0) return { ...state, message: search ? `No match for "${search.query}"` : 'No search: press / to search' };
  const { matches } = search;
  const height = readerViewHeight(state);
  const onScreen = (line: number) => line >= reader.top && line < reader.top + height;
  const current = matches[search.current];
  let target: number;
  if (current && onScreen(current.line)) {
    target = search.current + direction;
  } else if (direction === 1) {
    target = matches.findIndex((m) => m.line >= reader.top);
  } else {
    target = matches.findLastIndex((m) => m.line < reader.top);
  }
  let message: string | null = null;
  if (target < 0 || target >= matches.length) {
    target = direction === 1 ? 0 : matches.length - 1;
    message = direction === 1 ? 'Search wrapped to the top' : 'Search wrapped to the bottom';
  }
  const next = jumpToMatch(state, target);
  return message ? { ...next, message } : next;
}

function headingJump(state: AppState, direction: 1 | -1): AppState {
  const reader = state.reader!;
  const lines = reader.layout.headings.map((h) => h.line);
  const target = direction === 1 ? lines.find((l) => l > reader.top) : [...lines].reverse().find((l) => l < reader.top);
  if (target === undefined) return { ...state, message: direction === 1 ? 'No heading below' : 'No heading above' };
  return readerAt(state, target);
}

function onReaderKey(state: AppState, action: KeyAction, n: number | undefined): AppState {
  const reader = state.reader;
  if (!reader) return { ...state, screen: 'list' };
  const height = readerViewHeight(state);
  if (n !== undefined) {
    // With a count, as less: N lines; g and G go to line N; % and p to N percent.
    if (action === 'down' || action === 'pageDown' || action === 'halfPageDown') return readerAt(state, reader.top + n);
    if (action === 'up' || action === 'pageUp' || action === 'halfPageUp') return readerAt(state, reader.top - n);
    if (action === 'top' || action === 'bottom') return readerAt(state, n - 1);
  }
  if (action === 'percent') return readerAt(state, Math.floor((reader.layout.lineCount * Math.min(100, n ?? 0)) / 100));
  if (READER_MOVES.has(action)) {
    return readerAt(state, scroll(reader.top, action as ScrollMove, reader.layout.lineCount, height));
  }
  switch (action) {
    case 'back':
      if (reader.search) return { ...state, reader: { ...reader, search: null } };
      if (state.standalone) return { ...state, exit: 'quit' };
      return backToList(state);
    case 'help':
      return openHelp(state, 'reader');
    case 'info':
      return { ...state, message: infoMessage(state) };
    case 'search':
      return { ...state, reader: { ...reader, search: { query: '', editing: true, matches: [], current: -1, origin: reader.top } } };
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
    case 'jumpBack':
      return jumpBack(state);
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

function onPickerKey(state: AppState, action: KeyAction, n: number | undefined): AppState {
  const count = pickerCount(state);
  const perPage = pickerGeometry(state.size).perPage;
  if (LIST_MOVES.has(action)) return { ...state, picker: countedListMove(state.picker, action, n, count, perPage) };
  if (action === 'filter' && state.screen === 'tags') return { ...state, tagFilter: { text: state.tagFilter.text, editing: true } };
  if (action === 'back' && state.screen === 'tags' && state.tagFilter.text !== '') {
    return { ...state, tagFilter: { text: '', editing: false }, picker: { selected: 0, top: 0 } };
  }
  if (action === 'back') return { ...state, screen: state.returnTo };
  if (action !== 'choose' || count === 0) return state;
  if (state.screen === 'tags') {
    const tag = tagEntries(state)[state.picker.selected]!.key;
    return relist({ ...state, tag, screen: 'list', tagFilter: { text: '', editing: false } });
  }
  if (state.screen === 'toc') {
    const heading = state.reader!.layout.headings[state.picker.selected]!;
    return jumpTo({ ...state, screen: 'reader' }, heading.line);
  }
  if (state.screen === 'links') {
    const link = state.reader!.layout.links[state.picker.selected]!;
    if (link.kind === 'jump' || link.kind === 'note') {
      if (link.line === undefined) return { ...state, screen: 'reader', message: `This post has no place called ${link.href}` };
      return jumpTo({ ...state, screen: 'reader' }, link.line);
    }
  }
  // Opening a link is a side effect: the controller does it and reports with a message.
  return state;
}

function onInputKey(state: AppState, action: KeyAction): AppState {
  if (state.screen === 'list') {
    if (action === 'commit') return { ...state, filter: { text: state.filter.text, editing: false } };
    if (action === 'cancel') return relist({ ...state, filter: { text: '', editing: false } });
    return state;
  }
  if (state.screen === 'tags') {
    if (action === 'commit') return { ...state, tagFilter: { ...state.tagFilter, editing: false } };
    if (action === 'cancel') return { ...state, tagFilter: { text: '', editing: false }, picker: { selected: 0, top: 0 } };
    return state;
  }
  const reader = state.reader!;
  const search = reader.search!;
  if (action === 'commit') {
    if (search.query === '') return { ...state, reader: { ...reader, search: null } };
    return { ...state, reader: { ...reader, search: { ...search, editing: false } } };
  }
  // Esc goes back to where the search began.
  if (action === 'cancel') return readerAt({ ...state, reader: { ...reader, search: null } }, search.origin);
  return state;
}

function onInput(state: AppState, text: string, matches: LineMatch[] = [], pending = false, deferred = false): AppState {
  if (state.screen === 'list') {
    if (deferred) return { ...state, filter: { text, editing: true, applied: state.filter.applied ?? state.filter.text } };
    return relist({ ...state, filter: { text, editing: true } });
  }
  if (state.screen === 'tags') return { ...state, tagFilter: { text, editing: true }, picker: { selected: 0, top: 0 } };
  const reader = state.reader;
  if (!reader?.search) return state;
  // Incremental search from where it began: the first match at or below that top of the
  // screen becomes current; with no match the view goes back there.
  const { origin } = reader.search;
  const from = matches.findIndex((m) => m.line >= origin);
  const current = matches.length === 0 ? -1 : Math.max(0, from);
  const searching: AppState = { ...state, reader: { ...reader, search: { query: text, editing: true, matches, current, origin, ...(pending ? { pending } : {}) } } };
  if (current < 0) return readerAt(searching, origin);
  // Each new letter starts again from the origin, not from the last match shown.
  return jumpToMatch(readerAt(searching, origin), current);
}

/**
 * The matches of a search that went on in the background: while the query is still being typed
 * they are shown as if they had come with it; after Enter the first one at or below the top of
 * the screen becomes current. A search for another query is over: its matches are dropped.
 */
function searchDone(state: AppState, query: string, matches: LineMatch[]): AppState {
  const reader = state.reader;
  const search = reader?.search;
  if (!reader || !search?.pending || search.query !== query) return state;
  if (search.editing) return onInput(state, query, matches);
  const from = matches.findIndex((m) => m.line >= reader.top);
  const current = matches.length === 0 ? -1 : from < 0 ? 0 : from;
  const next: AppState = { ...state, reader: { ...reader, search: { query, editing: false, matches, current, origin: search.origin } } };
  return current < 0 ? next : jumpToMatch(next, current);
}

function open(state: AppState, index: number, layout: PostLayout): AppState {
  if (index < 0 || index >= state.posts.length) return state;
  const slug = state.posts[index]!.url;
  const saved = progressOf(state, slug).position;
  const entries = listView(state);
  const at = entries.findIndex((e) => e.index === index);
  const list = at >= 0 ? settleList({ ...state.list, selected: at }, entries.length, listGeometry(state.size).perPage) : state.list;
  const opened: AppState = { ...state, screen: 'reader', list, reader: { index, top: 0, layout, search: null } };
  return readerAt(opened, saved ? topOf(saved, layout.blockStarts, layout.lineCount) : 0);
}

/** The open post with a new layout (its file was edited): the same paragraph at the top. */
function reload(state: AppState, layout: PostLayout): AppState {
  const reader = state.reader;
  if (!reader) return state;
  const position = positionOf(reader.top, reader.layout.blockStarts, reader.layout.lineCount);
  return readerAt({ ...state, reader: { ...reader, layout, search: null } }, topOf(position, layout.blockStarts, layout.lineCount));
}

function resize(state: AppState, size: Size, layout?: PostLayout, matches?: LineMatch[], pending = false): AppState {
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
    const { pending: _, ...rest } = search;
    search = { ...rest, matches, current: matches.length ? current : -1, ...(pending ? { pending } : {}) };
  }
  next.reader = { ...reader, layout: newLayout, search, top: clampTop(top, newLayout.lineCount, readerViewHeight(next)) };
  return next;
}

/**
 * The list's posts replaced by the folder's current ones: the selected post stays selected and
 * the open post stays open (both found by URL path). While the open post is not among them the
 * state is unchanged: the caller offers the posts again later.
 */
function replacePosts(state: AppState, posts: readonly PostEntry[], samePlaces = false): AppState {
  const indexOf = new Map<string, number>();
  posts.forEach((post, i) => indexOf.set(post.url, i));
  const selectedUrl = selectedSlug({ ...state, screen: 'list' });
  let reader = state.reader;
  if (reader) {
    const index = indexOf.get(state.posts[reader.index]!.url);
    const shown = state.screen === 'reader' || (state.screen !== 'list' && state.returnTo === 'reader');
    if (index === undefined && shown) return state;
    reader = index === undefined ? null : { ...reader, index };
  }
  // Body matches are by position in the old list: the caller searches again, unless the posts kept their places.
  const kept = samePlaces && posts.length === state.posts.length;
  const next: AppState = kept ? { ...state, posts, reader } : { ...state, posts, reader, bodyHits: NO_HITS, bodyQuery: '' };
  const entries = listView(next);
  const selected = selectedUrl === undefined ? -1 : indexOf.get(selectedUrl) ?? -1;
  const at = selected < 0 ? -1 : entries.findIndex((e) => e.index === selected);
  next.list = settleList(at >= 0 ? { ...state.list, selected: at } : state.list, entries.length, listGeometry(state.size).perPage);
  return next;
}

export function reduce(state: AppState, action: AppAction): AppState {
  switch (action.type) {
    case 'key': {
      if (action.action === 'count') {
        // Digits wait for the move they count; the message stays until then.
        const digits = (state.count + (action.key ?? '').replace(/\D/g, '')).replace(/^0+/, '').slice(0, 9);
        return digits === state.count ? state : { ...state, count: digits };
      }
      const typed = state.count === '' ? undefined : Number(state.count);
      const n = typed ?? action.count;
      const base = state.message || state.count ? { ...state, message: null, count: '' } : state;
      if (action.action === 'interrupt') return { ...base, exit: 'interrupt' };
      const scope = keyScope(base);
      if (scope === 'input') return onInputKey(base, action.action);
      // The selected post in the list, the open one in the reader.
      if (action.action === 'toggleBookmark') return toggle(base, selectedSlug(base), 'bookmarked');
      if (action.action === 'toggleRead') return toggle(base, selectedSlug(base), 'read');
      if (scope === 'list') return onListKey(base, action.action, n);
      if (scope === 'reader') return onReaderKey(base, action.action, n);
      if (scope === 'picker') return onPickerKey(base, action.action, n);
      if (action.action === 'back') return { ...base, screen: base.returnTo };
      if (READER_MOVES.has(action.action)) {
        const height = helpViewHeight(base.size);
        const move = action.action;
        const step =
          n === undefined ? scroll(base.helpTop, move as ScrollMove, HELP_LINE_COUNT, height)
          : move === 'top' || move === 'bottom' ? n - 1
          : base.helpTop + (move === 'up' || move === 'pageUp' || move === 'halfPageUp' ? -n : n);
        return { ...base, helpTop: clampTop(step, HELP_LINE_COUNT, height) };
      }
      return base;
    }
    case 'reload':
      return reload(state, action.layout);
    case 'open':
      return open(state, action.index, action.layout);
    case 'resize':
      return resize(state, action.size, action.layout, action.matches, action.pending);
    case 'input':
      return onInput(state, action.text, action.matches, action.pending, action.deferred);
    case 'applyFilter': {
      const { filter } = state;
      if (filter.applied === undefined || filter.text !== action.text) return state;
      return relist({ ...state, filter: { text: filter.text, editing: filter.editing } });
    }
    case 'searchDone':
      return searchDone(state, action.query, action.matches);
    case 'bodyHits':
      return { ...state, bodyHits: action.hits, bodyQuery: action.query };
    case 'message':
      return { ...state, message: action.text };
    case 'posts':
      return replacePosts(state, action.posts, action.samePlaces);
  }
}
