import { Chalk } from 'chalk';

/**
 * Every colour the renderer and the reader use comes from one table of roles. A role is a
 * function from text to styled text; a palette is one complete table. The renderer never
 * names a colour itself, so a palette (dark, light, plain, another colour depth) changes every
 * colour on screen at once.
 */
export type Paint = (text: string) => string;

export const ROLE_NAMES = [
  'heading1',
  'heading2',
  'heading3',
  'heading4',
  'heading5',
  'heading6',
  /** The rule under h1 and h2, and the marks that set h3-h6 apart. */
  'headingRule',
  'strong',
  'em',
  'del',
  /** Inline code (code blocks are coloured by their language's highlighting). */
  'code',
  /** kbd: a key to press. */
  'kbd',
  /** Math, inline and displayed. */
  'math',
  /** The bar in front of a block quote. */
  'quoteBar',
  /** The text of a block quote. */
  'quote',
  /** Link text. */
  'link',
  /** A link's URL where it is shown. */
  'linkUrl',
  /** Secondary text: image lines, embedded media, thematic breaks, the Notes rule. */
  'dim',
  /** List bullets and numbers, task boxes. */
  'listMarker',
  /** Footnote reference markers in the text and numbers in the Notes section. */
  'footnote',
  'tableBorder',
  'tableHeader',
  /** A search match, and the current one. */
  'match',
  'matchCurrent',
  /** Alerts and admonitions: the box and title of each kind. */
  'admonitionNote',
  'admonitionTip',
  'admonitionImportant',
  'admonitionWarning',
  'admonitionCaution',
] as const;

export type Role = (typeof ROLE_NAMES)[number];
export type Roles = Record<Role, Paint>;

export type AdmonitionKind = 'note' | 'tip' | 'important' | 'warning' | 'caution';

const ADMONITION_ROLE: Record<AdmonitionKind, Role> = {
  note: 'admonitionNote',
  tip: 'admonitionTip',
  important: 'admonitionImportant',
  warning: 'admonitionWarning',
  caution: 'admonitionCaution',
};

export function admonitionRole(kind: AdmonitionKind): Role {
  return ADMONITION_ROLE[kind];
}

const identity: Paint = (text) => text;

/** No styling at all: what piped output without colour and NO_COLOR get. */
export const PLAIN_ROLES: Roles = Object.freeze(
  Object.fromEntries(ROLE_NAMES.map((name) => [name, identity])) as Roles,
);

/** The default palette, at a colour depth (1: 16 colours, 2: 256, 3: truecolor; 0: plain). */
export function defaultRoles(level: 0 | 1 | 2 | 3): Roles {
  if (level === 0) return PLAIN_ROLES;
  const c = new Chalk({ level });
  return {
    heading1: c.magenta.bold.underline,
    heading2: c.green.bold,
    heading3: c.cyan.bold,
    heading4: c.yellow.bold,
    heading5: c.blue.bold,
    heading6: c.bold.italic,
    headingRule: c.dim,
    strong: c.bold,
    em: c.italic,
    del: c.dim.strikethrough,
    code: c.yellow,
    kbd: c.bold.inverse,
    math: c.cyan,
    quoteBar: c.gray,
    quote: c.italic,
    link: c.blue.underline,
    linkUrl: c.dim,
    dim: c.dim,
    listMarker: identity,
    footnote: c.cyan,
    tableBorder: c.gray,
    tableHeader: c.bold,
    match: c.inverse,
    matchCurrent: c.black.bgYellow,
    admonitionNote: c.blue,
    admonitionTip: c.green,
    admonitionImportant: c.magenta,
    admonitionWarning: c.yellow,
    admonitionCaution: c.red,
  };
}

const byLevel = new Map<number, Roles>();

/** The default palette for a depth, built once. */
export function rolesFor(level: 0 | 1 | 2 | 3): Roles {
  let roles = byLevel.get(level);
  if (!roles) {
    roles = defaultRoles(level);
    byLevel.set(level, roles);
  }
  return roles;
}

/** The colour depth of this process's terminal, at least 16 colours: the depth `color: true` means. */
export function terminalLevel(): 1 | 2 | 3 {
  return Math.max(1, new Chalk().level) as 1 | 2 | 3;
}
