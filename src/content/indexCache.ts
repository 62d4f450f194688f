import { closeSync, fstatSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { removeStaleTempFiles, writeFileAtomicSync } from '../state/atomicFile.js';
import { cacheDir, HEAD_POSTS, readCacheObject, readCacheText, untrustedCache } from './cacheFiles.js';
import { sha256Hex } from './sha256.js';
import { isEntry } from './postIndexFile.js';
import { indexFromRecords, type BuildOptions, type FileRecord } from './indexBuild.js';
import { sortPosts } from './postOrder.js';
import { dateSortKey } from './dates.js';
import type { PostEntry } from './postEntry.js';
import { exactKeys } from './slugLookup.js';

/**
 * The index cache of a posts folder: one file per folder under `$XDG_CACHE_HOME/blog-tui/`
 * (else `~/.cache/blog-tui/`), named by a hash of the folder's real path. It holds one record a
 * Markdown file with the file's size and mtime, so that a later start reads only the files
 * that changed. A cache file that is not exactly what this code writes is ignored.
 */

const KIND = 'blog-tui index cache';
// Raised whenever entries are computed differently (entities decoded, Hugo's tag stripping), or
// the files written beside the cache change (4: the slug file), so that every cache is written anew.
export const CACHE_FORMAT_VERSION = 4;

// node:crypto loads when a folder's files are compared with its cache, not with the head read
// before the first frame (short texts are hashed by sha256.ts).
const load = createRequire(import.meta.url);

/**
 * One hash of every file's path, size and mtime (in the order given, which is by path): equal
 * when no post file was added, removed or changed since.
 */
export function filesFingerprint(files: ReadonlyArray<{ file: string; size: number; mtimeMs: number }>): string {
  const { createHash } = load('node:crypto') as typeof import('node:crypto');
  const hash = createHash('sha256');
  // Hashed 64 KB at a time: the text of 50,000 files is megabytes, made and copied for nothing.
  let text = '';
  for (const f of files) {
    text += `${f.file}\0${f.size}\0${f.mtimeMs}\n`;
    if (text.length >= 65536) {
      hash.update(text);
      text = '';
    }
  }
  return hash.update(text).digest('hex');
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

export { cacheDir, HEAD_POSTS, readCacheObject, readCacheText, untrustedCache };

/** The largest cache file read: the index of 10,000 posts is about 5 MB. */
const MAX_CACHE_BYTES = 256 * 1024 * 1024;



/** The cache file of the folder whose real path is `root`. */
export function cacheFile(root: string, env: NodeJS.ProcessEnv = process.env): string {
  const key = sha256Hex(root).slice(0, 32);
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

/** The records' posts as the list shows them with the default options at `now`, and what it would say. */
function defaultList(records: readonly FileRecord[], sorted: readonly FileRecord[], site: HeadSite, now: number) {
  return indexFromRecords(records, { drafts: false, future: false, now, hidesFuture: site.hidesFuture === true }, sorted);
}

/** The head of the records as the list shows them with the default options at `now`. */
function cacheHead(root: string, stamp: string, files: string, records: readonly FileRecord[], listed: ReturnType<typeof defaultList>, site: HeadSite, now: number): CacheHead {
  const { index, problems } = listed;
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

/** A file written beside the cache, when it is of this kind and format and about this folder; never throws. */
function readBeside<T extends { kind: string; version: number; root: string }>(path: string, limit: number, kind: string, root: string): Partial<T> | undefined {
  const data = readCacheObject<T>(path, limit);
  if (!data || data.kind !== kind || data.version !== CACHE_FORMAT_VERSION || data.root !== root) return undefined;
  return data;
}

/**
 * The first screen of the list from the head of the cache at `path`, when it is there, written by
 * this version (`stampPrefix`) for this folder, and still true at `now`; else undefined. Never throws.
 */
export function readCacheHead(path: string, root: string, stampPrefix: string, now = Date.now()): FirstScreen | undefined {
  const head = readBeside<CacheHead>(headFile(path), 1024 * 1024, HEAD_KIND, root);
  if (!head) return undefined;
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
  const files = filesFingerprint(records);
  // The same text as JSON.stringify of the whole CacheFile, written a record at a time so that
  // the lookup knows where each record's text is.
  const start = `${JSON.stringify({ kind: KIND, version: CACHE_FORMAT_VERSION, stamp, root, files }).slice(0, -1)},"records":[`;
  const texts = records.map((r) => JSON.stringify(r));
  const at: number[] = [];
  let offset = Buffer.byteLength(start);
  texts.forEach((text, i) => {
    if (i > 0) offset += 1;
    at.push(offset);
    offset += Buffer.byteLength(text);
  });
  const text = `${start}${texts.join(',')}],"order":${JSON.stringify(order)}}`;
  writeFileAtomicSync(path, text, 0o600, 'cache');
  const listed = defaultList(records, order.map((i) => records[i]!), site, now);
  const head = cacheHead(root, stamp, files, records, listed, site, now);
  writeFileAtomicSync(headFile(path), JSON.stringify(head), 0o600, 'cache');
  const index = new Map(records.map((r, i) => [r, i]));
  const byEntry = new Map(records.flatMap((r) => (r.entry ? [[r.entry, r] as const] : [])));
  const lookup: CacheLookup = {
    kind: LOOKUP_KIND, version: CACHE_FORMAT_VERSION, stamp, root, bytes: Buffer.byteLength(text), problems: listed.problems.length, until: head.until,
    posts: listed.index.posts.map((post) => {
      const i = index.get(byEntry.get(post)!)!;
      return [post.slug, post.url, post.file, at[i]!, Buffer.byteLength(texts[i]!)];
    }),
  };
  writeFileAtomicSync(lookupFile(path), JSON.stringify(lookup), 0o600, 'cache');
  writeFileAtomicSync(slugsFile(path), slugsText({ ...lookup, kind: SLUGS_KIND }), 0o600, 'cache');
}

const LOOKUP_KIND = 'blog-tui index cache lookup';

/**
 * Every post the list shows with the default options, by slug, URL path and file, with where its
 * record's text is in the cache file: `read SLUG` finds its post and reads that record alone.
 */
interface CacheLookup {
  kind: string;
  version: number;
  stamp: string;
  root: string;
  /** The cache file's length in bytes, when the offsets are right. */
  bytes: number;
  problems: number;
  until: number | null;
  /** Slug, URL path, file, the record's offset and length in bytes. */
  posts: Array<[string, string, string, number, number]>;
}

/** The lookup file of the cache file `path`. */
export function lookupFile(path: string): string {
  return path.replace(/\.json$/, '.lookup.json');
}

/** A post named in the lookup, and where its record is. */
export interface LookupPost {
  slug: string;
  url: string;
  file: string;
  at: number;
  length: number;
}

/**
 * The posts of the lookup of the cache at `path` (see CacheLookup), when it is there, written
 * with this `stamp` for this folder, beside a cache file of the length it names, and still true
 * at `now`; else undefined. Never throws.
 */
export function readCacheLookup(path: string, root: string, stamp: string, now = Date.now()): LookupPost[] | undefined {
  const data = readBeside<CacheLookup>(lookupFile(path), MAX_CACHE_BYTES, LOOKUP_KIND, root);
  if (!data || !lookupCurrent(data, path, stamp, now) || !Array.isArray(data.posts)) return undefined;
  return lookupPosts(data.posts as unknown[]);
}

/** A lookup's posts (CacheLookup's tuples) checked, else undefined. */
function lookupPosts(tuples: unknown[]): LookupPost[] | undefined {
  const out: LookupPost[] = [];
  for (const p of tuples) {
    if (!Array.isArray(p) || p.length !== 5) return undefined;
    const [slug, url, file, at, length] = p as unknown[];
    if (typeof slug !== 'string' || typeof url !== 'string' || typeof file !== 'string' || !Number.isSafeInteger(at) || !Number.isSafeInteger(length) || (at as number) < 0 || (length as number) <= 0 || (length as number) > MAX_RECORD_BYTES) return undefined;
    out.push({ slug, url, file, at: at as number, length: length as number });
  }
  return out;
}

/** Whether a lookup's header is for this cache as it is now (see readCacheLookup). */
function lookupCurrent(data: Partial<CacheLookup>, path: string, stamp: string, now: number): boolean {
  if (data.stamp !== stamp || data.problems !== 0 || (data.until !== null && (typeof data.until !== 'number' || data.until <= now))) return false;
  try {
    return statSync(path).size === data.bytes;
  } catch {
    return false;
  }
}

const SLUGS_KIND = 'blog-tui index cache slugs';
/** How many posts a bucket of the slug file holds on average, at most. */
const BUCKET_POSTS = 64;
/** The most buckets (the header lists where each starts). */
const MAX_BUCKETS = 1 << 16;

/**
 * The lookup's posts again, in buckets by a hash of their exactKeys (the whole URL path, the whole
 * slug): `read SLUG` reads a small header and one or two buckets, however many posts the folder
 * has, and reads the whole lookup only for a prefix or a part of a slug. The file is the header
 * (the lookup's fields, and `buckets`: where each bucket's text starts after the header line, and
 * where the last ends) on one line, then the buckets, each a JSON array of the lookup's tuples.
 */
interface SlugsHeader extends Omit<CacheLookup, 'posts'> {
  buckets: number[];
}

/** The slug file of the cache file `path`. */
export function slugsFile(path: string): string {
  return path.replace(/\.json$/, '.slugs');
}

/** The bucket of a key among `count`: FNV-1a of its UTF-16 code units. */
function bucketOf(key: string, count: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193) >>> 0;
  return hash % count;
}

function slugsText(lookup: CacheLookup): string {
  let count = 1;
  while (count < MAX_BUCKETS && count * BUCKET_POSTS < lookup.posts.length) count *= 2;
  const buckets: CacheLookup['posts'][] = Array.from({ length: count }, () => []);
  for (const tuple of lookup.posts) {
    const [slug, url] = tuple;
    const [first, second] = new Set(exactKeys({ slug, url }).map((key) => bucketOf(key, count)));
    buckets[first!]!.push(tuple);
    if (second !== undefined) buckets[second]!.push(tuple);
  }
  const texts = buckets.map((b) => JSON.stringify(b));
  const starts = [0];
  for (const text of texts) starts.push(starts[starts.length - 1]! + Buffer.byteLength(text));
  const { posts: _, ...fields } = lookup;
  return `${JSON.stringify({ ...fields, buckets: starts } satisfies SlugsHeader)}\n${texts.join('')}`;
}

/** The longest header of a slug file read. */
const MAX_SLUGS_HEADER = 64 + 16 * MAX_BUCKETS;

/**
 * The posts of the buckets that hold every post with one of `keys` among its exactKeys, from the
 * slug file of the cache at `path`, when it is there and as current as readCacheLookup requires;
 * else undefined. Never throws.
 */
export function readSlugBuckets(path: string, root: string, stamp: string, keys: readonly string[], now = Date.now()): LookupPost[] | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(slugsFile(path), 'r');
    if (!fstatSync(fd).isFile()) return undefined;
    let head = Buffer.alloc(4096);
    let filled = 0;
    let end = -1;
    while (end < 0) {
      if (filled === head.length) {
        if (head.length >= MAX_SLUGS_HEADER) return undefined;
        head = Buffer.concat([head, Buffer.alloc(head.length)]);
      }
      const n = readSync(fd, head, filled, head.length - filled, filled);
      if (n === 0) return undefined;
      end = head.indexOf(0x0a, filled);
      filled += n;
    }
    const data = JSON.parse(head.toString('utf8', 0, end)) as Partial<SlugsHeader> | null;
    if (typeof data !== 'object' || data === null || data.kind !== SLUGS_KIND || data.version !== CACHE_FORMAT_VERSION || data.root !== root) return undefined;
    if (!lookupCurrent(data, path, stamp, now)) return undefined;
    const starts = data.buckets;
    if (!Array.isArray(starts) || starts.length < 2 || starts.length > MAX_BUCKETS + 1 || starts[0] !== 0) return undefined;
    const count = starts.length - 1;
    const out: LookupPost[] = [];
    for (const bucket of new Set(keys.map((key) => bucketOf(key, count)))) {
      const from = starts[bucket];
      const to = starts[bucket + 1];
      if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || to! <= from! || to! - from! > MAX_CACHE_BYTES) return undefined;
      const text = Buffer.alloc(to! - from!);
      if (readSync(fd, text, 0, text.length, end + 1 + from!) !== text.length) return undefined;
      const tuples = JSON.parse(text.toString('utf8')) as unknown;
      const posts = Array.isArray(tuples) ? lookupPosts(tuples) : undefined;
      if (!posts) return undefined;
      for (const post of posts) out.push(post);
    }
    return out;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The longest record read on its own. */
const MAX_RECORD_BYTES = 16 * 1024 * 1024;

/** The record of a lookup's post, read from the cache file at `path`, when it is that post's; else undefined. Never throws. */
export function readRecordAt(path: string, post: LookupPost): FileRecord | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const buffer = Buffer.alloc(post.length);
    if (readSync(fd, buffer, 0, post.length, post.at) !== post.length) return undefined;
    const record = JSON.parse(buffer.toString('utf8')) as unknown;
    if (!isRecord(record) || record.file !== post.file || record.entry?.slug !== post.slug || record.entry.url !== post.url) return undefined;
    return record;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
