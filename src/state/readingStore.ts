// Reading state per post (read, how far, where, bookmarked), kept in memory and saved to
// $XDG_STATE_HOME/blog-tui/state.json in batched, atomic, merged writes. No Ink or React here.
//
// Saving: update() changes memory and schedules a flush (unref'd timers) for when updates pause:
// a reader moving through a post updates it at every key, and a write (lock, read, fsync,
// rename) on the main thread would hold up the key that follows it. flush() takes the lock
// file, re-reads the state file, merges it with memory per post (the later updatedAt wins;
// entries only on disk are kept, so other processes' updates survive), writes a temporary
// file, fsyncs and renames it over the state file, and releases the lock. Memory then holds the
// merged state. Opening reads the file the same way, under the lock.
//
// Failures never throw out of the store: a corrupt or unreadable file is moved aside with one
// warning and the store starts empty; a directory or file that cannot be used turns saving off
// with one warning and the store goes on in memory.
import { accessSync, constants, mkdirSync } from 'node:fs';
import { ReadRefused, readTextBounded, untrustedReason } from './boundedRead.js';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { sanitizeLine } from '../content/sanitize.js';
import { moveAside, removeStaleTempFiles, writeFileAtomicSync } from './atomicFile.js';
import { withLock, type LockOptions } from './fileLock.js';
import { compactTable, freezeState, isValidKey, mergeTables, parseStateFile, sameContent, serializeState, type PostState, type ReadingPosition, type StateTable } from './stateFile.js';

export type { PostState, ReadingPosition } from './stateFile.js';
export type { LockOptions } from './fileLock.js';

export type PostStatePatch = Partial<Omit<PostState, 'updatedAt'>>;

export interface ReadingStore {
  /** The state of a post, or undefined when never opened. The object is frozen. */
  get(sourceId: string, slug: string): PostState | undefined;
  /**
   * Changes a post's state in memory and schedules a batched write (once updates have paused for
   * `delayMs`, and at most `maxDelayMs` after the first update not written; timers unref'd).
   * Fields absent from `patch` keep their value; `percent` or `position` given as undefined are
   * removed. Out-of-range numbers are clamped (percent 0..100, block a whole number
   * from 0, fraction 0..1). A patch that changes nothing leaves the entry, and its updatedAt,
   * alone. Returns the post's new (frozen) state. Throws a TypeError for an empty source id or slug.
   */
  update(sourceId: string, slug: string, patch: PostStatePatch): PostState;
  /**
   * Moves a post's state saved under an older key (`from`) to its key now (`to`), unchanged,
   * when there is none under `to` yet. The old entry is kept, so nothing is lost. Returns
   * whether anything was carried over.
   */
  carryOver(sourceId: string, from: string, to: string): boolean;
  /** Writes pending changes now, synchronously (safe to call from process 'exit' and signal handlers). Never throws. */
  flush(): void;
  /** The path of the state file, or undefined when state is off (--no-state, or saving failed at start). */
  readonly path: string | undefined;
}

export interface OpenOptions {
  /** For BLOG_TUI_STATE_DIR, XDG_STATE_HOME, HOME (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** --no-state: an in-memory store that never touches disk. */
  disabled?: boolean;
  /** One-line warnings, without a newline (default: written to stderr). */
  warn?: (line: string) => void;
  now?: () => number;
  /** How long updates must pause before they are written, all in one write (default 500 ms). */
  delayMs?: number;
  /** The longest an update waits to be written while updates keep coming (default 5 s). */
  maxDelayMs?: number;
  /** Timing of the lock between processes (tests shorten it). */
  lock?: LockOptions;
}

export const STATE_FILE_NAME = 'state.json';
const DEFAULT_DELAY_MS = 500;
const DEFAULT_MAX_DELAY_MS = 5000;
/** Temporary files this old were left by a killed process, not one still writing. */
const TEMP_MAX_AGE_MS = 60_000;
/** The largest state file read (and then cut down to MAX_STATE_CHARS). */
const MAX_STATE_BYTES = 256 * 1024 * 1024;

/**
 * $BLOG_TUI_STATE_DIR/state.json (a relative directory is taken from the current one), else
 * $XDG_STATE_HOME/blog-tui/state.json (ignored unless absolute, as the XDG spec says), else
 * ~/.local/state/blog-tui/state.json.
 */
export function stateFilePath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.BLOG_TUI_STATE_DIR) return join(resolve(env.BLOG_TUI_STATE_DIR), STATE_FILE_NAME);
  if (env.XDG_STATE_HOME && isAbsolute(env.XDG_STATE_HOME)) return join(env.XDG_STATE_HOME, 'blog-tui', STATE_FILE_NAME);
  return join(env.HOME || homedir(), '.local', 'state', 'blog-tui', STATE_FILE_NAME);
}

export function openReadingStore(options: OpenOptions = {}): ReadingStore {
  const config: StoreConfig = {
    warn: options.warn ?? ((line) => process.stderr.write(line + '\n')),
    now: options.now ?? Date.now,
    delayMs: options.delayMs ?? DEFAULT_DELAY_MS,
    maxDelayMs: options.maxDelayMs ?? DEFAULT_MAX_DELAY_MS,
    lock: options.lock ?? {},
  };
  if (options.disabled) return new Store(undefined, config);
  const store = new Store(stateFilePath(options.env), config);
  store.open();
  return store;
}

interface StoreConfig {
  warn: (line: string) => void;
  now: () => number;
  delayMs: number;
  maxDelayMs: number;
  lock: LockOptions;
}

function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code === 'string') return code;
  return error instanceof Error ? error.message : String(error);
}

function normalizePercent(value: number | undefined): number | undefined {
  if (typeof value !== 'number' || Number.isNaN(value)) return undefined;
  return Math.min(100, Math.max(0, value));
}

function normalizePosition(value: ReadingPosition | undefined): ReadingPosition | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { block, fraction } = value;
  if (typeof block !== 'number' || Number.isNaN(block)) return undefined;
  const safeFraction = typeof fraction === 'number' && !Number.isNaN(fraction) ? Math.min(1, Math.max(0, fraction)) : 0;
  return Object.freeze({ block: Math.min(Number.MAX_SAFE_INTEGER, Math.max(0, Math.floor(block))), fraction: safeFraction });
}

function applyPatch(base: PostState | undefined, patch: PostStatePatch): PostState {
  const next: PostState = { read: base?.read ?? false, bookmarked: base?.bookmarked ?? false, updatedAt: base?.updatedAt ?? 0 };
  if (base?.percent !== undefined) next.percent = base.percent;
  if (base?.position !== undefined) next.position = base.position;
  if (patch.read !== undefined) next.read = patch.read === true;
  if (patch.bookmarked !== undefined) next.bookmarked = patch.bookmarked === true;
  if ('percent' in patch) {
    const percent = normalizePercent(patch.percent);
    if (percent === undefined) delete next.percent;
    else next.percent = percent;
  }
  if ('position' in patch) {
    const position = normalizePosition(patch.position);
    if (position === undefined) delete next.position;
    else next.position = position;
  }
  return next;
}

class Store implements ReadingStore {
  #file: string | undefined;
  #table: StateTable = new Map();
  #dirty = false;
  /** The write once updates pause (restarted by each update). */
  #timer: NodeJS.Timeout | undefined;
  /** The write however long updates keep coming (set by the first update not written). */
  #deadline: NodeJS.Timeout | undefined;
  #saveWarned = false;
  readonly #config: StoreConfig;

  constructor(file: string | undefined, config: StoreConfig) {
    this.#file = file;
    this.#config = config;
  }

  get path(): string | undefined {
    return this.#file;
  }

  get(sourceId: string, slug: string): PostState | undefined {
    return this.#table.get(sourceId)?.get(slug);
  }

  update(sourceId: string, slug: string, patch: PostStatePatch): PostState {
    if (typeof sourceId !== 'string' || !isValidKey(sourceId)) throw new TypeError('reading state: invalid source id');
    if (typeof slug !== 'string' || !isValidKey(slug)) throw new TypeError('reading state: invalid slug');
    const previous = this.get(sourceId, slug);
    const next = applyPatch(previous, patch);
    if (previous && sameContent(previous, next)) return previous;
    // Later than the entry it replaces even when the clock is behind the one that wrote it, so
    // the merge never prefers the version this change was made on.
    next.updatedAt = Math.max(Math.floor(this.#config.now()), previous ? previous.updatedAt + 1 : 0);
    const state = freezeState(next);
    let posts = this.#table.get(sourceId);
    if (!posts) this.#table.set(sourceId, (posts = new Map()));
    posts.set(slug, state);
    this.#dirty = true;
    this.#schedule();
    return state;
  }

  carryOver(sourceId: string, from: string, to: string): boolean {
    const posts = this.#table.get(sourceId);
    const state = posts?.get(from);
    if (!posts || !state || from === to || posts.has(to) || !isValidKey(to)) return false;
    posts.set(to, state);
    this.#dirty = true;
    this.#schedule();
    return true;
  }

  flush(): void {
    this.#cancelTimer();
    const file = this.#file;
    if (!file || !this.#dirty) return;
    try {
      withLock(`${file}.lock`, this.#config.lock, () => {
        const disk = this.#readDisk(file, false);
        if (!disk) return;
        const merged = compactTable(mergeTables(disk, this.#table));
        writeFileAtomicSync(file, serializeState(merged));
        this.#table = merged;
        this.#dirty = false;
      });
    } catch (error) {
      // Kept in memory and pending: the next update schedules another try.
      if (!this.#saveWarned) {
        this.#saveWarned = true;
        this.#warn(`cannot save reading state to ${file} (${describeError(error)}); keeping it in memory`);
      }
    }
  }

  /** Creates the directory and reads the file, under the lock. */
  open(): void {
    const file = this.#file;
    if (!file) return;
    const dir = dirname(file);
    try {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      accessSync(dir, constants.W_OK | constants.X_OK);
    } catch (error) {
      this.#stopSaving(`cannot use the state directory ${dir} (${describeError(error)}); reading state will not be saved`);
      return;
    }
    // Another user's folder or file, or one others can write to, may hold their state, not ours.
    const untrusted = untrustedReason(dir) ?? untrustedReason(file);
    if (untrusted) {
      this.#stopSaving(`the reading state is not used: ${untrusted}`);
      return;
    }
    try {
      withLock(`${file}.lock`, this.#config.lock, () => {
        removeStaleTempFiles(file, TEMP_MAX_AGE_MS);
        const disk = this.#readDisk(file, true);
        if (!disk) return;
        // A file grown past the limit is cut down now, so later saves stay short.
        this.#table = compactTable(disk);
        if (this.#table !== disk) writeFileAtomicSync(file, serializeState(this.#table));
      });
    } catch (error) {
      this.#stopSaving(`cannot use the reading state file ${file} (${describeError(error)}); reading state will not be saved`);
    }
  }

  /**
   * The state on disk: empty when there is no file or it was corrupt (then moved aside);
   * undefined when the file must be left alone and saving is now off.
   */
  #readDisk(file: string, atOpen: boolean): StateTable | undefined {
    let text: string;
    try {
      text = readTextBounded(file, MAX_STATE_BYTES);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
      // A FIFO, device or folder in its place is never opened; like a corrupt file it is moved aside.
      if (error instanceof ReadRefused) return this.#setAside(file, `is ${error.message}`, atOpen);
      return this.#setAside(file, `cannot be read (${describeError(error)})`, atOpen);
    }
    const parsed = parseStateFile(text);
    switch (parsed.kind) {
      case 'ok':
        if (atOpen && parsed.dropped > 0) {
          const entries = parsed.dropped === 1 ? 'entry' : 'entries';
          this.#warn(`ignored ${parsed.dropped} invalid ${entries} in the reading state file ${file}`);
        }
        return parsed.table;
      case 'corrupt':
        return this.#setAside(file, parsed.reason, atOpen);
      case 'newer':
        this.#stopSaving(`the reading state file ${file} is from a newer blog-tui (version ${parsed.version}); reading state will not be saved`);
        return undefined;
    }
  }

  #setAside(file: string, reason: string, atOpen: boolean): StateTable | undefined {
    let aside: string;
    try {
      aside = moveAside(file, this.#config.now());
    } catch (error) {
      this.#stopSaving(`the reading state file ${file} ${reason} and cannot be moved aside (${describeError(error)}); reading state will not be saved`);
      return undefined;
    }
    this.#warn(`the reading state file ${file} ${reason}; moved it to ${aside}${atOpen ? ' and started with no reading state' : ''}`);
    return new Map();
  }

  #stopSaving(message: string): void {
    this.#file = undefined;
    this.#cancelTimer();
    this.#warn(message);
  }

  #warn(message: string): void {
    this.#config.warn(sanitizeLine(`blog-tui: ${message}`));
  }

  #schedule(): void {
    if (!this.#file) return;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.flush(), this.#config.delayMs);
    this.#timer.unref?.();
    if (this.#deadline) return;
    this.#deadline = setTimeout(() => this.flush(), Math.max(this.#config.delayMs, this.#config.maxDelayMs));
    this.#deadline.unref?.();
  }

  #cancelTimer(): void {
    if (this.#timer) clearTimeout(this.#timer);
    if (this.#deadline) clearTimeout(this.#deadline);
    this.#timer = undefined;
    this.#deadline = undefined;
  }
}
