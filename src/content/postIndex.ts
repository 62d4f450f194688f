import { readFileSync, readdirSync, writeFileSync, renameSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { entryFromSource, type PostEntry } from './postEntry.js';
import { dateSortKey } from './dates.js';

export const INDEX_VERSION = 1;

export interface PostIndex {
  version: number;
  posts: PostEntry[];
}

export interface IndexProblem {
  file: string;
  reason: string;
}

export interface BuiltIndex {
  index: PostIndex;
  problems: IndexProblem[];
}

export class IndexError extends Error {}

/** Newest first; posts without a date last; equal dates by title, as Hugo orders pages. */
export function comparePosts(a: PostEntry, b: PostEntry): number {
  const byDate = dateSortKey(b.date) - dateSortKey(a.date);
  if (byDate !== 0 && !Number.isNaN(byDate)) return byDate;
  return a.title.localeCompare(b.title, 'en') || a.file.localeCompare(b.file, 'en');
}

const MARKDOWN_FILE = /\.(md|markdown)$/i;
/** Posts larger than this are left out of an index: no blog post is 20 MB of text. */
export const MAX_POST_BYTES = 20 * 1024 * 1024;

/** Builds the index of a folder of Markdown posts (`*.md`, `*.markdown`, not recursive). */
export function buildIndex(dir: string, options: { drafts?: boolean } = {}): BuiltIndex {
  const problems: IndexProblem[] = [];
  const files = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isFile() && MARKDOWN_FILE.test(d.name))
    .map((d) => d.name)
    .sort();
  const posts: PostEntry[] = [];
  for (const file of files) {
    try {
      const buffer = readFileSync(join(dir, file));
      if (buffer.length > MAX_POST_BYTES) throw new Error(`larger than ${MAX_POST_BYTES} bytes`);
      if (buffer.includes(0)) throw new Error('binary file');
      const source = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
      const entry = entryFromSource(source, file);
      if (entry.draft && !options.drafts) continue;
      posts.push(entry);
    } catch (error) {
      const reason = error instanceof TypeError ? 'not valid UTF-8' : (error as Error).message;
      problems.push({ file, reason });
    }
  }
  posts.sort(comparePosts);
  const seen = new Set<string>();
  for (const post of posts) {
    if (seen.has(post.slug)) {
      let n = 2;
      while (seen.has(`${post.slug}-${n}`)) n++;
      problems.push({ file: post.file, reason: `duplicate slug "${post.slug}", shown as "${post.slug}-${n}"` });
      post.slug = `${post.slug}-${n}`;
    }
    seen.add(post.slug);
  }
  return { index: { version: INDEX_VERSION, posts }, problems };
}

export function serializeIndex(index: PostIndex): string {
  return JSON.stringify(index, null, 2) + '\n';
}

/** Writes atomically: a temporary file in the same folder, then a rename. */
export function writeIndex(path: string, index: PostIndex): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, serializeIndex(index));
  renameSync(temporary, path);
}

function isEntry(value: unknown): value is PostEntry {
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

/** Reads a post's Markdown source (front matter removed by the caller's parser). */
export function readPostSource(postsDir: string, entry: PostEntry): string {
  const buffer = readFileSync(postPath(postsDir, entry));
  return new TextDecoder('utf-8', { fatal: false }).decode(buffer);
}
