import { sha256Hex } from './sha256.js';
import { dateSortKey } from './dates.js';
import { MAX_POST_BYTES, decodeUtf16, readBounded } from '../state/boundedRead.js';
import type { PostEntry } from './postEntry.js';
import { INDEX_VERSION, type PostIndex } from './postIndexFile.js';
import { sortPosts } from './postOrder.js';
import { byFile, errorReason, walkPostFiles, type PostFile, type WalkProblem, type WalkResult } from './postFiles.js';

/** A file left out of the index (`skipped`) or used with a caveat (`warning`), and why. */
export type IndexProblem = WalkProblem;

/** What one Markdown file gave: its entry, or why it gave none. The cache keeps these. */
export interface FileRecord {
  file: string;
  size: number;
  mtimeMs: number;
  entry?: PostEntry;
  problem?: string;
}

export interface BuildOptions {
  /** Keep posts marked as drafts. */
  drafts?: boolean;
  /** Keep posts the site hides for their dates: future-dated (where the site hides them) and expired. */
  future?: boolean;
  /** Whether the site hides future-dated posts (Hugo, Jekyll). */
  hidesFuture?: boolean;
  /** Which walked files are posts (the site's rule); all of them when absent. */
  isPost?: (file: string) => boolean;
  /** The time that decides what is future or expired (default: now). */
  now?: number;
  /** Walk only these subfolders of the folder (a site's `content/posts`). */
  only?: readonly string[];
  /** Records of an earlier build: reused, without reading the file, when size and mtime are unchanged. */
  previous?: ReadonlyMap<string, FileRecord>;
  /** Records of files the caller has just read (in another thread, say): used as read, by file. */
  readAhead?: ReadonlyMap<string, FileRecord>;
  /** Reads a post file (a seam for tests that count reads). */
  readFile?: (path: string) => Buffer;
  /** Called after each file that had to be read: files done so far, files in the folder. */
  onProgress?: (done: number, total: number) => void;
  /** Called with the record of each file read here (not those of `previous` or `readAhead`). */
  onRecord?: (record: FileRecord) => void;
  /** The folder's files, when already walked. */
  walk?: WalkResult;
}

/** Turns a post's source into its index entry; throws with a one-line reason. */
export type ParsePost = (source: string, file: string) => PostEntry;

export interface BuiltIndex {
  index: PostIndex;
  problems: IndexProblem[];
  /** The folder's real path. */
  root: string;
  /** One record a Markdown file, drafts included, sorted by file: what a cache stores. */
  records: FileRecord[];
  /** How many files were read (the rest came from `previous`). */
  read: number;
}

export { MAX_POST_BYTES };

const UTF8 = new TextDecoder('utf-8', { fatal: true });

function firstLine(error: unknown): string {
  return String((error as Error)?.message ?? error).split('\n')[0]!;
}

/** Reads and parses one Markdown file into its record; never throws. */
export function readRecord(found: PostFile, readFile: (path: string) => Buffer, parse: ParsePost): FileRecord {
  const record: FileRecord = { file: found.file, size: found.size, mtimeMs: found.mtimeMs };
  const fail = (problem: string): FileRecord => ({ ...record, problem });
  const tooLarge = `larger than ${MAX_POST_BYTES / 1024 / 1024} MB`;
  if (found.size > MAX_POST_BYTES) return fail(tooLarge);
  let buffer: Buffer;
  try {
    buffer = readFile(found.path);
  } catch (error) {
    return fail(errorReason(error));
  }
  if (buffer.length > MAX_POST_BYTES) return fail(tooLarge);
  let source = decodeUtf16(buffer);
  if (source === undefined) {
    if (buffer.includes(0)) return fail('binary file');
    try {
      source = UTF8.decode(buffer);
    } catch {
      return fail('not valid UTF-8');
    }
  } else if (source.includes('\0')) {
    return fail('binary file');
  }
  try {
    return { ...record, entry: parse(source, found.file) };
  } catch (error) {
    return fail(firstLine(error));
  }
}

/** A short, stable mark made from a file's path: the same file always gets the same one. */
export function fileMark(file: string): string {
  return sha256Hex(file).slice(0, 6);
}

/** `/posts/x/` with a mark: `/posts/x~1a2b3c/`. */
function markedUrl(url: string, mark: string): string {
  return url.endsWith('/') ? `${url.slice(0, -1)}~${mark}/` : `${url}~${mark}`;
}

/** Whether a post is hidden for its dates: published later than now (where the site hides such posts) or expired. */
function outOfDate(post: PostEntry, now: number, hidesFuture: boolean): boolean {
  if (hidesFuture && dateSortKey(post.publishDate ?? post.date) > now) return true;
  return post.expiryDate !== undefined && dateSortKey(post.expiryDate) <= now;
}

/**
 * The index from the files' records: drafts and posts out of date left out unless wanted,
 * sorted, URL paths made unique. Posts that would share a URL path each get a mark made from
 * their own file path, so no post's identity depends on another file or on the order.
 * `sorted`: the records that have an entry, already in the list's order (the cache keeps it).
 */
export function indexFromRecords(records: readonly FileRecord[], options: BuildOptions, sorted?: readonly FileRecord[]): { index: PostIndex; problems: IndexProblem[] } {
  const problems: IndexProblem[] = [];
  const posts: PostEntry[] = [];
  const now = options.now ?? Date.now();
  for (const record of sorted ?? records) {
    if (record.problem !== undefined) problems.push({ file: record.file, reason: record.problem, severity: 'skipped' });
    else if (!record.entry || record.entry.unlisted) continue;
    else if (record.entry.draft && !options.drafts) continue;
    else if (!options.future && outOfDate(record.entry, now, options.hidesFuture === true)) continue;
    else posts.push(record.entry);
  }
  if (!sorted) sortPosts(posts);
  else for (const record of records) if (record.problem !== undefined) problems.push({ file: record.file, reason: record.problem, severity: 'skipped' });
  const byUrl = new Map<string, number[]>();
  posts.forEach((post, i) => {
    const same = byUrl.get(post.url);
    if (same) same.push(i);
    else byUrl.set(post.url, [i]);
  });
  for (const [url, same] of byUrl) {
    if (same.length < 2) continue;
    for (const i of same) {
      // Entries are the records' own objects: the one whose URL path changes is copied.
      const post = { ...posts[i]!, url: markedUrl(url, fileMark(posts[i]!.file)) };
      posts[i] = post;
      problems.push({ file: post.file, reason: `URL path "${url}" is shared by ${same.length} posts; this one is "${post.url}"`, severity: 'warning' });
    }
  }
  return { index: { version: INDEX_VERSION, posts }, problems };
}

/** Whether a file is as an earlier build saw it, so that its record can be reused. */
export function unchanged(found: PostFile, previous: ReadonlyMap<string, FileRecord> | undefined): boolean {
  const before = previous?.get(found.file);
  return before !== undefined && before.size === found.size && before.mtimeMs === found.mtimeMs;
}

/**
 * Builds the index of a folder of Markdown posts (`*.md`, `*.markdown`, in every subfolder),
 * parsing each file that has to be read with `parse`. The one way every index is made:
 * `blog-tui index`, `npm run index`, and `--posts` with its cache (src/content/postIndex.ts
 * passes the post parser; a warm start whose files are all unchanged never loads it).
 */
export function buildIndexWith(parse: ParsePost, dir: string, options: BuildOptions = {}): BuiltIndex {
  const walked = options.walk ?? walkPostFiles(dir, options.only);
  const isPost = options.isPost;
  const walk = isPost ? { ...walked, files: walked.files.filter((f) => isPost(f.file)) } : walked;
  const readFile = options.readFile ?? ((path: string) => readBounded(path, MAX_POST_BYTES));
  const total = walk.files.length;
  let read = 0;
  const records = walk.files.map((found, i) => {
    if (unchanged(found, options.previous)) return options.previous!.get(found.file)!;
    read++;
    const ahead = options.readAhead?.get(found.file);
    if (ahead) return ahead;
    const record = readRecord(found, readFile, parse);
    options.onRecord?.(record);
    options.onProgress?.(i + 1, total);
    return record;
  });
  const { index, problems } = indexFromRecords(records, options);
  const all = [...walk.problems, ...problems].sort(byFile);
  return { index, problems: all, root: walk.root, records, read };
}

