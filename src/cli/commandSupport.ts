// What the commands share: the options every command honours, where posts come from, how text
// is written and wrapped, and whether the full screen can be shown. Nothing here loads the
// command-line parser, so the quick path of a piped `read` (quickRead.ts) uses it too.
import type { PostSource } from '../tui/postSource.js';
import type { FolderCheck } from './folderPosts.js';
import type { StyleSetting } from '../render/style.js';
import type { Settings } from '../config/settings.js';
import { findPost } from '../content/slugLookup.js';
import { sanitizeLine } from '../content/sanitize.js';
import { CliError } from './errors.js';
import { colorEnabled } from './color.js';
import { loadBundledPosts } from './loadPosts.js';

/** A terminal that can show the full screen: TERM names one, and it is not `dumb`. */
export function capableTerminal(env: NodeJS.ProcessEnv = process.env): boolean {
  const term = (env.TERM ?? '').trim();
  return term !== '' && term !== 'dumb' && term !== 'unknown';
}

export function interactive(): boolean {
  // stdout first: asking for process.stdin builds its stream, which piped output has no use for.
  return process.stdout.isTTY === true && process.stdin.isTTY === true && capableTerminal();
}

/** Columns for piped text: --width, else $COLUMNS (when it is a sensible number), else 80. */
export function pipedWidth(given: number | undefined, env: NodeJS.ProcessEnv = process.env): number {
  if (given !== undefined) return given;
  const columns = Number(env.COLUMNS);
  return Number.isInteger(columns) && columns >= 20 && columns <= 1000 ? columns : 80;
}

export type ColorWhen = 'auto' | 'always' | 'never';

/** Colour for a stream: --color=always|never decides; auto follows NO_COLOR, FORCE_COLOR and the terminal. */
export function useColor(stream: { isTTY?: boolean }, globals: GlobalOptions): boolean {
  if (globals.color === 'always') return true;
  if (globals.color === 'never') return false;
  return colorEnabled(stream);
}

export function write(text: string): Promise<void> {
  return new Promise((done) => {
    process.stdout.write(text, () => done());
  });
}

export function resolveSlug(query: string, source: PostSource): number {
  const match = findPost(query, source.posts);
  const shown = sanitizeLine(query);
  if (match.kind === 'found') return source.posts.indexOf(match.entry);
  if (match.kind === 'ambiguous') {
    throw new CliError(`"${shown}" matches ${match.candidates.length} posts: ${match.candidates.map(sanitizeLine).join(', ')}`);
  }
  const hint = match.closest.length ? `; closest: ${match.closest.join(', ')}` : '';
  throw new CliError(`no post matches "${shown}"${hint}`);
}

/** Options of the program that every command honours. */
export interface GlobalOptions {
  posts?: string;
  /** A blog's address (--url, or an address as the program's argument). */
  url?: string;
  drafts?: boolean;
  future?: boolean;
  verbose?: boolean;
  /** False with --no-state. */
  state?: boolean;
  style?: string;
  /** False with --no-mouse. */
  mouse?: boolean;
  color?: ColorWhen;
}

/**
 * The posts to show, from one of the sources: a blog's feed (`--url`), the folder of `--posts`,
 * BLOG_TUI_POSTS or the config file, else the bundled ones.
 */
export async function loadSource(settings: Settings, globals: GlobalOptions, check: FolderCheck = 'all'): Promise<PostSource> {
  if (globals.url !== undefined) {
    const { loadFeedPosts } = await import('./feedPosts.js');
    return loadFeedPosts(globals.url, { verbose: globals.verbose === true }, undefined, check);
  }
  const folder = settings.posts.value;
  if (!folder) return loadBundledPosts();
  const { loadFolderPosts } = await import('./folderPosts.js');
  return loadFolderPosts(folder, { drafts: globals.drafts === true, future: globals.future === true, verbose: globals.verbose === true }, undefined, check);
}

/** What the full-screen app takes from the settings. */
export function tuiSettings(settings: Settings) {
  return { style: settings.style.value as StyleSetting, keys: settings.keys, maxTextWidth: settings.width.value, sort: settings.sort.value, mouse: settings.mouse.value, configProblems: settings.problems.length };
}


/** A command's failure as one line on stderr; the exit code to leave with. */
export function failureCode(error: unknown): number {
  if (error instanceof CliError) {
    process.stderr.write(`blog-tui: ${sanitizeLine(error.message)}\n`);
    return error.exitCode;
  }
  if ((error as NodeJS.ErrnoException).code === 'EPIPE') return 0;
  process.stderr.write(`blog-tui: unexpected error: ${sanitizeLine(String((error as Error)?.message ?? error))}\n`);
  return 1;
}
