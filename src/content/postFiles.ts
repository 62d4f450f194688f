import { opendirSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
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

/** What a folder entry is, as the folder says (no stat). */
type EntryKind = 'file' | 'folder' | 'link' | 'other';

interface FolderEntry {
  name: string;
  kind: EntryKind;
}

function entryKind(entry: Dirent | Dirent<Buffer>): EntryKind {
  if (entry.isSymbolicLink()) return 'link';
  if (entry.isDirectory()) return 'folder';
  return entry.isFile() ? 'file' : 'other';
}

/** The entries of a folder, read a few hundred at a time: a name and a kind each, nothing more kept. */
function readEntries(folder: string, encoding: 'utf8' | 'buffer'): Array<{ name: string | Buffer; kind: EntryKind }> {
  const dir = opendirSync(fsPath(folder), { bufferSize: 256, encoding: encoding as 'utf8' });
  const out: Array<{ name: string | Buffer; kind: EntryKind }> = [];
  try {
    for (let entry = dir.readSync(); entry; entry = dir.readSync()) out.push({ name: entry.name, kind: entryKind(entry) });
  } finally {
    dir.closeSync();
  }
  return out;
}

/**
 * A folder's entries with their names as nameFromBytes gives them. Node's names are those
 * whenever no name has a U+FFFD (which stands for bytes that are not UTF-8); then the folder is
 * read again as bytes, so that such a name still names its file (fileNames.ts). Reading all the
 * names at once as Dirents, or as bytes, cost 20 to 30 MB more for a folder of 50,000 posts.
 */
function folderEntries(folder: string): FolderEntry[] {
  const entries = readEntries(folder, 'utf8') as FolderEntry[];
  if (!entries.some((entry) => entry.name.includes('\ufffd'))) return entries;
  return readEntries(folder, 'buffer').map(({ name, kind }) => ({ name: nameFromBytes(name as Buffer), kind }));
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
  return walkFiles(dir, only, (file, real, stats) => ({ file, path: real, size: stats.size, mtimeMs: stats.mtimeMs }));
}

/** A file the walk found, without the path to read it: what a check against a cache compares. */
export type ListedFile = Omit<PostFile, 'path'>;

/** walkPostFiles without the files' paths (megabytes fewer in a folder of 50,000 posts). */
export function listPostFiles(dir: string, only?: readonly string[]): { root: string; files: ListedFile[]; problems: WalkProblem[] } {
  return walkFiles(dir, only, (file, _real, stats) => ({ file, size: stats.size, mtimeMs: stats.mtimeMs }));
}

/** The walk, keeping of each file what `keep` makes of its name in the folder, its real path and its stat. */
function walkFiles<T extends { file: string }>(dir: string, only: readonly string[] | undefined, keep: (file: string, real: string, stats: Stats) => T): { root: string; files: T[]; problems: WalkProblem[] } {
  const root = realpathSync(dir);
  const files: T[] = [];
  const problems: WalkProblem[] = [];
  const visitedFolders = new Set<string>([root]);
  // Each file's real path and name, to tell a link to a file already found. The folder's own
  // files (read first, each folder once) cannot repeat: the map is made when the first link is
  // followed, from the files found until then, whose real paths are their paths in the folder.
  let seenFiles: Map<string, string> | undefined;

  const problem = (file: string, reason: string, severity: WalkProblem['severity'] = 'skipped') =>
    problems.push({ file, reason, severity });

  function addFile(file: string, real: string, stats: Stats): void {
    if (seenFiles) {
      const first = seenFiles.get(real);
      if (first !== undefined) {
        problem(file, `the same file as ${first}, left out`, 'warning');
        return;
      }
      seenFiles.set(real, file);
    }
    files.push(keep(file, real, stats));
  }

  // Links are followed after the folder's own files and folders, so a file is known by its own
  // path rather than a link's, and a link never hides what it points to.
  const links: Array<{ path: string; file: string; markdown: boolean }> = [];

  function visit(folderReal: string, prefix: string): void {
    let entries: FolderEntry[];
    try {
      entries = folderEntries(folderReal);
    } catch (error) {
      problem(prefix || '.', `folder ${errorReason(error)}`);
      return;
    }
    const bundle = prefix === '' ? [] : entries.filter((e) => BUNDLE_INDEX.test(e.name) && e.kind !== 'folder');
    const chosen = bundle.length ? bundle : entries;
    for (const { name, kind } of chosen.sort((a, b) => codeUnitOrder(a.name, b.name))) {
      if (ignored(name)) continue;
      const file = prefix + name;
      const path = join(folderReal, name);
      const markdown = MARKDOWN_FILE.test(name) && !SECTION_INDEX.test(name);
      if (kind === 'link') links.push({ path, file, markdown });
      else if (kind === 'folder') enterFolder(path, file, false);
      else if (kind === 'file' && markdown) statThenAdd(file, path);
    }
  }

  function followLink({ path, file, markdown }: (typeof links)[number]): void {
    seenFiles ??= new Map(files.map((f) => [join(root, f.file), f.file]));
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
