// `blog-tui config --init`: a commented config file with every setting at its default.
import { lstatSync, mkdirSync, readlinkSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DEFAULTS } from './settings.js';

/** What the template needs to know of the keymap: each scope's actions, default keys and meaning. */
export type KeymapOutline = Readonly<Record<string, ReadonlyArray<{ action: string; keys: readonly string[]; description: string }>>>;

/** The text of a new config file: every setting commented out at its default, with what it does. */
export function defaultConfigText(keymap: KeymapOutline, styles: readonly string[], sortOrders: readonly string[]): string {
  const lines = [
    '# blog-tui settings. Options on the command line beat these, and these beat the defaults.',
    '# `blog-tui config` shows the settings in force and where each one comes from.',
    '# Remove the "#" in front of a setting to change it.',
    '',
    `# Colours: ${styles.map((s) => `"${s}"`).join(', ')}. "auto" asks the terminal for its background`,
    '# colour (else reads COLORFGBG, else takes dark); "plain" has no colour, only bold,',
    '# underline and reverse video.',
    `# style = "${DEFAULTS.style}"`,
    '',
    '# The widest the text column of the reader gets, in columns (20 to 1000).',
    `# width = ${DEFAULTS.width}`,
    '',
    '# The mouse in the full-screen app: the wheel scrolls, a click picks (--no-mouse for one run).',
    `# mouse = ${DEFAULTS.mouse}`,
    '',
    '# The posts folder read when neither --posts nor BLOG_TUI_POSTS is given. "~" is your home',
    "# folder, and a relative path starts at this file's folder. Without it: the bundled posts.",
    '# posts = "~/src/my-blog"',
    '',
    `# The order of the list at start: ${sortOrders.join(', ')}.`,
    `# sort = "${DEFAULTS.sort}"`,
    '',
    '# Blogs read by their address, one [[feeds]] table each (`blog-tui add URL` adds one,',
    '# `blog-tui remove` takes it out): the start screen lists them with their unread posts.',
    '# [[feeds]]',
    '#   url = "https://example.com/"',
    '#   name = "Example"         # optional: shown instead of the feed\'s title',
    '',
    '# Keys, one table per screen: action = the keys that do it, in place of its default keys.',
    '# A key is one character ("j", "G", "?"), a named key (down, up, left, right, pagedown,',
    '# pageup, home, end, enter, escape, space, backspace), ctrl+LETTER or meta+KEY. A key given',
    '# to an action is taken from any other action of that screen. The defaults:',
  ];
  for (const [scope, bindings] of Object.entries(keymap)) {
    lines.push('', `# [keys.${scope}]`);
    for (const b of bindings) lines.push(`# ${b.action} = [${b.keys.map((k) => JSON.stringify(k)).join(', ')}]`.padEnd(48) + `  # ${b.description}`);
  }
  return lines.join('\n') + '\n';
}

export type InitResult = { written: string } | { refused: string };

/**
 * Writes `text` to `path` only if nothing is there. A symbolic link whose target does not
 * exist yet is written through (a dotfiles folder often links the config); an existing file,
 * folder or any other kind of file is left alone. The file is created exclusively, so one
 * that appears meanwhile is not replaced either.
 */
export function writeNewConfig(path: string, text: string): InitResult {
  let target = path;
  for (let hops = 0; ; hops++) {
    let kind: 'link' | 'file' | 'other';
    try {
      const stat = lstatSync(target);
      kind = stat.isSymbolicLink() ? 'link' : stat.isFile() ? 'file' : 'other';
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') break;
      return { refused: `cannot check ${target} (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
    }
    if (kind === 'file') return { refused: `${target} already exists; it was left as it is` };
    if (kind === 'other') return { refused: `${target} exists and is not a regular file; it was left as it is` };
    if (hops >= 40) return { refused: `${path}: too many symbolic links` };
    target = resolve(dirname(target), readlinkSync(target));
  }
  try {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text, { flag: 'wx', mode: 0o644 });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { refused: code === 'EEXIST' ? `${target} already exists; it was left as it is` : `cannot write ${target} (${code ?? 'error'})` };
  }
  return { written: target };
}
