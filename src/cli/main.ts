import { resolve } from 'node:path';
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
  blog-tui list --json | jq '.[].slug'`;

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

async function runList(json: boolean): Promise<number> {
  const { posts } = loadBundledPosts();
  const width = process.stdout.isTTY ? process.stdout.columns : undefined;
  await write(json ? listJson(posts) : listTable(posts, width));
  return 0;
}

async function runRead(query: string, options: { width?: number }): Promise<number> {
  const source = loadBundledPosts();
  const index = resolveSlug(query, source);
  if (interactive()) {
    const { runTui } = await import('../tui/runTui.js');
    return runTui({ source, standaloneIndex: index, color: colorEnabled(process.stdout) });
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
  await write(renderPostText(entry, body, width, colorEnabled(process.stdout)));
  return 0;
}

async function runIndex(dir: string | undefined, options: { out?: string }): Promise<number> {
  const { buildIndex, serializeIndex, writeIndex } = await import('../content/postIndex.js');
  const folder = resolve(dir ?? bundledPostsDir());
  let built;
  try {
    built = buildIndex(folder);
  } catch (error) {
    throw new CliError(`cannot read the folder ${sanitizeLine(folder)}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  for (const problem of built.problems) {
    process.stderr.write(`blog-tui: ${sanitizeLine(problem.file)}: ${sanitizeLine(problem.reason)}\n`);
  }
  if (options.out) {
    writeIndex(options.out, built.index);
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
    .action(async () => {
      // Without a terminal (a pipe, CI) there is no one to press keys: print the list instead.
      if (!interactive()) {
        code = await runList(false);
        return;
      }
      const { runTui } = await import('../tui/runTui.js');
      code = await runTui({ source: loadBundledPosts(), color: colorEnabled(process.stdout) });
    });

  program
    .command('read')
    .description('read one post: the reader on a terminal, plain text when piped')
    .argument('<slug>', 'the post: its slug, or any unique prefix or part of one')
    .addOption(new Option('-w, --width <columns>', 'wrap width when not on a terminal (default 80)').argParser(parseWidth))
    .action(async (slug: string, options: { width?: number }) => {
      code = await runRead(slug, options);
    });

  program
    .command('list')
    .description('print the posts: date, reading time, words, slug and title')
    .option('--json', 'the index entries as a JSON array')
    .action(async (options: { json?: boolean }) => {
      code = await runList(options.json === true);
    });

  program
    .command('index')
    .description('build the post index of a folder of Markdown posts (default: the bundled posts)')
    .argument('[dir]', 'the folder of posts')
    .option('-o, --out <file>', 'write the index to this file instead of standard output')
    .action(async (dir: string | undefined, options: { out?: string }) => {
      code = await runIndex(dir, options);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof CliError) {
      process.stderr.write(`blog-tui: ${error.message}\n`);
      return error.exitCode;
    }
    if ((error as NodeJS.ErrnoException).code === 'EPIPE') return 0;
    process.stderr.write(`blog-tui: unexpected error: ${sanitizeLine(String((error as Error)?.message ?? error))}\n`);
    return 1;
  }
}
