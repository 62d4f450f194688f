import { closeSync, constants, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { fsPath } from './fileNames.js';

/**
 * Reading a file that someone else may have replaced since it was listed: a FIFO (whose open or
 * read would wait for a writer forever), a device, a folder, or a file far larger than any post.
 * The file is opened without blocking, checked on the open descriptor (so what is checked is
 * what is read), and read up to a limit, never further.
 */
export class ReadRefused extends Error {}

/** Posts larger than this are left out of an index and not opened: no blog post is 10 MB of text. */
export const MAX_POST_BYTES = 10 * 1024 * 1024;

const FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

/** What kind of file a non-regular file is, in words. */
export function fileKind(stats: { isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  return 'a special file';
}

function megabytes(bytes: number): string {
  const mb = bytes / 1024 / 1024;
  return Number.isInteger(mb) ? `${mb} MB` : `${bytes} bytes`;
}

/**
 * The bytes of a regular file of at most `limit` bytes. Throws ReadRefused ("a FIFO, not a
 * regular file", "larger than 10 MB") for anything else, and the system's error when it cannot be opened.
 */
export function readBounded(path: string, limit: number): Buffer {
  const fd = openSync(fsPath(path), FLAGS);
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new ReadRefused(`${fileKind(stats)}, not a regular file`);
    if (stats.size > limit) throw new ReadRefused(`larger than ${megabytes(limit)}`);
    // The file may grow after fstat: one byte more than its size is asked for, and the buffer
    // grows (up to one byte past the limit, to notice a file grown too large) while it fills.
    let buffer = Buffer.allocUnsafe(Math.min(limit + 1, Math.max(stats.size, 0) + 1));
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (buffer.length > limit) break;
        const grown = Buffer.allocUnsafe(Math.min(limit + 1, buffer.length * 2 + 64 * 1024));
        buffer.copy(grown, 0, 0, length);
        buffer = grown;
      }
      let n: number;
      try {
        n = readSync(fd, buffer, length, buffer.length - length, null);
      } catch (error) {
        // A regular file never says EAGAIN; a file swapped under the descriptor might.
        if ((error as NodeJS.ErrnoException).code === 'EAGAIN') throw new ReadRefused('could not be read without waiting');
        throw error;
      }
      if (n === 0) break;
      length += n;
    }
    if (length > limit) throw new ReadRefused(`larger than ${megabytes(limit)}`);
    return buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

const UTF16LE = new TextDecoder('utf-16le');
const UTF16BE = new TextDecoder('utf-16be');

/**
 * Text in UTF-16 with a byte-order mark, decoded; undefined for anything else (which the caller
 * reads as UTF-8). Editors on Windows save "Unicode" text this way.
 */
export function decodeUtf16(buffer: Uint8Array): string | undefined {
  if (buffer.length < 2) return undefined;
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return UTF16LE.decode(buffer.subarray(2));
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return UTF16BE.decode(buffer.subarray(2));
  return undefined;
}

/** The text of a regular file of at most `limit` bytes, as UTF-8 (invalid bytes replaced). */
export function readTextBounded(path: string, limit: number): string {
  return new TextDecoder('utf-8', { fatal: false }).decode(readBounded(path, limit));
}

/**
 * Why a file or folder of blog-tui's own (state, cache) must not be used, or undefined when it
 * may: it belongs to another user, or other users may write to it, so what it holds could be
 * theirs. Missing paths are fine (they are created private).
 */
export function untrustedReason(path: string): string | undefined {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    return undefined;
  }
  const uid = process.getuid?.();
  if (uid !== undefined && stats.uid !== uid) return `${path} belongs to another user`;
  if ((stats.mode & 0o022) !== 0) return `${path} can be written by other users`;
  return undefined;
}
