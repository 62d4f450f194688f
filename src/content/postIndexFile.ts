import { readFileSync, realpathSync } from 'node:fs';
import { MAX_POST_BYTES, decodeUtf16, readBounded } from '../state/boundedRead.js';
import { resolve, sep } from 'node:path';
import type { PostEntry } from './postEntry.js';
import { normalizeDate } from './dates.js';
import { isInside, realPath } from './postFiles.js';

/**
 * Reading an index file and the posts it names: all that showing the bundled posts needs, kept
 * apart from building indexes so that start-up loads no Markdown parser.
 */
export const INDEX_VERSION = 2;

export interface PostIndex {
  version: number;
  posts: PostEntry[];
}

export class IndexError extends Error {}

// Thousands of cached entries share few dates: each date string is checked once.
const checkedDates = new Map<string, boolean>();
function isNormalDate(date: string): boolean {
  let ok = checkedDates.get(date);
  if (ok === undefined) {
    ok = normalizeDate(date) === date;
    if (checkedDates.size < 100_000) checkedDates.set(date, ok);
  }
  return ok;
}

/** Whether a value has every field of an index entry, with the right types. */
export function isEntry(value: unknown): value is PostEntry {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.slug === 'string' && v.slug !== '' &&
    typeof v.url === 'string' && v.url.startsWith('/') &&
    typeof v.title === 'string' &&
    // A date must be one a post could have had: a cache or index edited by hand may hold 9999-99-99.
    (v.date === undefined || (typeof v.date === 'string' && isNormalDate(v.date))) &&
    Array.isArray(v.tags) && v.tags.every((t) => typeof t === 'string') &&
    typeof v.summary === 'string' &&
    Number.isInteger(v.words) && (v.words as number) >= 0 &&
    Number.isInteger(v.readingMinutes) && (v.readingMinutes as number) >= 0 &&
    typeof v.file === 'string' && v.file !== ''
  );
}

/** Parses and checks an index file's text; throws IndexError with a one-line reason. */
export function parseIndex(text: string): PostIndex {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new IndexError('the post index is not valid JSON');
  }
  const d = data as Partial<PostIndex> | null;
  if (typeof d !== 'object' || d === null || d.version !== INDEX_VERSION || !Array.isArray(d.posts)) {
    throw new IndexError(`the post index is not a version ${INDEX_VERSION} blog-tui index`);
  }
  const bad = d.posts.findIndex((p) => !isEntry(p));
  if (bad >= 0) throw new IndexError(`the post index has a malformed entry (number ${bad + 1})`);
  return { version: INDEX_VERSION, posts: d.posts };
}

export function readIndex(path: string): PostIndex {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new IndexError(`cannot read the post index ${path}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  return parseIndex(text);
}

/**
 * The absolute path of a post's Markdown file. Only files inside the posts folder can be
 * reached: an entry whose `file` climbs out (`..`, an absolute path) is refused.
 */
export function postPath(postsDir: string, entry: PostEntry): string {
  const root = resolve(postsDir);
  const full = resolve(root, entry.file);
  if (!full.startsWith(root + sep)) throw new IndexError(`post "${entry.slug}" points outside the posts folder`);
  return full;
}

/**
 * Reads a post's Markdown source (front matter removed by the caller's parser). The file's
 * real path must be inside the folder's: a file replaced by a link to elsewhere is refused.
 * It is read only if it is still a regular file within the size limit (boundedRead.ts): a
 * post replaced by a FIFO, a device or a huge file since the index was built throws
 * ReadRefused with the reason.
 */
export function readPostSource(postsDir: string, entry: PostEntry): string {
  const real = realPath(postPath(postsDir, entry));
  if (!isInside(realpathSync(postsDir), real)) throw new IndexError(`post "${entry.slug}" points outside the posts folder`);
  const buffer = readBounded(real, MAX_POST_BYTES);
  return decodeUtf16(buffer) ?? new TextDecoder('utf-8', { fatal: false }).decode(buffer);
}
