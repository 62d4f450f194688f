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
  | 'nextPost'
  | 'previousPost'
  | 'choose'
  | 'commit'
  | 'cancel'
  | 'deleteChar';

export interface Binding {
  action: KeyAction;
  /** Key names as keyName() produces them: 'down', 'pagedown', 'enter', 'ctrl+c', 'j', 'G'. */
  keys: string[];
  description: string;
}

const MOVES = (what: string): Binding[] => [
  { action: 'down', keys: ['down', 'j'], description: `next ${what}` },
  { action: 'up', keys: ['up', 'k'], description: `previous ${what}` },
  { action: 'pageDown', keys: ['pagedown', 'space', 'f'], description: 'next page' },
  { action: 'pageUp', keys: ['pageup', 'b'], description: 'previous page' },
  { action: 'top', keys: ['home', 'g'], description: `first ${what}` },
  { action: 'bottom', keys: ['end', 'G'], description: `last ${what}` },
];

export const KEYMAP: Record<Scope, Binding[]> = {
  list: [
    ...MOVES('post'),
    { action: 'open', keys: ['enter', 'l', 'right'], description: 'open the post' },
    { action: 'filter', keys: ['/'], description: 'filter by title, tags, summary and text' },
    { action: 'clearFilter', keys: ['escape'], description: 'clear the filter' },
    { action: 'sort', keys: ['s'], description: 'order: newest, oldest, shortest, longest, title' },
    { action: 'tags', keys: ['t'], description: 'show the posts of one tag' },
    { action: 'bookmarksOnly', keys: ['B'], description: 'bookmarked posts only, or all' },
    { action: 'toggleBookmark', keys: ['*'], description: 'bookmark the post, or not' },
    { action: 'toggleRead', keys: ['m'], description: 'mark the post read or unread' },
    { action: 'help', keys: ['?'], description: 'this help' },
    { action: 'quit', keys: ['q'], description: 'quit' },
    { action: 'interrupt', keys: ['ctrl+c'], description: 'quit at once' },
  ],
  reader: [
    { action: 'down', keys: ['down', 'j'], description: 'down one line' },
    { action: 'up', keys: ['up', 'k'], description: 'up one line' },
    { action: 'pageDown', keys: ['pagedown', 'space', 'f'], description: 'down one page' },
    { action: 'pageUp', keys: ['pageup', 'b'], description: 'up one page' },
    { action: 'halfPageDown', keys: ['d'], description: 'down half a page' },
    { action: 'halfPageUp', keys: ['u'], description: 'up half a page' },
    { action: 'top', keys: ['home', 'g'], description: 'start of the post' },
    { action: 'bottom', keys: ['end', 'G'], description: 'end of the post' },
    { action: 'search', keys: ['/'], description: 'search the post' },
    { action: 'nextMatch', keys: ['n'], description: 'next match' },
    { action: 'previousMatch', keys: ['N'], description: 'previous match' },
    { action: 'nextHeading', keys: [']'], description: 'next heading' },
    { action: 'previousHeading', keys: ['['], description: 'previous heading' },
    { action: 'toc', keys: ['t'], description: 'table of contents' },
    { action: 'links', keys: ['o'], description: 'the links of the post, to open one' },
    { action: 'nextPost', keys: ['J'], description: 'next post in the list' },
    { action: 'previousPost', keys: ['K'], description: 'previous post in the list' },
    { action: 'toggleBookmark', keys: ['*'], description: 'bookmark the post, or not' },
    { action: 'toggleRead', keys: ['m'], description: 'mark the post read or unread' },
    { action: 'back', keys: ['escape', 'q', 'h', 'left'], description: 'clear the search, else back to the list' },
    { action: 'help', keys: ['?'], description: 'this help' },
    { action: 'interrupt', keys: ['ctrl+c'], description: 'quit at once' },
  ],
  picker: [
    ...MOVES('entry'),
    { action: 'choose', keys: ['enter', 'l', 'right'], description: 'choose: the tag, the heading, or open the link' },
    { action: 'back', keys: ['escape', 'q', 'h', 'left'], description: 'close' },
    { action: 'interrupt', keys: ['ctrl+c'], description: 'quit at once' },
  ],
  input: [
    { action: 'commit', keys: ['enter'], description: 'keep the filter or search and leave the prompt' },
    { action: 'cancel', keys: ['escape'], description: 'clear the filter or search' },
    { action: 'deleteChar', keys: ['backspace'], description: 'delete the last character' },
    { action: 'interrupt', keys: ['ctrl+c'], description: 'quit at once' },
  ],
  help: [
    { action: 'down', keys: ['down', 'j'], description: 'down one line' },
    { action: 'up', keys: ['up', 'k'], description: 'up one line' },
    { action: 'pageDown', keys: ['pagedown', 'space', 'f'], description: 'down one page' },
    { action: 'pageUp', keys: ['pageup', 'b'], description: 'up one page' },
    { action: 'top', keys: ['home', 'g'], description: 'top' },
    { action: 'bottom', keys: ['end', 'G'], description: 'bottom' },
    { action: 'back', keys: ['escape', 'q', '?', 'h', 'left'], description: 'close the help' },
    { action: 'interrupt', keys: ['ctrl+c'], description: 'quit at once' },
  ],
};

export function actionFor(scope: Scope, key: string): KeyAction | undefined {
  return KEYMAP[scope].find((b) => b.keys.includes(key))?.action;
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

const CONTROL_KEYS: Record<string, string> = { '\r': 'enter', '\n': 'enter', '\u0003': 'ctrl+c', '\u001b': 'escape', '\t': 'tab', '\u007f': 'backspace' };

/**
 * Key names for one input event. Ink delivers keys typed faster than it reads them (or sent
 * together, as tmux send-keys does) as one string such as "jj\r"; each character is a key.
 */
export function keyNames(input: string, key: InkKey): string[] {
  const chars = [...input];
  if (chars.length <= 1 || input.startsWith('\u001b') || key.ctrl || key.meta) return [keyName(input, key)];
  return chars.map((ch) => CONTROL_KEYS[ch] ?? (ch === ' ' ? 'space' : ch));
}

const LABELS: Record<string, string> = {
  down: '↓', up: '↑', left: '←', right: '→', pagedown: 'PgDn', pageup: 'PgUp', home: 'Home',
  end: 'End', enter: 'Enter', escape: 'Esc', space: 'Space', 'ctrl+c': 'Ctrl-C', backspace: 'Backspace',
};

export function keyLabel(key: string): string {
  return LABELS[key] ?? key;
}

export const SCOPE_TITLES: Record<Scope, string> = {
  list: 'Post list',
  reader: 'Reader',
  picker: 'Tags, contents and links',
  input: 'Typing a filter or a search (other keys type)',
  help: 'Help',
};

/** The help screen's lines, generated from KEYMAP. */
export function helpLines(): string[] {
  const lines: string[] = [];
  for (const scope of Object.keys(KEYMAP) as Scope[]) {
    if (lines.length > 0) lines.push('');
    lines.push(SCOPE_TITLES[scope]);
    for (const b of KEYMAP[scope]) {
      lines.push(`  ${b.keys.map(keyLabel).join(' ').padEnd(22)} ${b.description}`);
    }
  }
  return lines;
}
