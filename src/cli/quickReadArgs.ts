// The command line of a piped `read`, read without the command-line parser: `blog-tui [--posts DIR] read POST [--width N]
// [--color WHEN] [--style STYLE] [--no-state]`, the shape scripts and pagers use, is read here
// word by word, with the parser's rules for those options; anything else (help, another option,
// a value the parser would refuse, a second argument) is left to the parser (main.ts), which
// says what is wrong. quickRead.ts runs what is read here.
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

const COLORS: readonly string[] = ['auto', 'always', 'never'];

/** A `--width` the parser takes: a whole number from 20 to 1000. */
function widthOf(value: string): number | undefined {
  const n = Number(value);
  return Number.isInteger(n) && n >= 20 && n <= 1000 ? n : undefined;
}

/** The words of a plain `read POST` with its usual options, or undefined for any other command line. */
export function quickReadOf(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): QuickRead | undefined {
  const globals: GlobalOptions = {};
  const given: GivenSettings = {};
  let command = false;
  let post: string | undefined;
  let width: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const takesValue = name === '--posts' || name === '--style' || name === '--color' || name === '--width' || (name === '-w' && command);
    let value: string | undefined;
    if (takesValue) {
      value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || (eq < 0 && value.startsWith('-'))) return undefined;
    } else if (eq > 0) {
      return undefined;
    }
    if (name === '--posts') globals.posts = value;
    else if (name === '--style') {
      if (!(STYLE_NAMES as readonly string[]).includes(value!)) return undefined;
      globals.style = value;
    } else if (name === '--color') {
      if (!COLORS.includes(value!)) return undefined;
      globals.color = value as ColorWhen;
    } else if (name === '--width' || name === '-w') {
      if (!command || (width = widthOf(value!)) === undefined) return undefined;
    } else if (arg === '--no-state') globals.state = false;
    else if (arg === '--no-mouse') globals.mouse = false;
    else if (arg.startsWith('-')) return undefined;
    else if (!command && arg === 'read') command = true;
    else if (command && post === undefined) post = arg;
    else return undefined;
  }
  if (!command || post === undefined) return undefined;
  if (globals.posts === undefined && env.BLOG_TUI_POSTS !== undefined) {
    globals.posts = env.BLOG_TUI_POSTS;
    if (globals.posts) given.posts = { value: globals.posts, source: 'environment', where: 'BLOG_TUI_POSTS' };
  } else if (globals.posts) given.posts = { value: globals.posts, source: 'option', where: '--posts' };
  if (globals.style) given.style = { value: globals.style, source: 'option', where: '--style' };
  if (globals.mouse === false) given.mouse = { value: false, source: 'option', where: '--no-mouse' };
  return { post, ...(width !== undefined ? { width } : {}), given, globals };
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
