import { realpathSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import pkg from '../../package.json' with { type: 'json' };
import { postBody } from '../content/frontMatterFences.js';
import { cacheFile, readCache, writeCache } from '../content/indexCache.js';
import { buildIndexWith, unchanged, type BuildOptions, type BuiltIndex, type ParsePost } from '../content/indexBuild.js';
import { siteOptions } from '../content/siteOptions.js';
import { readPostSource, postPath } from '../content/postIndexFile.js';
import { walkPostFiles } from '../content/postFiles.js';
import { loadSite, type Site } from '../content/generators/registry.js';
import { sanitizeLine } from '../content/sanitize.js';
import type { PostSource } from '../tui/postSource.js';
import { CliError } from './errors.js';
import { progressReporter, reportProblems, type ReportStream } from './indexReport.js';

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

/**
 * The posts of a folder of Markdown files (`--posts DIR`). The index comes from the cache where
 * the files are unchanged; files added, changed or removed since are read, and the cache is
 * rewritten. Problems are reported on stderr as one line (every file with `verbose`).
 */
export async function loadFolderPosts(dir: string, options: FolderOptions, io: FolderIo = { stderr: process.stderr, env: process.env }): Promise<PostSource> {
  const folder = checkFolder(dir);
  const say = (text: string) => options.verbose && io.stderr.write(`blog-tui: ${sanitizeLine(text)}\n`);
  const site = await folderSite(folder);
  if (site.only) say(`a ${site.generator} site: reading ${site.only.join(' and ')}`);
  const stamp = `${STAMP} ${site.fingerprint}`;

  const started = performance.now();
  const root = realpathSync(folder);
  const cachePath = cacheFile(root, io.env);
  const cached = readCache(cachePath, root, stamp);
  if (!cached.records && cached.untrusted) io.stderr.write(`blog-tui: ${sanitizeLine(cached.reason)}\n`);
  else if (!cached.records) say(`${cached.reason}: indexing every file`);
  let walk;
  try {
    walk = walkPostFiles(root, site.only);
  } catch (error) {
    throw folderError(root, error);
  }
  // A warm start with every file unchanged needs no parser at all.
  const posts = walk.files.filter((f) => site.isPost(f.file));
  const parse = posts.every((f) => unchanged(f, cached.records)) ? unused : await loadPostParser(site);
  const built = indexFolder(root, parse, { drafts: options.drafts, future: options.future === true, ...siteOptions(site), previous: cached.records, readFile: io.readFile, walk }, io.stderr);
  site.knowPosts?.(built.index.posts);
  if (!cached.untrusted && (built.read > 0 || built.records.length !== cached.records?.size)) {
    try {
      writeCache(cachePath, root, stamp, built.records);
    } catch (error) {
      say(`cannot write the cache ${cachePath} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    }
  }
  reportProblems(built.problems, options.verbose, io.stderr);
  const ms = Math.round(performance.now() - started);
  say(`${built.records.length} Markdown files, ${built.read} read, ${built.records.length - built.read} from the cache (${ms} ms)`);
  if (built.records.length === 0) io.stderr.write(`blog-tui: no Markdown posts (.md, .markdown) in ${sanitizeLine(dir)}\n`);

  return {
    id: root,
    name: site.title ?? basename(folder),
    posts: built.index.posts,
    readBody: (entry) => {
      const source = readPostSource(root, entry);
      return site.prepareBody(postBody(source, site.frontMatterAtStart === true), entry.file, site.frontMatterOf?.(source));
    },
    filePath: (entry) => postPath(root, entry),
  };
}
