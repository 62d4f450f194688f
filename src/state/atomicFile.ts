// Crash-safe file replacement and the housekeeping around it. Synchronous on purpose: these run
// from process 'exit' and signal handlers.
import { closeSync, existsSync, fsyncSync, lstatSync, openSync, readdirSync, readlinkSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileKind } from './boundedRead.js';

/** Refused: the path is a FIFO, a device or a folder, which a rename would replace. */
export class NotAFileError extends Error {}

/** Links followed before giving up, as the kernel's own limit. */
const MAX_LINKS = 40;

/**
 * The file a write to `path` must replace: `path` itself, or, when it is a symbolic link (a
 * dotfile manager's, say), the file it points to, followed link by link, even when that file
 * does not exist yet. Throws NotAFileError when what is there is not a regular file.
 */
export function writeTarget(path: string): string {
  let current = resolve(path);
  for (let hops = 0; ; hops++) {
    let stats;
    try {
      stats = lstatSync(current);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return current;
      throw error;
    }
    if (stats.isSymbolicLink()) {
      if (hops >= MAX_LINKS) throw new NotAFileError('too many symbolic links');
      current = resolve(dirname(current), readlinkSync(current));
      continue;
    }
    if (!stats.isFile()) throw new NotAFileError(`${fileKind(stats)}, not a regular file`);
    return current;
  }
}

/**
 * `length` hexadecimal digits that differ from call to call and from process to process: for
 * names and tokens that must not meet another's (files are still created exclusively), not for
 * secrets. Math.random, seeded by V8 from the system's entropy, instead of node:crypto, which
 * costs more to load than the reading state's whole start.
 */
export function uniqueHex(length: number): string {
  let hex = '';
  while (hex.length < length) hex += Math.floor(Math.random() * 2 ** 32).toString(16).padStart(8, '0');
  return hex.slice(0, length);
}

/** A unique name next to `path` for a temporary file: `<path>.<label>.<pid>.<random>.tmp`. */
export function tempNameFor(path: string, label?: string): string {
  return `${path}.${label ? label + '.' : ''}${process.pid}.${uniqueHex(12)}.tmp`;
}

/**
 * `durable`: the file survives a crash of the machine (its data and the rename are fsynced).
 * `cache`: a file that can be made again (an index cache, say), whose readers refuse what they
 * cannot parse: the rename still gives readers the old file or the new one, but nothing waits
 * for the disk (the eight fsyncs of a 1,263-post folder's four cache files took 7 to 9 ms here).
 */
export type Durability = 'durable' | 'cache';

/**
 * Replaces `path` with `data` so that a reader, or the next start after a crash or kill -9,
 * sees either the old file or the new one, never a torn one: the data goes to a temporary file
 * in the same directory, is fsynced, and is renamed over `path`; then the directory is fsynced
 * so the rename itself is durable (neither fsync for a `cache` file). A symbolic link stays a link: the file it points to is
 * replaced, in its own folder. A FIFO, device or folder at `path` is never replaced
 * (NotAFileError).
 */
export function writeFileAtomicSync(linkOrPath: string, data: string | Uint8Array, mode = 0o600, durability: Durability = 'durable'): void {
  const path = writeTarget(linkOrPath);
  const temp = tempNameFor(path);
  const durable = durability === 'durable';
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', mode);
    writeFileSync(fd, data);
    if (durable) fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, path);
  } catch (error) {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // already failing; the original error is the one to report
      }
    }
    try {
      unlinkSync(temp);
    } catch {
      // not created, or already renamed
    }
    throw error;
  }
  if (durable) syncDirectory(dirname(path));
}

function syncDirectory(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some platforms and file systems cannot fsync a directory; the rename is still atomic.
  }
}

/**
 * Moves a file (or whatever is at `path`) aside to `<path>.corrupt-<UTC time>`, adding `-2`,
 * `-3`.. when that name is taken. Returns the new path.
 */
export function moveAside(path: string, nowMs: number): string {
  const stamp = new Date(nowMs).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  let target = `${path}.corrupt-${stamp}`;
  for (let n = 2; existsSync(target); n++) target = `${path}.corrupt-${stamp}-${n}`;
  renameSync(path, target);
  return target;
}

/**
 * Removes temporary files `<path>.*.tmp` older than `maxAgeMs`: left behind when a process was
 * killed between creating one and renaming it. Best effort; errors are ignored.
 */
export function removeStaleTempFiles(path: string, maxAgeMs: number, nowMs = Date.now()): void {
  const dir = dirname(path);
  const prefix = basename(path) + '.';
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const file = join(dir, name);
    try {
      if (nowMs - statSync(file).mtimeMs > maxAgeMs) unlinkSync(file);
    } catch {
      // gone already, or not ours to remove
    }
  }
}
