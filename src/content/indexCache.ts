import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { removeStaleTempFiles, writeFileAtomicSync } from '../state/atomicFile.js';
import { ReadRefused, readBounded, untrustedReason } from '../state/boundedRead.js';
import { isEntry } from './postIndexFile.js';
import { indexFromRecords, type BuildOptions, type FileRecord } from './indexBuild.js';
import { sortPosts } from './postOrder.js';
import { dateSortKey } from './dates.js';
import type { PostEntry } from './postEntry.js';

/**
 * The index cache of a posts folder: one file per folder under `$XDG_CACHE_HOME/blog-tui/`
 * (else `~/.cache/blog-tui/`), named by a hash of the folder's real path. It holds one record a
 * Markdown file with the file's size and mtime, so that a later start reads only the files
 * that changed. A cache file that is not exactly what this code writes is ignored.
 */

const KIND = 'blog-tui index cache';
// Raised whenever entries are computed differently (entities decoded, Hugo's tag stripping).
export const CACHE_FORMAT_VERSION = 3;

/**
 * One hash of every file's path, size and mtime (in the order given, which is by path): equal
 * when no post file was added, removed or changed since.
 */
export function filesFingerprint(files: ReadonlyArray<{ file: string; size: number; mtimeMs: number }>): string {
  let text = '';
  for (const f of files) text += `${f.file}\0${f.size}\0${f.mtimeMs}\n`;
  return createHash('sha256').update(text).digest('hex');
}

interface CacheFile {
  kind: string;
  version: number;
  /** Who wrote it: entries from another version of blog-tui may be computed differently. */
  stamp: string;
  root: string;
  /** filesFingerprint of the records: a later check of the folder compares its walk with this alone. */
  files: string;
  records: FileRecord[];
  /** The records that have an entry, as positions in `records`, in the list's order (comparePosts). */
  order: number[];
}

/** `untrusted`: the cache folder or file may hold another user's entries, so it is neither read nor written. */
export type CacheRead = { records: Map<string, FileRecord>; files: string; order: FileRecord[]; untrusted?: undefined; reason?: undefined } | { records?: undefined; reason: string; untrusted?: boolean };

/** The largest cache file read: the index of 10,000 posts is about 5 MB. */
const MAX_CACHE_BYTES = 256 * 1024 * 1024;

/** Why the cache at `path` (or its folder) must not be used, or undefined. */
export function untrustedCache(path: string): string | undefined {
  return untrustedReason(join(path, '..')) ?? untrustedReason(path);
}

export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env.XDG_CACHE_HOME;
  // The XDG spec: a relative path is invalid and is ignored.
  return join(xdg && isAbsolute(xdg) ? xdg : join(env.HOME || homedir(), '.cache'), 'blog-tui');
}

/** The cache file of the folder whose real path is `root`. */
export function cacheFile(root: string, env: NodeJS.ProcessEnv = process.env): string {
  const key = createHash('sha256').update(root).digest('hex').slice(0, 32);
  return join(cacheDir(env), `index-${key}.json`);
}

function isRecord(value: unknown): value is FileRecord {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  if (typeof r.file !== 'string' || r.file === '') return false;
  if (!Number.isSafeInteger(r.size) || (r.size as number) < 0) return false;
  if (typeof r.mtimeMs !== 'number' || !Number.isFinite(r.mtimeMs)) return false;
  if (r.problem !== undefined) return typeof r.problem === 'string' && r.entry === undefined;
  return isEntry(r.entry) && r.entry.file === r.file;
}

/**
 * The text of a cache file, or why it is not read: a file or folder another user could have
 * written (`untrusted`), one that is not a regular file, or none. Never throws.
 */
export function readCacheText(path: string, limit: number, missing: string): { text: string } | { text?: undefined; reason: string; untrusted?: boolean } {
  const untrusted = untrustedCache(path);
  if (untrusted) return { reason: `the cache is not used: ${untrusted}`, untrusted: true };
  try {
    // Buffer's decoder (invalid bytes replaced) is several times faster than TextDecoder on a
    // cache of many megabytes; what it gives is checked record by record after.
    return { text: readBounded(path, limit).toString('utf8') };
  } catch (error) {
    if (error instanceof ReadRefused) return { reason: `the cache ${path} is not used: ${error.message}`, untrusted: true };
    const code = (error as NodeJS.ErrnoException).code;
    return { reason: code === 'ENOENT' ? missing : `cannot read the cache (${code ?? 'error'})` };
  }
}

/** The records of a cache file, or why there are none. Never throws. */
export function readCache(path: string, root: string, stamp: string): CacheRead {
  const read = readCacheText(path, MAX_CACHE_BYTES, 'no cache yet');
  if (read.text === undefined) return read;
  const { text } = read;
  let data: Partial<CacheFile> | null;
  try {
    data = JSON.parse(text) as Partial<CacheFile> | null;
  } catch {
    return { reason: 'the cache is not valid JSON' };
  }
  if (typeof data !== 'object' || data === null || data.kind !== KIND || data.version !== CACHE_FORMAT_VERSION) {
    return { reason: 'the cache is not a blog-tui index cache' };
  }
  if (data.stamp !== stamp) return { reason: 'the cache was written by another version' };
  if (data.root !== root) return { reason: 'the cache belongs to another folder' };
  if (!Array.isArray(data.records) || !data.records.every(isRecord)) return { reason: 'the cache has a malformed record' };
  if (typeof data.files !== 'string') return { reason: 'the cache is not a blog-tui index cache' };
  const order = inOrder(data.records, data.order);
  if (!order) return { reason: 'the cache has a malformed order' };
  return { records: new Map(data.records.map((r) => [r.file, r])), files: data.files, order };
}

/** The records with an entry in the order `order` gives, when it names each of them exactly once. */
function inOrder(records: readonly FileRecord[], order: unknown): FileRecord[] | undefined {
  if (!Array.isArray(order)) return undefined;
  const seen = new Uint8Array(records.length);
  const out: FileRecord[] = [];
  for (const i of order) {
    if (!Number.isInteger(i) || i < 0 || i >= records.length || seen[i] || !records[i]!.entry) return undefined;
    seen[i] = 1;
    out.push(records[i]!);
  }
  return out.length === records.filter((r) => r.entry).length ? out : undefined;
}

const HEAD_KIND = 'blog-tui index cache head';
/** Posts kept in the head: more than any terminal shows on the list's first screen. */
export const HEAD_POSTS = 100;

/**
 * The head of a cache: what the list's first screen shows with the default options (no drafts,
 * no posts hidden for their dates), so that it can be drawn before the whole cache is read: the
 * number of posts, the first HEAD_POSTS of them in the list's order, the site's title, and until
 * when that holds (the first moment a post's date would change the list). Written next to the
 * cache with it; the whole cache, read after the first frame, has the last word.
 */
interface CacheHead {
  kind: string;
  version: number;
  stamp: string;
  root: string;
  title: string | null;
  files: string;
  count: number;
  /** Files that could not be used, or posts that share a URL path (said on stderr when the list loads). */
  problems: number;
  /** Milliseconds since the epoch; null when no date changes the list. */
  until: number | null;
  posts: PostEntry[];
}

/** The head file of the cache file `path`. */
export function headFile(path: string): string {
  return path.replace(/\.json$/, '.head.json');
}

/** The head of the records as the list shows them with the default options at `now`. */
function cacheHead(root: string, stamp: string, files: string, records: readonly FileRecord[], sorted: readonly FileRecord[], site: HeadSite, now: number): CacheHead {
  const options: BuildOptions = { drafts: false, future: false, now, hidesFuture: site.hidesFuture === true };
  const { index, problems } = indexFromRecords(records, options, sorted);
  let until = Infinity;
  for (const r of records) {
    const entry = r.entry;
    if (!entry) continue;
    for (const date of [site.hidesFuture ? (entry.publishDate ?? entry.date) : undefined, entry.expiryDate]) {
      const at = dateSortKey(date);
      if (at > now && at < until) until = at;
    }
  }
  return { kind: HEAD_KIND, version: CACHE_FORMAT_VERSION, stamp, root, title: site.title ?? null, files, count: index.posts.length, problems: problems.length, until: Number.isFinite(until) ? until : null, posts: index.posts.slice(0, HEAD_POSTS) };
}

/** What the head needs of the site. */
export interface HeadSite {
  title?: string;
  hidesFuture?: boolean;
}

/** The list's first screen read from a cache's head: the first posts, how many there are, the site's title. */
export interface FirstScreen {
  title: string | undefined;
  count: number;
  posts: PostEntry[];
}

/**
 * The first screen of the list from the head of the cache at `path`, when it is there, written by
 * this version (`stampPrefix`) for this folder, and still true at `now`; else undefined. Never throws.
 */
export function readCacheHead(path: string, root: string, stampPrefix: string, now = Date.now()): FirstScreen | undefined {
  const read = readCacheText(headFile(path), 1024 * 1024, 'no head');
  if (read.text === undefined) return undefined;
  let head: Partial<CacheHead> | null;
  try {
    head = JSON.parse(read.text) as Partial<CacheHead> | null;
  } catch {
    return undefined;
  }
  if (typeof head !== 'object' || head === null || head.kind !== HEAD_KIND || head.version !== CACHE_FORMAT_VERSION || head.root !== root) return undefined;
  if (typeof head.stamp !== 'string' || !head.stamp.startsWith(`${stampPrefix} `)) return undefined;
  if (!Number.isSafeInteger(head.count) || !Array.isArray(head.posts) || !head.posts.every(isEntry) || head.posts.length > head.count!) return undefined;
  if (head.until !== null && (typeof head.until !== 'number' || head.until <= now)) return undefined;
  // What the list says on stderr when it loads has to be said before the full screen is up.
  if (head.problems !== 0) return undefined;
  if (head.title !== null && typeof head.title !== 'string') return undefined;
  return { title: head.title ?? undefined, count: head.count!, posts: head.posts };
}

/**
 * Writes the cache atomically, creating its folder (private to the user) when needed, and
 * removes temporary files that a killed process left behind; then its head (see CacheHead).
 */
export function writeCache(path: string, root: string, stamp: string, records: readonly FileRecord[], site: HeadSite = {}, now = Date.now()): void {
  mkdirSync(join(path, '..'), { recursive: true, mode: 0o700 });
  removeStaleTempFiles(path, 60_000);
  const withEntries = records.flatMap((r, i) => (r.entry ? [{ i, entry: r.entry }] : []));
  const sorted = sortPosts(withEntries.map((x) => x.entry));
  const position = new Map(withEntries.map((x) => [x.entry, x.i]));
  const order = sorted.map((entry) => position.get(entry)!);
  const data: CacheFile = { kind: KIND, version: CACHE_FORMAT_VERSION, stamp, root, files: filesFingerprint(records), records: [...records], order };
  writeFileAtomicSync(path, JSON.stringify(data), 0o600);
  const head = cacheHead(root, stamp, data.files, records, order.map((i) => records[i]!), site, now);
  writeFileAtomicSync(headFile(path), JSON.stringify(head), 0o600);
}
