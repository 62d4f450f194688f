// The reading-state file's format: parsing with per-entry validation, serializing, merging.
// Pure functions; no file system access.
//
//   {"format":"blog-tui-state","version":1,
//    "sources":{"bundled":{"<slug>":{"read":true,"percent":42,"position":{"block":7,"fraction":0.25},
//                                     "bookmarked":false,"updatedAt":1767225600000}}}}

export const STATE_FORMAT = 'blog-tui-state';
export const STATE_VERSION = 1;

/** The top-level Markdown block at the top of the screen, and how far into it (0..1). */
export interface ReadingPosition {
  block: number;
  fraction: number;
}

export interface PostState {
  /** Marked read (opened to the end, or toggled). */
  read: boolean;
  /** How far the reader got, 0..100. */
  percent?: number;
  position?: ReadingPosition;
  bookmarked: boolean;
  /** ms since epoch of the last change to this post's entry. */
  updatedAt: number;
}

/** sourceId -> slug -> state. Entries are frozen. */
export type StateTable = Map<string, Map<string, PostState>>;

export type ParsedState =
  | { kind: 'ok'; table: StateTable; dropped: number }
  /** Not a state file this version can use; `reason` completes "the file ..." in a warning. */
  | { kind: 'corrupt'; reason: string }
  /** Written by a newer blog-tui: left alone rather than overwritten. */
  | { kind: 'newer'; version: number };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function inRange(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max;
}

/** Any non-empty key: slugs and folder paths of any length are kept (the file's size is bounded instead). */
export function isValidKey(key: string): boolean {
  return key.length > 0;
}

function validPosition(value: unknown): ReadingPosition | undefined {
  if (!isRecord(value)) return undefined;
  const { block, fraction } = value;
  if (typeof block !== 'number' || !Number.isSafeInteger(block) || block < 0) return undefined;
  if (!inRange(fraction, 0, 1)) return undefined;
  return Object.freeze({ block, fraction });
}

/** A frozen, well-formed copy of a post's entry from disk, or undefined when any field is invalid. */
export function validPostState(value: unknown): PostState | undefined {
  if (!isRecord(value)) return undefined;
  const { read, percent, position, bookmarked, updatedAt } = value;
  if (typeof read !== 'boolean' || typeof bookmarked !== 'boolean') return undefined;
  if (!inRange(updatedAt, 0, Number.MAX_SAFE_INTEGER)) return undefined;
  if (percent !== undefined && !inRange(percent, 0, 100)) return undefined;
  let checkedPosition: ReadingPosition | undefined;
  if (position !== undefined) {
    checkedPosition = validPosition(position);
    if (!checkedPosition) return undefined;
  }
  return freezeState({ read, percent, position: checkedPosition, bookmarked, updatedAt });
}

/** A frozen entry with its fields in the written order and no undefined optional fields. */
export function freezeState(state: PostState): PostState {
  const entry: PostState = { read: state.read, bookmarked: state.bookmarked, updatedAt: state.updatedAt };
  if (state.percent !== undefined) entry.percent = state.percent;
  if (state.position !== undefined) entry.position = Object.isFrozen(state.position) ? state.position : Object.freeze({ ...state.position });
  return Object.freeze(entry);
}

/**
 * Parses a state file. The file as a whole is rejected only when it is not JSON or not this
 * format; within it, every source and entry is checked on its own and invalid ones are dropped
 * (and counted).
 */
export function parseStateFile(text: string): ParsedState {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return { kind: 'corrupt', reason: 'is not valid JSON' };
  }
  if (!isRecord(doc) || doc.format !== STATE_FORMAT) return { kind: 'corrupt', reason: 'is not a blog-tui state file' };
  const { version, sources } = doc;
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1) return { kind: 'corrupt', reason: 'has no valid version' };
  if (version > STATE_VERSION) return { kind: 'newer', version };
  if (!isRecord(sources)) return { kind: 'corrupt', reason: 'has no sources object' };

  const table: StateTable = new Map();
  let dropped = 0;
  for (const [sourceId, posts] of Object.entries(sources)) {
    if (!isValidKey(sourceId) || !isRecord(posts)) {
      dropped += isRecord(posts) ? Object.keys(posts).length : 1;
      continue;
    }
    const entries = new Map<string, PostState>();
    for (const [slug, value] of Object.entries(posts)) {
      const state = isValidKey(slug) ? validPostState(value) : undefined;
      if (state) entries.set(slug, state);
      else dropped++;
    }
    if (entries.size > 0) table.set(sourceId, entries);
  }
  return { kind: 'ok', table, dropped };
}

function byKey(a: [string, unknown], b: [string, unknown]): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
}

/** The file's text: sources and slugs sorted, so the file changes only where the state does. */
export function serializeState(table: StateTable): string {
  // No prototypes: a slug or folder called `__proto__` is an ordinary key.
  const sources: Record<string, Record<string, PostState>> = Object.create(null);
  for (const [sourceId, posts] of [...table].sort(byKey)) {
    if (posts.size === 0) continue;
    const entries: Record<string, PostState> = Object.create(null);
    for (const [slug, state] of [...posts].sort(byKey)) entries[slug] = freezeState(state);
    sources[sourceId] = entries;
  }
  return JSON.stringify({ format: STATE_FORMAT, version: STATE_VERSION, sources }) + '\n';
}

/** What a post's state says, without when it was said. */
export type StateContent = Pick<PostState, 'read' | 'bookmarked' | 'percent' | 'position'>;

/** Whether two entries hold the same state (updatedAt aside). */
export function sameContent(a: StateContent, b: StateContent): boolean {
  return (
    a.read === b.read &&
    a.bookmarked === b.bookmarked &&
    a.percent === b.percent &&
    a.position?.block === b.position?.block &&
    a.position?.fraction === b.position?.fraction
  );
}

/** The entry to keep of two for one post: the later; on a tie, one chosen the same way in every process. */
function newer(a: PostState, b: PostState): PostState {
  if (a.updatedAt !== b.updatedAt) return a.updatedAt > b.updatedAt ? a : b;
  if (sameContent(a, b)) return a;
  return JSON.stringify(freezeState(a)) >= JSON.stringify(freezeState(b)) ? a : b;
}

/**
 * Merges two tables per post: the entry with the later updatedAt wins; a post present in only
 * one table is kept. Returns a new table; the inputs are not changed.
 */
export function mergeTables(a: StateTable, b: StateTable): StateTable {
  const merged: StateTable = new Map();
  for (const [sourceId, posts] of a) merged.set(sourceId, new Map(posts));
  for (const [sourceId, posts] of b) {
    let target = merged.get(sourceId);
    if (!target) merged.set(sourceId, (target = new Map()));
    for (const [slug, state] of posts) {
      const existing = target.get(slug);
      target.set(slug, existing ? newer(existing, state) : state);
    }
  }
  return merged;
}

/**
 * The most text the state file may hold. Entries are small (about 150 characters), so this is
 * some 13,000 posts; past it the oldest entries are dropped, bookmarks last, so that reading,
 * merging and writing the file on every batched save stays short whatever was there before.
 */
export const MAX_STATE_CHARS = 2_000_000;

/** About how many characters an entry takes in the file. */
function entryChars(sourceId: string, slug: string): number {
  return slug.length + 160 + (sourceId.length >> 6);
}

/** The table within MAX_STATE_CHARS (or `limit`): the same table when it fits. */
export function compactTable(table: StateTable, limit = MAX_STATE_CHARS): StateTable {
  let total = 0;
  for (const [sourceId, posts] of table) {
    total += sourceId.length + 8;
    for (const slug of posts.keys()) total += entryChars(sourceId, slug);
  }
  if (total <= limit) return table;
  const all: { sourceId: string; slug: string; state: PostState }[] = [];
  for (const [sourceId, posts] of table) for (const [slug, state] of posts) all.push({ sourceId, slug, state });
  all.sort((a, b) => Number(b.state.bookmarked) - Number(a.state.bookmarked) || b.state.updatedAt - a.state.updatedAt);
  const kept: StateTable = new Map();
  let used = 0;
  for (const { sourceId, slug, state } of all) {
    const posts = kept.get(sourceId);
    const cost = entryChars(sourceId, slug) + (posts ? 0 : sourceId.length + 8);
    if (used + cost > limit) continue;
    used += cost;
    if (posts) posts.set(slug, state);
    else kept.set(sourceId, new Map([[slug, state]]));
  }
  return kept;
}
