import { readFileSync, realpathSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { entryFromSource, type PostEntry } from './postEntry.js';
import { dateSortKey } from './dates.js';
import { writeFileAtomicSync } from '../state/atomicFile.js';
import { byFile, errorReason, isInside, walkPostFiles, type PostFile, type WalkProblem } from './postFiles.js';

export const INDEX_VERSION = 1;

export interface PostIndex {
  version: number;
  posts: PostEntry[];
}

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
  /** Walk only these subfolders of the folder (a site's `content/posts`). */
  only?: readonly string[];
  /** Records of an earlier build: reused, without reading the file, when size and mtime are unchanged. */
  previous?: ReadonlyMap<string, FileRecord>;
  /** Reads a post file (a seam for tests that count reads). */
  readFile?: (path: string) => Buffer;
  /** Called after each file that had to be read: files done so far, files in the folder. */
  onProgress?: (done: number, total: number) => void;
}

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

export class IndexError extends Error {}

/** One collator for every comparison: localeCompare with a locale builds one per call. */
const ENGLISH = new Intl.Collator('en');

/** Newest first; posts without a date last; equal dates by title, as Hugo orders pages. */
export function comparePosts(a: PostEntry, b: PostEntry): number {
  const byDate = dateSortKey(b.date) - dateSortKey(a.date);
  if (byDate !== 0 && !Number.isNaN(byDate)) return byDate;
  return ENGLISH.compare(a.title, b.title) || ENGLISH.compare(a.file, b.file);
}

/** Posts larger than this are left out of an index: no blog post is 10 MB of text. */
export const MAX_POST_BYTES = 10 * 1024 * 1024;

const UTF8 = new TextDecoder('utf-8', { fatal: true });

function firstLine(error: unknown): string {
  return String((error as Error)?.message ?? error).split('\n')[0]!;
}

/** Reads and parses one Markdown file into its record; never throws. */
function readRecord(found: PostFile, readFile: (path: string) => Buffer): FileRecord {
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
  if (buffer.includes(0)) return fail('binary file');
  let source: string;
  try {
    source = UTF8.decode(buffer);
  } catch {
    return fail('not valid UTF-8');
  }
  try {
    return { ...record, entry: entryFromSource(source, found.file) };
  } catch (error) {
    return fail(firstLine(error));
  }
}

/** The index from the files' records: drafts left out unless wanted, sorted, slugs made unique. */
function assembleIndex(records: readonly FileRecord[], drafts: boolean): { index: PostIndex; problems: IndexProblem[] } {
  const problems: IndexProblem[] = [];
  const posts: PostEntry[] = [];
  for (const record of records) {
    if (record.problem !== undefined) problems.push({ file: record.file, reason: record.problem, severity: 'skipped' });
    else if (record.entry && (drafts || !record.entry.draft)) posts.push({ ...record.entry });
  }
  posts.sort(comparePosts);
  const seen = new Set<string>();
  for (const post of posts) {
    if (seen.has(post.slug)) {
      let n = 2;
      while (seen.has(`${post.slug}-${n}`)) n++;
      problems.push({ file: post.file, reason: `duplicate slug "${post.slug}", shown as "${post.slug}-${n}"`, severity: 'warning' });
      post.slug = `${post.slug}-${n}`;
    }
    seen.add(post.slug);
  }
  return { index: { version: INDEX_VERSION, posts }, problems };
}

/**
 * Builds the index of a folder of Markdown posts (`*.md`, `*.markdown`, in every subfolder).
 * The one way every index is made: `blog-tui index`, `npm run index`, and `--posts` with its cache.
 */
export function buildIndex(dir: string, options: BuildOptions = {}): BuiltIndex {
  const walk = walkPostFiles(dir, options.only);
  const readFile = options.readFile ?? ((path: string) => readFileSync(path));
  const total = walk.files.length;
  let read = 0;
  const records = walk.files.map((found, i) => {
    const before = options.previous?.get(found.file);
    if (before && before.size === found.size && before.mtimeMs === found.mtimeMs) return before;
    read++;
    const record = readRecord(found, readFile);
    options.onProgress?.(i + 1, total);
    return record;
  });
  const { index, problems } = assembleIndex(records, options.drafts === true);
  const all = [...walk.problems, ...problems].sort(byFile);
  return { index, problems: all, root: walk.root, records, read };
}

export function serializeIndex(index: PostIndex): string {
  return JSON.stringify(index, null, 2) + '\n';
}

/** Writes atomically: a temporary file in the same folder, then a rename. */
export function writeIndex(path: string, index: PostIndex): void {
  writeFileAtomicSync(path, serializeIndex(index), 0o666);
}

/** Whether a value has every field of an index entry, with the right types. */
export function isEntry(value: unknown): value is PostEntry {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.slug === 'string' && v.slug !== '' &&
    typeof v.title === 'string' &&
    (v.date === undefined || typeof v.date === 'string') &&
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
 */
export function readPostSource(postsDir: string, entry: PostEntry): string {
  const real = realpathSync(postPath(postsDir, entry));
  if (!isInside(realpathSync(postsDir), real)) throw new IndexError(`post "${entry.slug}" points outside the posts folder`);
  const buffer = readFileSync(real);
  return new TextDecoder('utf-8', { fatal: false }).decode(buffer);
}
