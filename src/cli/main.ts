import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import pkg from '../../package.json' with { type: 'json' };
import { sanitizeLine } from '../content/sanitize.js';
import { CliError } from './errors.js';
import { isFileArgument } from './fileArgument.js';
import { failureCode, write, type ColorWhen, type GlobalOptions } from './commandSupport.js';
import { runFile, runRead } from './readCommand.js';
import { isAddress } from './quickArgs.js';
import { runList, runStart } from './startCommand.js';
import { bundledPostsDir } from './bundledPosts.js';
import { settingsFor } from './settings.js';
import type { StyleSetting } from '../render/style.js';
import { STYLE_NAMES, type GivenSettings, type Settings } from '../config/settings.js';

const EXAMPLES = `
Examples:
  blog-tui                      browse the posts (list, then Enter to read)
  blog-tui read cors            read the post whose slug or URL path contains "cors"
  blog-tui read cors | less     the same post as plain text, in your pager
  blog-tui read cors --color=always | less -R
                                the same with colour (FORCE_COLOR=1 does it too)
  blog-tui read cors --width 60 > cors.txt
                                piped text wraps at --width, else $COLUMNS, else 80
  blog-tui notes.md             read any Markdown file (its front matter is used)
  curl -s URL/post.md | blog-tui read -
                                read standard input; keys still come from the terminal
  blog-tui list                 the posts as a table
  blog-tui list --json | jq '.[].slug'
  blog-tui https://example.com/ browse a blog by its address (its feed is found and cached)
  blog-tui --url https://example.com/ list
  blog-tui add https://example.com/ --name Example
                                subscribe: the start screen lists every subscription
  blog-tui feeds                the subscriptions; blog-tui sync refreshes them all
  blog-tui --posts ~/my-blog    browse a Hugo, Jekyll, Zola, Docusaurus, Astro or Next.js site, or any folder of Markdown
  BLOG_TUI_POSTS=~/my-blog blog-tui list --verbose
  blog-tui index ~/my-blog --out index.json
  blog-tui --style light        colours for a light background (dark, light, auto, plain)
  blog-tui config               the settings in force, where each comes from, and the files
  blog-tui config --init        write a commented config file to start from`;

function parseWidth(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 20 || n > 1000) throw new InvalidArgumentError('expected a whole number from 20 to 1000');
  return n;
}


function parseColor(value: string): ColorWhen {
  if (value === 'auto' || value === 'always' || value === 'never') return value;
  throw new InvalidArgumentError('expected auto, always or never');
}

async function runIndex(dir: string | undefined, options: { out?: string }, settings: Settings, globals: GlobalOptions): Promise<number> {
  const { serializeIndex, writeIndex } = await import('../content/postIndex.js');
  const { checkFolder, folderSite, indexFolder, loadPostParser } = await import('./folderPosts.js');
  const { siteOptions } = await import('../content/siteOptions.js');
  const { reportProblems } = await import('./indexReport.js');
  const given = dir ?? settings.posts.value;
  const folder = given ? checkFolder(given) : bundledPostsDir();
  const site = await folderSite(folder);
  const buildOptions = { drafts: globals.drafts === true, future: globals.future === true, ...siteOptions(site) };
  const built = indexFolder(folder, await loadPostParser(site), buildOptions, process.stderr);
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

/** The settings given on the command line or in the environment, and by which. */
function givenSettings(program: Command): GivenSettings {
  const opts = program.opts<GlobalOptions>();
  const from = (name: string, option: string, variable?: string) => {
    const source = program.getOptionValueSource(name);
    if (source === 'cli') return { source: 'option' as const, where: option };
    if (source === 'env' && variable) return { source: 'environment' as const, where: variable };
    return undefined;
  };
  const given: GivenSettings = {};
  const posts = from('posts', '--posts', 'BLOG_TUI_POSTS');
  if (posts && opts.posts) given.posts = { value: opts.posts, ...posts };
  const style = from('style', '--style');
  if (style && opts.style) given.style = { value: opts.style, ...style };
  const mouse = from('mouse', '--no-mouse');
  if (mouse && opts.mouse !== undefined) given.mouse = { value: opts.mouse, ...mouse };
  return given;
}

/** Options that take a value: the word after one is its value, not an argument. */
const VALUE_OPTIONS = new Set(['--posts', '--url', '--style', '--color', '-w', '--width', '-o', '--out', '--name']);

/**
 * `blog-tui https://example.com/ [command]`: an address as the first argument is `--url`, so that
 * a command may follow it.
 */
function addressAsOption(argv: string[]): string[] {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') return argv;
    if (arg.startsWith('-')) {
      if (VALUE_OPTIONS.has(arg)) i++;
      continue;
    }
    return isAddress(arg) ? [...argv.slice(0, i), '--url', arg, ...argv.slice(i + 1)] : argv;
  }
  return argv;
}

export async function main(givenArgv: string[]): Promise<number> {
  const argv = addressAsOption(givenArgv);
  let code = 0;
  const program = new Command()
    .name('blog-tui')
    .description('Read the blog in your terminal: a post list and a Markdown reader with less-style keys.')
    .version(pkg.version, '-V, --version')
    .exitOverride()
    .configureOutput({
      // Usage errors as one line: what is wrong and where to look.
      // commander quotes the argument it rejects, so the line is sanitized like any other.
      outputError: (text, write) => write(`blog-tui: ${sanitizeLine(text.trim().replace(/^error: /, ''))} (see blog-tui --help)\n`),
    })
    .addHelpText('after', EXAMPLES)
    .option('--url <address>', "read a blog by its address: its feed (RSS, Atom, JSON Feed), found from the address and cached")
    .addOption(new Option('--posts <dir>', 'read the Markdown posts of this folder (a Hugo, Jekyll, Zola, Docusaurus, Astro or Next.js site, any folder of .md files)').env('BLOG_TUI_POSTS'))
    .option('--drafts', 'include posts marked as drafts')
    .option('--future', 'include posts the site hides for their dates (dated in the future, or expired)')
    .option('--verbose', 'list each file that could not be used, and say what the cache did')
    .option('--no-state', 'do not read or write the reading state (read marks, positions, bookmarks)')
    .option('--no-mouse', 'do not take the mouse (wheel and clicks); Shift+drag selects text either way')
    .addOption(new Option('--style <style>', 'colours: auto (by the terminal\'s background), dark, light or plain').choices(STYLE_NAMES))
    .addOption(new Option('--color <when>', 'colour: auto (the terminal, NO_COLOR, FORCE_COLOR), always, never').argParser(parseColor))
    .argument('[file]', 'a Markdown file to read (the same as read FILE), or a blog\'s address (the same as --url)')
    .action(async (file: string | undefined) => {
      const settings = await settingsFor(givenSettings(program));
      if (file !== undefined) {
        if (!isFileArgument(file)) throw new CliError(`unknown command '${sanitizeLine(file)}' (see blog-tui --help)`, 2);
        code = await runFile(file, {}, settings, globals());
        return;
      }
      code = await runStart(settings, globals());
    });
  program.helpCommand('help [command]', 'show the help of blog-tui or of one command');
  const globals = () => program.opts<GlobalOptions>();

  program
    .command('read')
    .description('read one post, a Markdown file or standard input (-): the reader on a terminal, plain text when piped')
    .argument('<post>', 'the post: its URL path or slug, or any unique part of either; or a Markdown file; or - for standard input')
    .addOption(new Option('-w, --width <columns>', 'wrap width when not on a terminal (default: $COLUMNS, else 80)').argParser(parseWidth))
    .action(async (slug: string, options: { width?: number }) => {
      code = await runRead(slug, options, await settingsFor(givenSettings(program)), globals());
    });

  program
    .command('list')
    .description('print the posts: date, reading time, words, slug and title')
    .option('--json', 'the index entries as a JSON array')
    .action(async (options: { json?: boolean }) => {
      code = await runList(options.json === true, await settingsFor(givenSettings(program)), globals());
    });

  program
    .command('index')
    .description('build the post index of a folder of Markdown posts (default: the --posts folder, else the bundled posts)')
    .argument('[dir]', 'the folder of posts')
    .option('-o, --out <file>', 'write the index to this file instead of standard output')
    .action(async (dir: string | undefined, options: { out?: string }) => {
      code = await runIndex(dir, options, await settingsFor(givenSettings(program)), globals());
    });

  const feedIo = () => ({ stdout: write, stderr: process.stderr, env: process.env });
  program
    .command('add')
    .description('subscribe to a blog by its address: its feed is found and fetched, then added to the config file as [[feeds]]')
    .argument('<address>', 'the blog\'s address, or its feed\'s')
    .option('--name <name>', 'the name to show instead of the feed\'s title')
    .action(async (url: string, options: { name?: string }) => {
      const { runAdd } = await import('./feedCommands.js');
      code = await runAdd(url, options.name, await settingsFor(givenSettings(program)), feedIo());
    });

  program
    .command('feeds')
    .description('list the blogs subscribed to: name, address, posts and when each was fetched')
    .action(async () => {
      const { runFeeds } = await import('./feedCommands.js');
      code = await runFeeds(await settingsFor(givenSettings(program)), feedIo());
    });

  program
    .command('remove')
    .description('unsubscribe from a blog, named by its address or its name')
    .argument('<feed>', 'the address or the name of the subscription')
    .action(async (which: string) => {
      const { runRemove } = await import('./feedCommands.js');
      code = await runRemove(which, await settingsFor(givenSettings(program)), feedIo());
    });

  program
    .command('sync')
    .description('refresh every subscription (conditional requests, three at a time), one line each')
    .action(async () => {
      const { runSync } = await import('./feedCommands.js');
      code = await runSync(await settingsFor(givenSettings(program)), feedIo());
    });

  program
    .command('config')
    .description('print the settings in force, where each comes from, and the paths of the config, state and cache')
    .option('--init', 'write a commented config file with the defaults (never over an existing file)')
    .action(async (options: { init?: boolean }) => {
      const { runConfig } = await import('./configOutput.js');
      code = await runConfig(options.init === true, givenSettings(program), write);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    return failureCode(error);
  }
}
