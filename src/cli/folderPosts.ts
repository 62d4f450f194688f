import { realpathSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import pkg from '../../package.json' with { type: 'json' };
import { postBody } from '../content/frontMatterFences.js';
import { cacheFile, readCache, writeCache } from '../content/indexCache.js';
import { buildIndexWith, unchanged, type BuildOptions, type BuiltIndex, type ParsePost } from '../content/indexBuild.js';
import { readPostSource, postPath } from '../content/postIndexFile.js';
import { walkPostFiles } from '../content/postFiles.js';
import { sanitizeLine } from '../content/sanitize.js';
import type { PostSource } from '../tui/postSource.js';
import { CliError } from './errors.js';
import { progressReporter, reportProblems, type ReportStream } from './indexReport.js';

export interface FolderOptions {
  drafts: boolean;
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

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

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

const HUGO_CONFIG = ['hugo.toml', 'hugo.yaml', 'hugo.yml', 'hugo.json', 'config.toml', 'config.yaml', 'config.yml', 'config.json'];

/** Where the posts are in a folder: all of it, or for a site's root only some subfolders. */
export interface PostsLayout {
  /** The site generator, when the folder is a site's root. */
  site?: 'Hugo' | 'Jekyll';
  /** The subfolders that hold posts; all of the folder when absent. */
  only?: string[];
}

/**
 * A Hugo site's root keeps its posts in content/posts (else all of content/), a Jekyll site's
 * root in _posts and _drafts; any other folder is all posts.
 */
export function postsLayout(folder: string): PostsLayout {
  const has = (name: string) => {
    try {
      return statSync(join(folder, name)).isFile();
    } catch {
      return false;
    }
  };
  if (HUGO_CONFIG.some(has) && isFolder(join(folder, 'content'))) {
    return { site: 'Hugo', only: [isFolder(join(folder, 'content', 'posts')) ? 'content/posts' : 'content'] };
  }
  if ((has('_config.yml') || has('_config.yaml')) && isFolder(join(folder, '_posts'))) {
    return { site: 'Jekyll', only: ['_posts', '_drafts'] };
  }
  return {};
}

/** The post parser (Markdown, YAML, TOML): loaded only when a file has to be read. */
export async function loadPostParser(): Promise<ParsePost> {
  return (await import('../content/postEntry.js')).entryFromSource;
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
  const layout = postsLayout(folder);
  const say = (text: string) => options.verbose && io.stderr.write(`blog-tui: ${sanitizeLine(text)}\n`);
  if (layout.site) say(`a ${layout.site} site: reading ${layout.only!.join(' and ')}`);

  const started = performance.now();
  const root = realpathSync(folder);
  const cachePath = cacheFile(root, io.env);
  const cached = readCache(cachePath, root, STAMP);
  if (!cached.records) say(`${cached.reason}: indexing every file`);
  let walk;
  try {
    walk = walkPostFiles(root, layout.only);
  } catch (error) {
    throw folderError(root, error);
  }
  // A warm start with every file unchanged needs no parser at all.
  const parse = walk.files.every((f) => unchanged(f, cached.records)) ? unused : await loadPostParser();
  const built = indexFolder(root, parse, { drafts: options.drafts, only: layout.only, previous: cached.records, readFile: io.readFile, walk }, io.stderr);
  if (built.read > 0 || built.records.length !== cached.records?.size) {
    try {
      writeCache(cachePath, root, STAMP, built.records);
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
    name: basename(folder),
    posts: built.index.posts,
    readBody: (entry) => postBody(readPostSource(root, entry)),
    filePath: (entry) => postPath(root, entry),
  };
}
