import { realpathSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import pkg from '../../package.json' with { type: 'json' };
import { postBody } from '../content/frontMatterFences.js';
import { cacheFile, filesFingerprint, readCache, readCacheLookup, readRecordAt, readSlugBuckets, writeCache, type CacheRead, type LookupPost } from '../content/indexCache.js';
import { buildIndexWith, indexFromRecords, unchanged, type BuildOptions, type BuiltIndex, type FileRecord, type ParsePost } from '../content/indexBuild.js';
import type { PostEntry } from '../content/postEntry.js';
import { findExact, findPost, queryKeys } from '../content/slugLookup.js';
import { siteOptions } from '../content/siteOptions.js';
import { readPostSource, postPath } from '../content/postIndexFile.js';
import { listPostFiles, walkPostFiles, type PostFile, type WalkResult } from '../content/postFiles.js';
import { loadSite, type Site } from '../content/generators/registry.js';
import { sanitizeLine } from '../content/sanitize.js';
import { fsPath } from '../state/fileNames.js';
import type { PostSource } from '../tui/postSource.js';
import { CliError } from './errors.js';
import { workerTask } from './workerTask.js';
import { FOLDER_CHECK_LIMITS } from '../tui/workerLimits.js';
import { PARALLEL_FROM, readFilesInParallel } from './parallelRead.js';
import { MAX_POST_BYTES, readBounded } from '../state/boundedRead.js';
import { progressReporter, reportProblems, STANDARD_ERROR, type ReportStream } from './indexReport.js';

export interface FolderOptions {
  drafts: boolean;
  /** Show the posts the site hides for their dates (future, expired). */
  future?: boolean;
  verbose: boolean;
}

/** What loading reads from outside; tests give their own. */
export interface FolderIo {
  stderr: ReportStream;
  env: NodeJS.ProcessEnv;
  readFile?: BuildOptions['readFile'];
  /** Hears of each file's record as it is read. */
  onRecord?: BuildOptions['onRecord'];
}

const STAMP = `blog-tui ${pkg.version}`;

const unused: ParsePost = () => {
  throw new Error('no file needed reading');
};

/** The absolute path of a folder given by the user; one clear line (exit 1) when it is not one. */
export function checkFolder(dir: string): string {
  const folder = resolve(dir);
  const shown = sanitizeLine(dir);
  try {
    if (!statSync(folder).isDirectory()) throw new CliError(`${shown} is not a folder`);
  } catch (error) {
    if (error instanceof CliError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(code === 'ENOENT' || code === 'ENOTDIR' ? `no such folder: ${shown}` : `cannot read the folder ${shown} (${code ?? 'error'})`);
  }
  return folder;
}

/** The post parser (Markdown, YAML, TOML) with the site's rules: loaded only when a file has to be read. */
export async function loadPostParser(site: Site): Promise<ParsePost> {
  const { entryWith } = await import('../content/postEntry.js');
  return (source, file) => entryWith(site, source, file);
}

/** The site a folder is (Hugo, Jekyll, … or a plain folder); its configuration not parsing is one line. */
export async function folderSite(folder: string): Promise<Site> {
  try {
    return await loadSite(folder);
  } catch (error) {
    throw new CliError(`cannot read the site's configuration: ${sanitizeLine(String((error as Error).message ?? error))}`);
  }
}

function folderError(folder: string, error: unknown): CliError {
  const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
  return new CliError(`cannot read the folder ${sanitizeLine(folder)} (${code})`);
}

/** Builds the index of a posts folder, with progress on a terminal; a folder that vanished is one line. */
export function indexFolder(folder: string, parse: ParsePost, options: BuildOptions, stderr: ReportStream): BuiltIndex {
  const progress = progressReporter(stderr);
  try {
    return buildIndexWith(parse, folder, { ...options, onProgress: progress.update });
  } catch (error) {
    throw folderError(folder, error);
  } finally {
    progress.done();
  }
}

/** A posts folder opened: its site, and its cache as it stands. */
interface OpenedFolder {
  folder: string;
  root: string;
  site: Site;
  stamp: string;
  cachePath: string;
  cached: CacheRead;
  say: (text: string) => void;
}

async function openFolder(dir: string, options: FolderOptions, io: FolderIo, useCache = true): Promise<OpenedFolder> {
  const folder = checkFolder(dir);
  const say = (text: string) => void (options.verbose && io.stderr.write(`blog-tui: ${sanitizeLine(text)}\n`));
  const site = await folderSite(folder);
  if (site.only) say(`a ${site.generator} site: reading ${site.only.join(' and ')}`);
  const stamp = `${STAMP} ${site.fingerprint}`;
  const root = realpathSync(folder);
  const cachePath = cacheFile(root, io.env);
  const cached: CacheRead = useCache ? readCache(cachePath, root, stamp) : { reason: 'not read' };
  if (!useCache) return { folder, root, site, stamp, cachePath, cached, say };
  if (!cached.records && cached.untrusted) io.stderr.write(`blog-tui: ${sanitizeLine(cached.reason)}\n`);
  else if (!cached.records) say(`${cached.reason}: indexing every file`);
  return { folder, root, site, stamp, cachePath, cached, say };
}

/** A walk of the folder `root`; its failure said as the folder's. */
function walking<T>(root: string, walk: () => T): T {
  try {
    return walk();
  } catch (error) {
    throw folderError(root, error);
  }
}

function walkFolder(root: string, site: Site): WalkResult {
  return walking(root, () => walkPostFiles(root, site.only));
}

function listFolder(root: string, site: Site): ReturnType<typeof listPostFiles> {
  return walking(root, () => listPostFiles(root, site.only));
}

/** Reads the files added or changed since the cache was written, and writes the cache again. */
async function buildFolder(opened: OpenedFolder, walk: WalkResult, options: FolderOptions, io: FolderIo): Promise<PostEntry[]> {
  const { root, site, cached, say } = opened;
  const started = performance.now();
  // A warm start with every file unchanged needs no parser at all.
  const posts = walk.files.filter((f) => site.isPost(f.file));
  const toRead = posts.filter((f) => !unchanged(f, cached.records));
  // Many files to read (a folder seen for the first time): read ahead, on two threads where
  // the machine has the cores for it (parallelRead.ts), the figures told as they come.
  const readAhead = toRead.length >= PARALLEL_FROM && !io.readFile ? await readAheadInParallel(opened, toRead, io) : undefined;
  const parse = toRead.length === 0 || readAhead ? unused : await loadPostParser(site);
  const built = indexFolder(root, parse, { ...buildOptions(opened, options), previous: cached.records, readAhead, readFile: io.readFile, onRecord: io.onRecord, walk }, io.stderr);
  site.knowPosts?.(built.index.posts);
  if (!cached.untrusted && (built.read > 0 || !cached.records || built.records.length !== cached.records.size)) {
    try {
      writeCache(opened.cachePath, root, opened.stamp, built.records, { title: site.title, hidesFuture: site.hidesFuture });
    } catch (error) {
      say(`cannot write the cache ${opened.cachePath} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    }
  }
  reportProblems(built.problems, options.verbose, io.stderr);
  const ms = Math.round(performance.now() - started);
  say(`${built.records.length} Markdown files, ${built.read} read, ${built.records.length - built.read} from the cache (${ms} ms)`);
  if (built.records.length === 0) io.stderr.write(`blog-tui: no Markdown posts (.md, .markdown) in ${sanitizeLine(opened.folder)}\n`);
  return built.index.posts;
}

async function readAheadInParallel(opened: OpenedFolder, files: PostFile[], io: FolderIo): Promise<Map<string, FileRecord>> {
  const progress = progressReporter(io.stderr);
  try {
    return await readFilesInParallel(opened.folder, files, () => loadPostParser(opened.site), (path) => readBounded(path, MAX_POST_BYTES), progress.update, io.onRecord);
  } catch (error) {
    throw folderError(opened.root, error);
  } finally {
    progress.done();
  }
}

function buildOptions(opened: OpenedFolder, options: FolderOptions): BuildOptions {
  return { drafts: options.drafts, future: options.future === true, ...siteOptions(opened.site) };
}

function sourceOf(opened: Pick<OpenedFolder, 'root' | 'site' | 'folder'>, posts: PostEntry[]): PostSource {
  const { root, site, folder } = opened;
  return {
    id: root,
    name: site.title ?? basename(folder),
    posts,
    readBody: (entry) => {
      const source = readPostSource(root, entry);
      return site.prepareBody(postBody(source, site.frontMatterAtStart === true), entry.file, site.frontMatterOf?.(source));
    },
    filePath: (entry) => postPath(root, entry),
  };
}

/** How much of the folder is checked before the posts are given back. */
export type FolderCheck =
  /** Every file (size and mtime), reading the changed ones: `list`, `index`, piped output. */
  | 'all'
  /**
   * Nothing when the cache is usable: its posts are given at once, and `refresh` checks every
   * file later (in a worker thread where one is built) and gives the posts again if they
   * changed. Without a usable cache, only the files' front matter is read at first (the posts
   * are `pending`) and `refresh` reads the rest. The full-screen app.
   */
  | 'later'
  /** Only the file of the post `query` names, when the cache is usable and that file is unchanged (`read`). */
  | { post: string };

/** What a later check of the folder found: the posts when they changed, and what it would have said on stderr. */
export interface FolderUpdate {
  posts?: PostEntry[];
  /** The files read again because they changed (or were added) since the cache was written. */
  changed?: string[];
  lines: string[];
}

/**
 * The posts of a folder of Markdown files (`--posts DIR`). The index comes from the cache where
 * the files are unchanged; files added, changed or removed since are read, and the cache is
 * rewritten. Problems are reported on stderr as one line (every file with `verbose`). With
 * `check` other than 'all', a usable cache is trusted at first (see FolderCheck).
 */
export async function loadFolderPosts(
  dir: string,
  options: FolderOptions,
  io: FolderIo = { stderr: STANDARD_ERROR, env: process.env },
  check: FolderCheck = 'all',
): Promise<PostSource> {
  const opened = await openFolder(dir, options, io);
  const { cached } = opened;
  if (check !== 'all' && cached.records) {
    const records = [...cached.records.values()];
    const { index, problems } = indexFromRecords(records, buildOptions(opened, options), cached.order);
    const posts = index.posts;
    if (typeof check === 'object') {
      const match = findPost(check.post, posts);
      // The post's own file unchanged: nothing else needs a look. Anything else: every file.
      if (match.kind === 'found' && fileUnchanged(opened.root, match.entry, cached.records.get(match.entry.file))) {
        opened.site.knowPosts?.(posts);
        reportProblems(problems, options.verbose, io.stderr);
        opened.say(`${records.length} Markdown files from the cache; only ${match.entry.file} checked`);
        return sourceOf(opened, posts);
      }
    } else {
      opened.site.knowPosts?.(posts);
      reportProblems(problems, options.verbose, io.stderr);
      opened.say(`${records.length} Markdown files from the cache; the folder is checked in the background`);
      const files = cached.files;
      return { ...sourceOf(opened, posts), refresh: (signal) => checkFolderLater(dir, options, io.env, files, signal) };
    }
  }
  if (check === 'later' && !cached.records) return frontMatterFirst(dir, opened, options, io);
  return sourceOf(opened, await buildFolder(opened, walkFolder(opened.root, opened.site), options, io));
}

/** A fingerprint no folder has: the check that follows reads every file. */
const NO_FILES = '';

/**
 * A folder without a usable cache, for the full-screen app: every file's front matter is read
 * (titles, dates, drafts: what the list needs to be shown and ordered), the Markdown is not
 * parsed. The posts are `pending` (no word count or reading time yet); `refresh` then builds
 * the whole index in the folder-check worker, writes the cache and gives the posts again.
 */
async function frontMatterFirst(dir: string, opened: OpenedFolder, options: FolderOptions, io: FolderIo): Promise<PostSource> {
  const { site } = opened;
  const walk = walkFolder(opened.root, site);
  const { frontMatterEntry } = await import('../content/frontMatterEntry.js');
  const parse: ParsePost = (source, file) => frontMatterEntry(site, source, file);
  const built = indexFolder(opened.root, parse, { ...buildOptions(opened, options), readFile: io.readFile, walk }, io.stderr);
  site.knowPosts?.(built.index.posts);
  opened.say(`${built.records.length} Markdown files, front matter read; word counts and summaries are read in the background`);
  let shown = built.index.posts;
  const byFile = new Map(shown.map((post, i) => [post.file, i]));
  // Entries read in the background take the place of their pending ones (keeping the list's URL
  // path, made unique over the whole list); the check's final posts replace them all.
  const fillIn = (entries: PostEntry[]): PostEntry[] => {
    shown = shown.slice();
    for (const entry of entries) {
      const i = byFile.get(entry.file);
      if (i !== undefined) shown[i] = { ...entry, url: shown[i]!.url };
    }
    return shown;
  };
  return {
    ...sourceOf(opened, shown),
    refresh: (signal, onPosts) => checkFolderLater(dir, options, io.env, NO_FILES, signal, onPosts && ((entries) => onPosts(fillIn(entries)))),
  };
}

/**
 * The post `query` names in a folder whose cache is usable, found in the cache's lookup and read
 * from its own record, without reading the whole cache: a source of that post alone (`read` piped,
 * which shows nothing else). Undefined when the lookup cannot say (no lookup, another version,
 * no single post matches, the post's file changed): loadFolderPosts then decides, as always.
 */
export async function loadOnePost(dir: string, query: string, env: NodeJS.ProcessEnv = process.env): Promise<PostSource | undefined> {
  const folder = checkFolder(dir);
  const site = await folderSite(folder);
  const root = realpathSync(folder);
  const cachePath = cacheFile(root, env);
  const stamp = `${STAMP} ${site.fingerprint}`;
  // A post named wholly is found in its bucket of the slug file, unless the site needs every
  // post to prepare one (links between posts); else in the whole lookup.
  const near = site.knowPosts ? undefined : readSlugBuckets(cachePath, root, stamp, queryKeys(query));
  let found = near && findExact(query, near);
  let posts: LookupPost[] | undefined;
  if (found === null) return undefined;
  if (found === undefined) {
    posts = readCacheLookup(cachePath, root, stamp);
    if (!posts) return undefined;
    const match = findPost(query, posts);
    if (match.kind !== 'found') return undefined;
    found = match.entry;
  }
  const record = readRecordAt(cachePath, found);
  if (!record?.entry || !fileUnchanged(root, record.entry, record)) return undefined;
  if (posts) site.knowPosts?.(posts);
  return sourceOf({ folder, root, site }, [record.entry]);
}

/** Whether a cached file is still the same size and mtime (and still a regular file). */
function fileUnchanged(root: string, entry: PostEntry, record: FileRecord | undefined): boolean {
  if (!record) return false;
  try {
    const stats = statSync(fsPath(postPath(root, entry)));
    return stats.isFile() && stats.size === record.size && stats.mtimeMs === record.mtimeMs;
  } catch {
    return false;
  }
}

/**
 * Walks the folder and compares its files with the cache's fingerprint `files`: unchanged, only
 * the walk's own problems; changed, the changed files are read, the cache written again, and the
 * new posts given. Runs in the folder-check worker thread (src/cli/folderCheckWorker.ts).
 */
export async function checkFolderNow(dir: string, options: FolderOptions, env: NodeJS.ProcessEnv, files: string, onPartial?: (entries: PostEntry[]) => void): Promise<FolderUpdate> {
  const lines: string[] = [];
  const stderr: ReportStream = { isTTY: false, write: (text: string) => void lines.push(...String(text).split('\n').filter(Boolean)) };
  const batches = onPartial && entriesInBatches(onPartial);
  // The files read again (changed or added since the cache was written): their posts' layouts are old.
  const changed: string[] = [];
  const io: FolderIo = {
    stderr,
    env,
    onRecord: (record) => {
      changed.push(record.file);
      batches?.(record);
    },
  };
  // The cache is read only when something changed: the files' list alone is compared with it,
  // and the folder walked again for their paths only then.
  const walked = await openFolder(dir, options, io, false);
  const listed = listFolder(walked.root, walked.site);
  if (filesFingerprint(listed.files.filter((f) => walked.site.isPost(f.file))) === files) {
    reportProblems(listed.problems, options.verbose, stderr);
    return { lines };
  }
  const posts = await buildFolder(await openFolder(dir, options, io), walkFolder(walked.root, walked.site), options, io);
  // A folder without a cache: every file was read for the first time, none changed.
  return files === NO_FILES ? { posts, lines } : { posts, lines, changed };
}

/** How often the entries read so far are handed over while a folder is indexed. */
const PARTIAL_MS = 250;

/** Collects the entries of records as they are read and hands them over: the first at once, then at most every PARTIAL_MS. */
function entriesInBatches(onPartial: (entries: PostEntry[]) => void): (record: FileRecord) => void {
  let entries: PostEntry[] = [];
  let sentAt = -Infinity;
  return (record) => {
    if (record.entry) entries.push(record.entry);
    if (performance.now() - sentAt < PARTIAL_MS || entries.length === 0) return;
    onPartial(entries);
    entries = [];
    sentAt = performance.now();
  };
}

/**
 * checkFolderNow in the folder-check worker thread of the built app (ended on `signal`), else in
 * this thread after the current task. `onPartial` is given the entries of files read so far, in
 * batches, while a folder is indexed.
 */
export function checkFolderLater(dir: string, options: FolderOptions, env: NodeJS.ProcessEnv, files: string, signal?: AbortSignal, onPartial?: (entries: PostEntry[]) => void): Promise<FolderUpdate> {
  return workerTask<FolderUpdate, PostEntry[]>('folder-check', { dir, options, files, partial: onPartial !== undefined } satisfies FolderCheckRequest, () => checkFolderNow(dir, options, env, files, onPartial), signal, onPartial, FOLDER_CHECK_LIMITS);
}

/** What the folder-check worker is given. */
export interface FolderCheckRequest {
  dir: string;
  options: FolderOptions;
  files: string;
  /** Send the entries read so far while indexing (`{ partial }` messages). */
  partial?: boolean;
}

