import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import pkg from '../../package.json' with { type: 'json' };
import { findPost } from '../content/slugLookup.js';
import { sanitizeLine } from '../content/sanitize.js';
import type { PostSource } from '../tui/postSource.js';
import { CliError } from './errors.js';
import { colorEnabled } from './color.js';
import { loadBundledPosts } from './loadPosts.js';
import { listJson, listTable } from './listOutput.js';
import { bundledPostsDir } from './bundledPosts.js';

const EXAMPLES = `
Examples:
  blog-tui                      browse the posts (list, then Enter to read)
  blog-tui read cors            read the post whose slug contains "cors"
  blog-tui read cors | less -R  the same post as text, in your pager
  blog-tui read cors --width 60 > cors.txt
  blog-tui list                 the posts as a table
  blog-tui list --json | jq '.[].slug'
  blog-tui --posts ~/my-blog    browse a Hugo or Jekyll site, or any folder of Markdown
  BLOG_TUI_POSTS=~/my-blog blog-tui list --verbose
  blog-tui index ~/my-blog --out index.json`;

function parseWidth(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 20 || n > 1000) throw new InvalidArgumentError('expected a whole number from 20 to 1000');
  return n;
}

function interactive(): boolean {
  return process.stdin.isTTY === true && process.stdout.isTTY === true;
}

function write(text: string): Promise<void> {
  return new Promise((done) => {
    process.stdout.write(text, () => done());
  });
}

function resolveSlug(query: string, source: PostSource): number {
  const match = findPost(query, source.posts);
  const shown = sanitizeLine(query);
  if (match.kind === 'found') return source.posts.indexOf(match.entry);
  if (match.kind === 'ambiguous') {
    throw new CliError(`"${shown}" matches ${match.candidates.length} posts: ${match.candidates.join(', ')}`);
  }
  const hint = match.closest.length ? `; closest: ${match.closest.join(', ')}` : '';
  throw new CliError(`no post matches "${shown}"${hint}`);
}

/** Options of the program that every command honours. */
interface GlobalOptions {
  posts?: string;
  drafts?: boolean;
  verbose?: boolean;
  /** False with --no-state. */
  state?: boolean;
  /** False with --no-mouse. */
  mouse?: boolean;
}

/** The posts to show: the folder of `--posts` (or BLOG_TUI_POSTS), else the bundled ones. */
async function loadSource(globals: GlobalOptions): Promise<PostSource> {
  if (!globals.posts) return loadBundledPosts();
  const { loadFolderPosts } = await import('./folderPosts.js');
  return loadFolderPosts(globals.posts, { drafts: globals.drafts === true, verbose: globals.verbose === true });
}

async function runList(json: boolean, globals: GlobalOptions): Promise<number> {
  const { posts } = await loadSource(globals);
  const width = process.stdout.isTTY ? process.stdout.columns : undefined;
  await write(json ? listJson(posts) : listTable(posts, width));
  return 0;
}

async function runRead(query: string, options: { width?: number }, globals: GlobalOptions): Promise<number> {
  const source = await loadSource(globals);
  const index = resolveSlug(query, source);
  if (interactive()) {
    const { runTui } = await import('../tui/runTui.js');
    return runTui({ source, standaloneIndex: index, color: colorEnabled(process.stdout), keepState: globals.state !== false, mouse: globals.mouse !== false });
  }
  const entry = source.posts[index]!;
  let body: string;
  try {
    body = source.readBody(entry);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new CliError(`cannot read post "${entry.slug}" (${entry.file}): ${reason}`);
  }
  const { renderPostText } = await import('./readOutput.js');
  const width = options.width ?? (process.stdout.isTTY ? process.stdout.columns : 80);
  await write(await renderPostText(entry, body, width, colorEnabled(process.stdout)));
  return 0;
}

async function runIndex(dir: string | undefined, options: { out?: string }, globals: GlobalOptions): Promise<number> {
  const { serializeIndex, writeIndex } = await import('../content/postIndex.js');
  const { checkFolder, indexFolder, loadPostParser, postsLayout } = await import('./folderPosts.js');
  const { reportProblems } = await import('./indexReport.js');
  const given = dir ?? globals.posts;
  const folder = given ? checkFolder(given) : bundledPostsDir();
  const built = indexFolder(folder, await loadPostParser(), { drafts: globals.drafts === true, only: postsLayout(folder).only }, process.stderr);
  reportProblems(built.problems, globals.verbose === true, process.stderr);
  if (options.out) {
    try {
      writeIndex(options.out, built.index);
    } catch (error) {
      throw new CliError(`cannot write ${sanitizeLine(options.out)} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    }
    process.stderr.write(`blog-tui: wrote ${built.index.posts.length} posts to ${sanitizeLine(options.out)}\n`);
  } else {
    await write(serializeIndex(built.index));
  }
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  let code = 0;
  const program = new Command()
    .name('blog-tui')
    .description('Read the blog in your terminal: a post list and a Markdown reader with less-style keys.')
    .version(pkg.version, '-V, --version')
    .exitOverride()
    .configureOutput({
      // Usage errors as one line: what is wrong and where to look.
      outputError: (text, write) => write(`blog-tui: ${text.trim().replace(/^error: /, '')} (see blog-tui --help)\n`),
    })
    .addHelpText('after', EXAMPLES)
    .addOption(new Option('--posts <dir>', 'read the Markdown posts of this folder (a Hugo or Jekyll site, any folder of .md files)').env('BLOG_TUI_POSTS'))
    .option('--drafts', 'include posts marked as drafts')
    .option('--verbose', 'list each file that could not be used, and say what the cache did')
    .option('--no-state', 'do not read or write the reading state (read marks, positions, bookmarks)')
    .option('--no-mouse', 'do not take the mouse (wheel and clicks); Shift+drag selects text either way')
    .action(async () => {
      // Without a terminal (a pipe, CI) there is no one to press keys: print the list instead.
      if (!interactive()) {
        code = await runList(false, globals());
        return;
      }
      const source = await loadSource(globals());
      const { runTui } = await import('../tui/runTui.js');
      code = await runTui({ source, color: colorEnabled(process.stdout), keepState: globals().state !== false, mouse: globals().mouse !== false });
    });
  const globals = () => program.opts<GlobalOptions>();

  program
    .command('read')
    .description('read one post: the reader on a terminal, plain text when piped')
    .argument('<slug>', 'the post: its slug, or any unique prefix or part of one')
    .addOption(new Option('-w, --width <columns>', 'wrap width when not on a terminal (default 80)').argParser(parseWidth))
    .action(async (slug: string, options: { width?: number }) => {
      code = await runRead(slug, options, globals());
    });

  program
    .command('list')
    .description('print the posts: date, reading time, words, slug and title')
    .option('--json', 'the index entries as a JSON array')
    .action(async (options: { json?: boolean }) => {
      code = await runList(options.json === true, globals());
    });

  program
    .command('index')
    .description('build the post index of a folder of Markdown posts (default: the --posts folder, else the bundled posts)')
    .argument('[dir]', 'the folder of posts')
    .option('-o, --out <file>', 'write the index to this file instead of standard output')
    .action(async (dir: string | undefined, options: { out?: string }) => {
      code = await runIndex(dir, options, globals());
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof CliError) {
      process.stderr.write(`blog-tui: ${sanitizeLine(error.message)}\n`);
      return error.exitCode;
    }
    if ((error as NodeJS.ErrnoException).code === 'EPIPE') return 0;
    process.stderr.write(`blog-tui: unexpected error: ${sanitizeLine(String((error as Error)?.message ?? error))}\n`);
    return 1;
  }
}
