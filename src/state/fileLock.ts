// A lock file between processes, taken and waited for synchronously (flushes run in 'exit' and
// signal handlers, where nothing asynchronous completes).
//
// The lock is `<file>.lock`, created with O_EXCL and holding {pid, host, time, nonce}. A holder
// that dies leaves it behind, so a lock is stale, and is broken, when
//   - its pid is dead (same host only; or it names this process but is not this lock: pid reuse),
//   - it is older than `staleMs` (any host), or it is empty or unreadable and older than
//     EMPTY_STALE_MS (the holder died between creating it and writing it),
//   - the same holder has kept it for `maxWaitMs` while we waited (a hung holder).
// Breaking renames the lock aside and checks that what moved is the lock judged stale; if a new
// holder's lock moved instead, it is linked back. Waiting between tries is Atomics.wait on a
// SharedArrayBuffer: a real sleep, not a busy loop.
import { closeSync, constants, fstatSync, linkSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { NotAFileError, tempNameFor, uniqueHex } from './atomicFile.js';
import { fileKind, readTextBounded } from './boundedRead.js';

/** Opening never waits (a FIFO put at the lock's path would wait for a writer forever). */
const READ_NOW = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

export interface LockOptions {
  /** A lock older than this is stale whoever holds it (default 10 s). */
  staleMs?: number;
  /** How long one holder may keep the lock while we wait before it is taken as hung (default 2 s). */
  maxWaitMs?: number;
}

export interface HeldLock {
  readonly path: string;
  /** The lock file's contents, unique to this acquisition. */
  readonly token: string;
}

const DEFAULT_STALE_MS = 10_000;
const DEFAULT_MAX_WAIT_MS = 2_000;
/** Writing the token takes microseconds; an empty lock this old lost its holder. */
const EMPTY_STALE_MS = 1_000;
/** Longest sleep between tries. */
const MAX_DELAY_MS = 20;

const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** Blocks the thread for `ms` milliseconds without spinning. */
export function sleepSync(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}

interface Holder {
  raw: string;
  ino: number;
  ageMs: number;
  pid?: number;
  host?: string;
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

function tryCreate(path: string, token: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o600);
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, token);
  } catch (error) {
    closeSync(fd);
    try {
      unlinkSync(path);
    } catch {
      // the write error is the one to report
    }
    throw error;
  }
  closeSync(fd);
  return true;
}

/** The current lock file, or undefined when there is none (it was just released). */
function inspect(path: string): Holder | undefined {
  let fd: number;
  try {
    fd = openSync(path, READ_NOW);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new NotAFileError(`the lock ${path} is ${fileKind(stat)}, not a regular file`);
    const raw = readFileSync(fd, 'utf8');
    const holder: Holder = { raw, ino: stat.ino, ageMs: Date.now() - stat.mtimeMs };
    try {
      const info = JSON.parse(raw) as { pid?: unknown; host?: unknown };
      if (typeof info.pid === 'number' && Number.isSafeInteger(info.pid) && info.pid > 0) holder.pid = info.pid;
      if (typeof info.host === 'string') holder.host = info.host;
    } catch {
      // empty or partly written: judged by age alone
    }
    return holder;
  } finally {
    closeSync(fd);
  }
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return errorCode(error) !== 'ESRCH';
  }
}

function isStale(holder: Holder, staleMs: number): boolean {
  if (holder.pid === undefined) return holder.ageMs > EMPTY_STALE_MS;
  if (holder.ageMs > staleMs) return true;
  if (holder.host !== hostname()) return false;
  // A flush is synchronous, so this process never waits for a lock it holds itself: a lock
  // naming our pid was left by an earlier process that had the same pid.
  if (holder.pid === process.pid) return true;
  return !processIsAlive(holder.pid);
}

/** Removes the lock judged stale, and only that one. */
function breakLock(path: string, holder: Holder): void {
  const aside = tempNameFor(path);
  try {
    renameSync(path, aside);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return; // released or broken by someone else meanwhile
    throw error;
  }
  let moved: Holder | undefined;
  try {
    moved = inspect(aside);
  } catch {
    moved = undefined;
  }
  if (!moved || moved.ino !== holder.ino || moved.raw !== holder.raw) {
    // A new holder took the lock between our look and the rename: give it back. If yet another
    // process has created a lock since, the link fails and that one stands.
    try {
      linkSync(aside, path);
    } catch {
      // see above
    }
  }
  try {
    unlinkSync(aside);
  } catch {
    // already gone
  }
}

/**
 * Takes the lock at `path`, waiting synchronously while another live process holds it.
 * Returns undefined only when the lock kept changing hands for the whole of 3 × maxWaitMs (heavy
 * contention): the caller may then go on without it, since its writes are atomic renames anyway.
 * Throws when the lock file cannot be created at all (e.g. the directory is not writable).
 */
export function acquireLock(path: string, options: LockOptions = {}): HeldLock | undefined {
  const staleMs = options.staleMs ?? DEFAULT_STALE_MS;
  const maxWaitMs = options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS;
  const token = JSON.stringify({ pid: process.pid, host: hostname(), time: Date.now(), nonce: uniqueHex(16) });
  const start = Date.now();
  let seen: { raw: string; ino: number; since: number } | undefined;
  let delay = 1;
  for (;;) {
    if (tryCreate(path, token)) return { path, token };
    const holder = inspect(path);
    const now = Date.now();
    if (holder) {
      if (!seen || seen.raw !== holder.raw || seen.ino !== holder.ino) seen = { raw: holder.raw, ino: holder.ino, since: now };
      if (isStale(holder, staleMs) || now - seen.since >= maxWaitMs) {
        breakLock(path, holder);
        seen = undefined;
        continue;
      }
    }
    if (now - start >= 3 * maxWaitMs) return undefined;
    sleepSync(delay + Math.random() * delay);
    delay = Math.min(delay * 2, MAX_DELAY_MS);
  }
}

/** Releases a lock taken by acquireLock; a lock that is no longer ours is left alone. */
export function releaseLock(lock: HeldLock): void {
  try {
    if (readTextBounded(lock.path, 4096) === lock.token) unlinkSync(lock.path);
  } catch {
    // already broken by another process as stale; nothing to release
  }
}

/** Runs `fn` holding the lock at `path` (or without it, see acquireLock). */
export function withLock<T>(path: string, options: LockOptions, fn: () => T): T {
  const lock = acquireLock(path, options);
  try {
    return fn();
  } finally {
    if (lock) releaseLock(lock);
  }
}
