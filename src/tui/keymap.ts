/**
 * Every key blog-tui reacts to, per screen. The input handler looks actions up here and the
 * help screen is generated from the same table, so help always says what the keys do.
 */
export type Scope = 'list' | 'reader' | 'picker' | 'input' | 'help';

export type KeyAction =
  | 'down'
  | 'up'
  | 'pageDown'
  | 'pageUp'
  | 'halfPageDown'
  | 'halfPageUp'
  | 'top'
  | 'bottom'
  | 'open'
  | 'back'
  | 'help'
  | 'quit'
  | 'interrupt'
  | 'filter'
  | 'clearFilter'
  | 'sort'
  | 'tags'
  | 'toggleRead'
  | 'toggleBookmark'
  | 'bookmarksOnly'
  | 'search'
  | 'nextMatch'
  | 'previousMatch'
  | 'toc'
  | 'nextHeading'
  | 'previousHeading'
  | 'links'
  | 'jumpBack'
  | 'nextPost'
  | 'previousPost'
  | 'choose'
  | 'commit'
  | 'cancel'
  | 'deleteChar'
  | 'count'
  | 'percent'
  | 'info'
  | 'edit'
  | 'redraw'
  | 'suspend';

export interface Binding {
  action: KeyAction;
  /** Key names as keyName() produces them: 'down', 'pagedown', 'enter', 'ctrl+c', 'j', 'G'. */
  keys: string[];
  description: string;
  /** The count the action gets when none was typed (the wheel scrolls three lines). */
  count?: number;
}

/** Ctrl-Z and Ctrl-C do the same everywhere. */
const ALWAYS: Binding[] = [
  { action: 'suspend', keys: ['ctrl+z'], description: 'suspend to the shell (fg comes back)' },
  { action: 'interrupt', keys: ['ctrl+c'], description: 'quit at once' },
];

const MOVES = (what: string): Binding[] => [
  { action: 'down', keys: ['down', 'j', 'e', 'ctrl+n', 'ctrl+e'], description: `next ${what}` },
  { action: 'up', keys: ['up', 'k', 'y', 'ctrl+p', 'ctrl+y'], description: `previous ${what}` },
  { action: 'pageDown', keys: ['pagedown', 'space', 'f', 'ctrl+f', 'z'], description: 'next page' },
  { action: 'pageUp', keys: ['pageup', 'b', 'ctrl+b', 'w'], description: 'previous page' },
  { action: 'halfPageDown', keys: ['d', 'ctrl+d'], description: 'down half a page' },
  { action: 'halfPageUp', keys: ['u', 'ctrl+u'], description: 'up half a page' },
  { action: 'top', keys: ['home', 'g', '<'], description: `first ${what}, or ${what} N (5g)` },
  { action: 'bottom', keys: ['end', 'G', '>'], description: `last ${what}, or ${what} N (5G)` },
  { action: 'down', keys: ['wheeldown'], description: `next ${what}` },
  { action: 'up', keys: ['wheelup'], description: `previous ${what}` },
];

/** Scrolling text line by line: the reader and the help. */
const SCROLLS = (say: { line: string; top: string; bottom: string }): Binding[] => [
  { action: 'down', keys: ['down', 'j', 'e', 'enter', 'ctrl+n', 'ctrl+e'], description: `down ${say.line}` },
  { action: 'up', keys: ['up', 'k', 'y', 'ctrl+p', 'ctrl+y'], description: `up ${say.line}` },
  { action: 'down', keys: ['wheeldown'], description: 'down three lines', count: 3 },
  { action: 'up', keys: ['wheelup'], description: 'up three lines', count: 3 },
  { action: 'pageDown', keys: ['pagedown', 'space', 'f', 'ctrl+f', 'z'], description: 'down one page' },
  { action: 'pageUp', keys: ['pageup', 'b', 'ctrl+b', 'w'], description: 'up one page' },
  { action: 'halfPageDown', keys: ['d', 'ctrl+d'], description: 'down half a page' },
  { action: 'halfPageUp', keys: ['u', 'ctrl+u'], description: 'up half a page' },
  { action: 'top', keys: ['home', 'g', '<'], description: say.top },
  { action: 'bottom', keys: ['end', 'G', '>'], description: say.bottom },
];

export type Keymap = Readonly<Record<Scope, readonly Binding[]>>;

export const KEYMAP: Keymap = {
  list: [
    ...MOVES('post'),
    { action: 'count', keys: ['digit'], description: 'a count before a move: 10j, 5G, 50%' },
    { action: 'percent', keys: ['%', 'p'], description: 'N percent of the way down the list (50%, 50p)' },
    { action: 'open', keys: ['enter', 'l', 'right', 'click'], description: 'open the post (click: the post clicked)' },
    { action: 'filter', keys: ['/'], description: 'filter by title, tags, summary and text' },
    { action: 'clearFilter', keys: ['escape'], description: 'clear the filter' },
    { action: 'sort', keys: ['s'], description: 'order: newest, oldest, shortest, longest, title' },
    { action: 'tags', keys: ['t'], description: 'show the posts of one tag' },
    { action: 'bookmarksOnly', keys: ['B'], description: 'bookmarked posts only, or all' },
    { action: 'toggleBookmark', keys: ['*'], description: 'bookmark the post, or not' },
    { action: 'toggleRead', keys: ['m'], description: 'mark the post read or unread' },
    { action: 'info', keys: ['=', 'ctrl+g'], description: 'the post, its file and its place in the list' },
    { action: 'edit', keys: ['v'], description: "edit the post's file in $VISUAL or $EDITOR" },
    { action: 'redraw', keys: ['ctrl+l'], description: 'redraw the screen' },
    { action: 'help', keys: ['?'], description: 'this help' },
    { action: 'quit', keys: ['q'], description: 'quit' },
    ...ALWAYS,
  ],
  reader: [
    ...SCROLLS({ line: 'one line, or N lines (10j, 10k)', top: 'start of the post, or line N (5g)', bottom: 'end of the post, or line N (5G)' }),
    { action: 'count', keys: ['digit'], description: 'a count before a move: 10j, 5G, 50%' },
    { action: 'percent', keys: ['%', 'p'], description: 'N percent into the post (50%, 50p)' },
    { action: 'search', keys: ['/'], description: 'search the post (smart case)' },
    { action: 'nextMatch', keys: ['n'], description: 'next match below the top of the screen' },
    { action: 'previousMatch', keys: ['N'], description: 'previous match above the top of the screen' },
    { action: 'nextHeading', keys: [']'], description: 'next heading' },
    { action: 'previousHeading', keys: ['['], description: 'previous heading' },
    { action: 'toc', keys: ['t'], description: 'table of contents' },
    { action: 'links', keys: ['o'], description: 'the links of the post: open one, or jump to a heading or note' },
    { action: 'jumpBack', keys: ['backspace'], description: 'back to where the last jump (a link, a note, the contents) left' },
    { action: 'nextPost', keys: ['J'], description: 'next post in the list' },
    { action: 'previousPost', keys: ['K'], description: 'previous post in the list' },
    { action: 'toggleBookmark', keys: ['*'], description: 'bookmark the post, or not' },
    { action: 'toggleRead', keys: ['m'], description: 'mark the post read or unread' },
    { action: 'info', keys: ['=', 'ctrl+g'], description: 'the post, its file, the lines shown and how far' },
    { action: 'edit', keys: ['v'], description: "edit the post's file in $VISUAL or $EDITOR, then read it again" },
    { action: 'redraw', keys: ['ctrl+l'], description: 'redraw the screen' },
    { action: 'back', keys: ['escape', 'q', 'h', 'left'], description: 'clear the search, else back to the list' },
    { action: 'help', keys: ['?'], description: 'this help' },
    ...ALWAYS,
  ],
  picker: [
    ...MOVES('entry'),
    { action: 'count', keys: ['digit'], description: 'a count before a move: 10j, 5G' },
    { action: 'choose', keys: ['enter', 'l', 'right'], description: 'choose: the tag, the heading, or the link (a → jump stays in the post)' },
    { action: 'filter', keys: ['/'], description: 'type to filter the entries' },
    { action: 'back', keys: ['escape', 'q', 'h', 'left'], description: 'clear the filter, else close' },
    ...ALWAYS,
  ],
  input: [
    { action: 'commit', keys: ['enter'], description: 'keep the filter or search and leave the prompt' },
    { action: 'cancel', keys: ['escape'], description: 'clear the filter; a search goes back to where it began' },
    { action: 'deleteChar', keys: ['backspace'], description: 'delete the last character' },
    ...ALWAYS,
  ],
  help: [
    ...SCROLLS({ line: 'one line', top: 'top', bottom: 'bottom' }),
    { action: 'back', keys: ['escape', 'q', '?', 'h', 'left'], description: 'close the help' },
    ...ALWAYS,
  ],
};

/** The pseudo-key of a binding that takes every digit. */
const DIGIT = 'digit';

/** The binding of a key in a screen; every digit finds the binding of the pseudo-key 'digit'. */
export function bindingFor(scope: Scope, key: string, keymap: Keymap = KEYMAP): Binding | undefined {
  return keymap[scope].find((b) => b.keys.includes(key)) ?? (/^[0-9]$/.test(key) ? keymap[scope].find((b) => b.keys.includes(DIGIT)) : undefined);
}

export function actionFor(scope: Scope, key: string, keymap: Keymap = KEYMAP): KeyAction | undefined {
  return bindingFor(scope, key, keymap)?.action;
}

/** The subset of Ink's Key that names keys. */
export interface InkKey {
  upArrow?: boolean;
  downArrow?: boolean;
  leftArrow?: boolean;
  rightArrow?: boolean;
  pageUp?: boolean;
  pageDown?: boolean;
  home?: boolean;
  end?: boolean;
  return?: boolean;
  escape?: boolean;
  ctrl?: boolean;
  meta?: boolean;
  tab?: boolean;
  backspace?: boolean;
  delete?: boolean;
}

/** Turns what Ink's useInput reports into one key name. */
export function keyName(input: string, key: InkKey): string {
  if (key.upArrow) return 'up';
  if (key.downArrow) return 'down';
  if (key.leftArrow) return 'left';
  if (key.rightArrow) return 'right';
  if (key.pageUp) return 'pageup';
  if (key.pageDown) return 'pagedown';
  if (key.home) return 'home';
  if (key.end) return 'end';
  if (key.return) return 'enter';
  if (key.escape) return 'escape';
  if (key.backspace || key.delete) return 'backspace';
  if (key.ctrl) return `ctrl+${input.toLowerCase()}`;
  if (key.meta) return `meta+${input}`;
  if (input === ' ') return 'space';
  return input;
}

const CONTROL_KEYS: Record<string, string> = { '\r': 'enter', '\n': 'enter', '\u001b': 'escape', '\t': 'tab', '\b': 'backspace', '\u007f': 'backspace' };

/** One character of a string of keys: control characters are Ctrl and a letter. */
function charKey(ch: string): string {
  const named = CONTROL_KEYS[ch];
  if (named) return named;
  const code = ch.charCodeAt(0);
  if (code >= 1 && code <= 26) return `ctrl+${String.fromCharCode(code + 96)}`;
  return ch === ' ' ? 'space' : ch;
}

/**
 * Key names for one input event. Ink delivers keys typed faster than it reads them (or sent
 * together, as tmux send-keys does) as one string such as "jj\r"; each character is a key.
 */
export function keyNames(input: string, key: InkKey): string[] {
  const chars = [...input];
  if (chars.length <= 1 || input.startsWith('\u001b') || key.ctrl || key.meta) return [keyName(input, key)];
  return chars.map(charKey);
}

const LABELS: Record<string, string> = {
  down: '↓', up: '↑', left: '←', right: '→', pagedown: 'PgDn', pageup: 'PgUp', home: 'Home',
  end: 'End', enter: 'Enter', escape: 'Esc', space: 'Space', backspace: 'Backspace', [DIGIT]: '0-9',
  wheelup: 'wheel up', wheeldown: 'wheel down', click: 'click',
};

export function keyLabel(key: string): string {
  const ctrl = /^ctrl\+(.)$/.exec(key);
  if (ctrl) return `Ctrl-${ctrl[1]!.toUpperCase()}`;
  if (key.startsWith('meta+')) return `Meta-${key.slice(5)}`;
  return LABELS[key] ?? key;
}

export const SCOPE_TITLES: Record<Scope, string> = {
  list: 'Post list',
  reader: 'Reader',
  picker: 'Tags, contents and links',
  input: 'Typing a filter or a search (other keys type)',
  help: 'Help',
};

/** Width of the keys column of the help. */
export const HELP_KEYS_WIDTH = 26;

/** One line of the help for a binding. */
export function helpLine(binding: Binding): string {
  const keys = binding.keys.length ? binding.keys.map(keyLabel).join(' ') : '(no key)';
  return `  ${keys.padEnd(HELP_KEYS_WIDTH)} ${binding.description}`;
}

export const MOUSE_NOTE = [
  'Mouse (off with --no-mouse)',
  '  The wheel scrolls, a click on a post opens it.',
  '  To select text while the mouse is on, hold Shift as you drag (Option in iTerm2).',
];

/** The help screen's lines, generated from the keymap in force. */
export function helpLines(keymap: Keymap = KEYMAP): string[] {
  const lines: string[] = [];
  for (const scope of Object.keys(keymap) as Scope[]) {
    if (lines.length > 0) lines.push('');
    lines.push(SCOPE_TITLES[scope]);
    for (const b of keymap[scope]) {
      lines.push(helpLine(b));
    }
  }
  lines.push('', ...MOUSE_NOTE);
  return lines;
}

/** A mouse report turned into a key: the wheel, or a click of the left button at a cell (1-based). */
export interface MouseKey {
  name: 'wheelup' | 'wheeldown' | 'click';
  x: number;
  y: number;
}

const SGR_MOUSE = /^\u001b?\[<(\d{1,4});(\d{1,5});(\d{1,5})([Mm])$/;

/**
 * An SGR mouse report (mode 1006) as Ink delivers it, with or without its ESC: the key it
 * stands for, null for reports that mean nothing here (releases, other buttons), or undefined
 * when the input is not a mouse report at all.
 */
export function parseMouse(input: string): MouseKey | null | undefined {
  const m = SGR_MOUSE.exec(input);
  if (!m) return undefined;
  const button = Number(m[1]);
  const x = Number(m[2]);
  const y = Number(m[3]);
  if (m[4] === 'm') return null;
  // 64 and 65 are the wheel; modifier bits (4 Shift, 8 Meta, 16 Ctrl) are ignored.
  const base = button & ~(4 | 8 | 16);
  if (base === 64) return { name: 'wheelup', x, y };
  if (base === 65) return { name: 'wheeldown', x, y };
  if (base === 0) return { name: 'click', x, y };
  return null;
}

/** The actions of each scope, each once, for checking key bindings in the config file. */
export function keyActions(keymap: Keymap = KEYMAP): Record<Scope, KeyAction[]> {
  return Object.fromEntries(Object.entries(keymap).map(([scope, bindings]) => [scope, [...new Set(bindings.map((b) => b.action))]])) as Record<Scope, KeyAction[]>;
}

/** Keys that are not typed (the digits of a count, the wheel, a click): the config file does not move them. */
const PSEUDO_KEYS = new Set([DIGIT, 'wheelup', 'wheeldown', 'click']);

/**
 * Each screen's actions once, with the keys the config file can give them (the typed ones)
 * and what they do: the defaults `blog-tui config --init` writes. Actions with no typed key
 * (a count's digits) are left out.
 */
export function keymapOutline(keymap: Keymap = KEYMAP): Record<Scope, Array<{ action: KeyAction; keys: string[]; description: string }>> {
  const outline = {} as Record<Scope, Array<{ action: KeyAction; keys: string[]; description: string }>>;
  for (const [scope, bindings] of Object.entries(keymap) as Array<[Scope, readonly Binding[]]>) {
    const entries: Array<{ action: KeyAction; keys: string[]; description: string }> = [];
    for (const b of bindings) {
      const keys = b.keys.filter((k) => !PSEUDO_KEYS.has(k));
      const entry = entries.find((e) => e.action === b.action);
      if (entry) entry.keys.push(...keys);
      else if (keys.length > 0) entries.push({ action: b.action, keys, description: b.description });
    }
    outline[scope] = entries;
  }
  return outline;
}

const NAMED_KEYS: Record<string, string> = {
  down: 'down', up: 'up', left: 'left', right: 'right', pagedown: 'pagedown', pgdn: 'pagedown',
  pageup: 'pageup', pgup: 'pageup', home: 'home', end: 'end', enter: 'enter', return: 'enter',
  escape: 'escape', esc: 'escape', space: 'space', backspace: 'backspace',
};

/**
 * A key written in the config file, as keyName() names it: one character ("j", "G", "?"), a
 * named key ("down", "PgDn", "Esc", "space"), "ctrl+LETTER" or "meta+KEY". Ctrl-C always quits
 * at once, and the prompt's scope takes no character keys, since those are typed.
 */
export function parseKeyName(text: string, scope: string, action: string): { key: string } | { error: string } {
  const shown = JSON.stringify(text.length > 30 ? `${text.slice(0, 27)}...` : text);
  let key: string | undefined;
  const chars = [...text];
  if (chars.length === 1 && text >= ' ' && text !== '\u007f') key = text === ' ' ? 'space' : text;
  else {
    const lower = text.toLowerCase();
    const modified = /^(ctrl|control|c|meta|alt|m)[+-](.)$/u.exec(text.length <= 12 ? lower : '');
    if (NAMED_KEYS[lower]) key = NAMED_KEYS[lower];
    else if (modified && modified[1]!.startsWith('c') && /^[a-z]$/.test(modified[2]!)) key = `ctrl+${modified[2]}`;
    else if (modified && !modified[1]!.startsWith('c') && modified[2]! >= '!') key = `meta+${[...text].at(-1)}`;
  }
  if (key === undefined) {
    return { error: `${shown} is not a key: use one character, a named key (down, up, left, right, pagedown, pageup, home, end, enter, escape, space, backspace), ctrl+LETTER or meta+KEY` };
  }
  if (key === 'ctrl+c' && action !== 'interrupt') return { error: `${shown} always quits at once and cannot be bound to another action` };
  if (scope === 'input' && [...key].length === 1) return { error: `${shown} is a character, which the prompt types, so it cannot be a key in [keys.input]` };
  return { key };
}

/**
 * The keymap with the config file's bindings: each given action gets exactly the given keys
 * (on its first binding; the wheel, clicks and count digits stay where they are), and a key
 * given to an action is taken from any other action of that scope. Ctrl-C stays on "quit at
 * once" whatever is given.
 */
export function withBindings(overrides: ReadonlyArray<{ scope: string; action: string; keys: readonly string[] }>, base: Keymap = KEYMAP): Keymap {
  if (overrides.length === 0) return base;
  const map = Object.fromEntries(Object.entries(base).map(([scope, bindings]) => [scope, bindings.map((b) => ({ ...b, keys: [...b.keys] }))])) as Record<Scope, Binding[]>;
  for (const o of overrides) {
    const bindings = map[o.scope as Scope];
    const own = bindings?.filter((b) => b.action === o.action) ?? [];
    if (!bindings || own.length === 0) continue;
    const given = o.action === 'interrupt' && !o.keys.includes('ctrl+c') ? ['ctrl+c', ...o.keys] : [...o.keys];
    for (const b of bindings) b.keys = b.keys.filter((k) => !given.includes(k) && (b.action !== o.action || PSEUDO_KEYS.has(k)));
    own[0]!.keys = [...given, ...own[0]!.keys];
  }
  return map;
}
