// The command lines people type most, read without the command-line parser (commander is
// over 100 KB of code to load and set up before anything is on screen):
//   blog-tui [--posts DIR | --url ADDRESS | ADDRESS] [--style S] [--color W] [--no-state] [--no-mouse]
//     the full-screen app (quickStart.ts),
//   blog-tui [--posts DIR] read POST [--width N] [--color W] [--style S] [--no-state]
//     a piped read, and
//   blog-tui [--posts DIR] list [--color W] [--style S] [--no-state]
//     the list, piped (quickReadStart.ts).
// They are read word by word with the parser's rules for those options; anything else (help, a
// command, another option, a value the parser would refuse, a second argument) is left to the
// parser (main.ts), which says what is wrong.
import type { GivenSettings } from '../config/settings.js';
import { STYLE_NAMES } from '../config/settings.js';
import type { ColorWhen, GlobalOptions } from './commandSupport.js';
import { colorEnabled } from './color.js';

export interface QuickRead {
  post: string;
  width?: number;
  given: GivenSettings;
  globals: GlobalOptions;
}

export interface QuickList {
  given: GivenSettings;
  globals: GlobalOptions;
}

export interface QuickStart {
  given: GivenSettings;
  globals: GlobalOptions;
}

const COLORS: readonly string[] = ['auto', 'always', 'never'];

/** Whether a command-line argument is a web address (any scheme: only http and https are then read). */
export function isAddress(argument: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(argument);
}

/** A `--width` the parser takes: a whole number from 20 to 1000. */
function widthOf(value: string): number | undefined {
  const n = Number(value);
  return Number.isInteger(n) && n >= 20 && n <= 1000 ? n : undefined;
}

/** The words of a command line made only of options read here: the command (`read`), its operands, and the options. */
interface Words {
  read: boolean;
  operands: string[];
  width?: number;
  given: GivenSettings;
  globals: GlobalOptions;
}

function wordsOf(argv: readonly string[], env: NodeJS.ProcessEnv): Words | undefined {
  const globals: GlobalOptions = {};
  const operands: string[] = [];
  let read = false;
  let width: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const takesValue = name === '--posts' || name === '--url' || name === '--style' || name === '--color' || name === '--width' || (name === '-w' && read);
    let value: string | undefined;
    if (takesValue) {
      value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || (eq < 0 && value.startsWith('-'))) return undefined;
    } else if (eq > 0) {
      return undefined;
    }
    if (name === '--posts') globals.posts = value;
    else if (name === '--url') {
      if (globals.url !== undefined) return undefined;
      globals.url = value;
    } else if (name === '--style') {
      if (!(STYLE_NAMES as readonly string[]).includes(value!)) return undefined;
      globals.style = value;
    } else if (name === '--color') {
      if (!COLORS.includes(value!)) return undefined;
      globals.color = value as ColorWhen;
    } else if (name === '--width' || name === '-w') {
      if (!read || (width = widthOf(value!)) === undefined) return undefined;
    } else if (arg === '--no-state') globals.state = false;
    else if (arg === '--no-mouse') globals.mouse = false;
    else if (arg.startsWith('-')) return undefined;
    else if (!read && operands.length === 0 && arg === 'read') read = true;
    else operands.push(arg);
  }
  const given: GivenSettings = {};
  if (globals.posts === undefined && env.BLOG_TUI_POSTS !== undefined) {
    globals.posts = env.BLOG_TUI_POSTS;
    if (globals.posts) given.posts = { value: globals.posts, source: 'environment', where: 'BLOG_TUI_POSTS' };
  } else if (globals.posts) given.posts = { value: globals.posts, source: 'option', where: '--posts' };
  if (globals.style) given.style = { value: globals.style, source: 'option', where: '--style' };
  if (globals.mouse === false) given.mouse = { value: false, source: 'option', where: '--no-mouse' };
  return { read, operands, ...(width !== undefined ? { width } : {}), given, globals };
}

/** The words of a plain `read POST` with its usual options, or undefined for any other command line. */
export function quickReadOf(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): QuickRead | undefined {
  const words = wordsOf(argv, env);
  if (!words?.read || words.operands.length !== 1 || words.globals.url !== undefined) return undefined;
  return { post: words.operands[0]!, ...(words.width !== undefined ? { width: words.width } : {}), given: words.given, globals: words.globals };
}

/** The words of a plain `list` (the table, not `--json`) with the options read here, or undefined for any other command line. */
export function quickListOf(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): QuickList | undefined {
  const words = wordsOf(argv, env);
  if (!words || words.read || words.operands.length !== 1 || words.operands[0] !== 'list' || words.globals.url !== undefined) return undefined;
  return { given: words.given, globals: words.globals };
}

/**
 * The words of the program with no command: the bundled posts, a folder (`--posts`) or a blog by
 * its address (`--url`, or the address alone), with the options of the app; undefined for any
 * other command line.
 */
export function quickStartOf(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): QuickStart | undefined {
  const words = wordsOf(argv, env);
  if (!words || words.read || words.operands.length > 1) return undefined;
  const address = words.operands[0];
  if (address !== undefined) {
    if (!isAddress(address) || words.globals.url !== undefined) return undefined;
    words.globals.url = address;
  }
  return { given: words.given, globals: words.globals };
}

/**
 * The kind of read, which names the code cache it is compiled from (codeCache.ts): in colour or
 * not, as readCommand.ts decides (--color, then NO_COLOR and FORCE_COLOR), and of a folder or of
 * the bundled posts. Reads of one kind run the same functions.
 */
export function quickReadKind(read: QuickRead, env: NodeJS.ProcessEnv = process.env): string {
  const colour = read.globals.color !== undefined && read.globals.color !== 'auto' ? read.globals.color === 'always' : colorEnabled({ isTTY: false }, env);
  return `${colour ? 'colour' : 'plain'}${read.given.posts ? '-folder' : ''}`;
}

/** The kind of list, which names its code cache: of a folder or of the bundled posts. */
export function quickListKind(list: QuickList): string {
  return list.given.posts ? 'list-folder' : 'list';
}
