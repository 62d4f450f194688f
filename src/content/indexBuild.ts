import { readFileSync } from 'node:fs';
import type { PostEntry } from './postEntry.js';
import { INDEX_VERSION, type PostIndex } from './postIndexFile.js';
import { comparePosts } from './postOrder.js';
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
  /** Walk only these subfolders of the folder (a site's `content/posts`). */
  only?: readonly string[];
  /** Records of an earlier build: reused, without reading the file, when size and mtime are unchanged. */
  previous?: ReadonlyMap<string, FileRecord>;
  /** Reads a post file (a seam for tests that count reads). */
  readFile?: (path: string) => Buffer;
  /** Called after each file that had to be read: files done so far, files in the folder. */
  onProgress?: (done: number, total: number) => void;
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

/** Posts larger than this are left out of an index: no blog post is 10 MB of text. */
export const MAX_POST_BYTES = 10 * 1024 * 1024;

const UTF8 = new TextDecoder('utf-8', { fatal: true });

function firstLine(error: unknown): string {
  return String((error as Error)?.message ?? error).split('\n')[0]!;
}

/** Reads and parses one Markdown file into its record; never throws. */
function readRecord(found: PostFile, readFile: (path: string) => Buffer, parse: ParsePost): FileRecord {
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
    return { ...record, entry: parse(source, found.file) };
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
  const walk = options.walk ?? walkPostFiles(dir, options.only);
  const readFile = options.readFile ?? ((path: string) => readFileSync(path));
  const total = walk.files.length;
  let read = 0;
  const records = walk.files.map((found, i) => {
    if (unchanged(found, options.previous)) return options.previous!.get(found.file)!;
    read++;
    const record = readRecord(found, readFile, parse);
    options.onProgress?.(i + 1, total);
    return record;
  });
  const { index, problems } = assembleIndex(records, options.drafts === true);
  const all = [...walk.problems, ...problems].sort(byFile);
  return { index, problems: all, root: walk.root, records, read };
}

