import { readdirSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { join, sep } from 'node:path';
import { fsPath, nameFromBytes } from '../state/fileNames.js';

/** A Markdown file found in a posts folder. */
export interface PostFile {
  /** Path relative to the folder, with `/`: the `file` of its index entry. */
  file: string;
  /** Absolute path, through the folder's real path. */
  path: string;
  size: number;
  mtimeMs: number;
}

/** Something the walk passed over: `skipped` could not be used, `warning` was left out on purpose. */
export interface WalkProblem {
  file: string;
  reason: string;
  severity: 'skipped' | 'warning';
}

export interface WalkResult {
  /** The folder's real path: every file found is inside it. */
  root: string;
  /** Sorted by `file`. */
  files: PostFile[];
  problems: WalkProblem[];
}

export const MARKDOWN_FILE = /\.(md|markdown|mdx)$/i;
/**
 * A leaf bundle: a folder with an index.md is one post; other Markdown in it is a resource.
 * A multilingual Hugo site writes one index per language (index.en.md, index.fr.md).
 */
const BUNDLE_INDEX = /^index(\.[a-z]{2,3}(-[a-z0-9]{2,8})?)?\.(md|markdown|mdx)$/i;
/** Hugo's section pages (`_index.md`) list posts; they are not posts. */
const SECTION_INDEX = /^_index\.(md|markdown|mdx)$/i;

/** The real path of a path that may hold bytes that are not UTF-8, in the same form. */
export function realPath(path: string): string {
  // The native call: realpathSync itself reads a Buffer path back as a (lossy) string.
  return nameFromBytes(realpathSync.native(fsPath(path), { encoding: 'buffer' }));
}

/** Hidden files and folders (.git, editor lock files) and node_modules are never read. */
function ignored(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

export function errorReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code ? `cannot read (${code})` : String((error as Error).message ?? error);
}

/** Plain code-unit order, the same on every machine and locale. */
function codeUnitOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function byFile(a: { file: string }, b: { file: string }): number {
  return codeUnitOrder(a.file, b.file);
}

export function isInside(root: string, path: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
}

/**
 * Finds every Markdown post below a folder, recursively. Never leaves the folder: a symbolic
 * link whose target is outside it is skipped, and a folder reached twice (a link loop, or a
 * second link to the same folder) is read only once, so the walk always ends. With `only`,
 * just those subfolders are walked (a site's `content/posts`); paths stay relative to `dir`.
 */
export function walkPostFiles(dir: string, only?: readonly string[]): WalkResult {
  const root = realpathSync(dir);
  const files: PostFile[] = [];
  const problems: WalkProblem[] = [];
  const visitedFolders = new Set<string>([root]);
  const seenFiles = new Map<string, string>();

  const problem = (file: string, reason: string, severity: WalkProblem['severity'] = 'skipped') =>
    problems.push({ file, reason, severity });

  function addFile(file: string, real: string, stats: Stats): void {
    const first = seenFiles.get(real);
    if (first !== undefined) {
      problem(file, `the same file as ${first}, left out`, 'warning');
      return;
    }
    seenFiles.set(real, file);
    files.push({ file, path: real, size: stats.size, mtimeMs: stats.mtimeMs });
  }

  // Links are followed after the folder's own files and folders, so a file is known by its own
  // path rather than a link's, and a link never hides what it points to.
  const links: Array<{ path: string; file: string; markdown: boolean }> = [];

  function visit(folderReal: string, prefix: string): void {
    let entries: Array<{ name: string; entry: Dirent<Buffer> }>;
    try {
      // Names as bytes: a name that is not UTF-8 still names its file (fileNames.ts).
      entries = readdirSync(fsPath(folderReal), { withFileTypes: true, encoding: 'buffer' }).map((entry) => ({ name: nameFromBytes(entry.name), entry }));
    } catch (error) {
      problem(prefix || '.', `folder ${errorReason(error)}`);
      return;
    }
    const bundle = prefix === '' ? [] : entries.filter((e) => BUNDLE_INDEX.test(e.name) && !e.entry.isDirectory());
    const chosen = bundle.length ? bundle : entries;
    for (const { name, entry } of chosen.sort((a, b) => codeUnitOrder(a.name, b.name))) {
      if (ignored(name)) continue;
      const file = prefix + name;
      const path = join(folderReal, name);
      const markdown = MARKDOWN_FILE.test(name) && !SECTION_INDEX.test(name);
      if (entry.isSymbolicLink()) links.push({ path, file, markdown });
      else if (entry.isDirectory()) enterFolder(path, file, false);
      else if (entry.isFile() && markdown) statThenAdd(file, path);
    }
  }

  function followLink({ path, file, markdown }: (typeof links)[number]): void {
    let real: string;
    let stats: Stats;
    try {
      real = realPath(path);
      stats = statSync(fsPath(real));
    } catch (error) {
      if (markdown) problem(file, `broken symbolic link (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
      return;
    }
    if (!stats.isDirectory() && !markdown) return;
    if (!isInside(root, real)) problem(file, 'symbolic link to outside the folder, left out', 'warning');
    else if (stats.isDirectory()) enterFolder(real, file, true);
    else if (stats.isFile()) addFile(file, real, stats);
  }

  function enterFolder(real: string, file: string, viaLink: boolean): void {
    if (visitedFolders.has(real)) {
      if (viaLink) problem(file, 'symbolic link to a folder read already (or a loop), left out', 'warning');
      return;
    }
    visitedFolders.add(real);
    visit(real, `${file}/`);
  }

  function statThenAdd(file: string, real: string): void {
    try {
      addFile(file, real, statSync(fsPath(real)));
    } catch (error) {
      problem(file, errorReason(error));
    }
  }

  if (only) for (const sub of only) followLink({ path: join(root, sub), file: sub, markdown: false });
  else visit(root, '');
  for (let i = 0; i < links.length; i++) followLink(links[i]!);
  files.sort(byFile);
  return { root, files, problems };
}
