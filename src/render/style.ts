import type { ForegroundColorName } from 'chalk';
import { dark } from './styles/dark.js';
import { light } from './styles/light.js';
import { plain } from './styles/plain.js';
import { contrastRatio } from './contrast.js';

/**
 * Every colour the renderer, the code highlighter and the app's screens use comes from one
 * table of roles. A style (dark, light, plain) is data: for each role, a colour per colour depth
 * and the attributes (bold, italic, underline, reverse). The paint functions are made from that
 * table in one place (rolesFor, in painters.ts), so a style and a depth, two plain values, are all
 * it takes to colour a post anywhere, a worker thread included. This module loads no colour
 * library: text that is not coloured never loads one.
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
  /** Highlighted code: the kinds of token. */
  'codeKeyword',
  'codeString',
  /** Numbers and literals (true, null). */
  'codeNumber',
  'codeComment',
  /** Names being defined: functions, classes, sections. */
  'codeTitle',
  'codeType',
  'codeBuiltIn',
  /** Attributes, properties, tag names, selectors. */
  'codeAttr',
  /** Preprocessor lines, shebangs, doc tags. */
  'codeMeta',
  'codeVariable',
  'codeAddition',
  'codeDeletion',
  /** The app's screens: titles, the rules under them, the status line. */
  'title',
  'border',
  'status',
  /** The selected entry of a list, and the bar in front of it. */
  'selection',
  'selectionBar',
  /** Reading marks in the post list (unread, 42%, read, bookmark). */
  'progressMark',
  /** The letters of a title that the filter matched. */
  'filterMatch',
  /** The matching line of a post found by its text. */
  'snippet',
] as const;

export type Role = (typeof ROLE_NAMES)[number];
export type Roles = Record<Role, Paint>;

/** Roles drawn as lines or bars rather than read as text: they need 3:1 contrast, text 4.5:1. */
export const NON_TEXT_ROLES: ReadonlySet<Role> = new Set<Role>(['headingRule', 'quoteBar', 'tableBorder', 'border', 'selectionBar']);

/** A colour at each depth: one of the 16 ANSI colour names, an xterm 256-colour index, a truecolour hex. */
export type Colours = readonly [ForegroundColorName | undefined, number | undefined, string | undefined];

export interface RoleSpec {
  fg?: Colours;
  bg?: Colours;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  inverse?: boolean;
  strikethrough?: boolean;
}

export interface StyleDefinition {
  name: 'dark' | 'light' | 'plain';
  /** The background and text colours the palette is designed for (and the contrast test assumes). */
  background: Colours;
  foreground: Colours;
  roles: Record<Role, RoleSpec>;
}

/** A style as drawn: "auto" is settled (by the terminal's background) before anything is drawn. */
export type ConcreteStyle = StyleDefinition['name'];

/** 0: no escape sequences at all, 1: the 16 ANSI colours, 2: xterm's 256, 3: truecolour. */
export type Depth = 0 | 1 | 2 | 3;

/** The styles, by name: the one place a style is picked. */
export const STYLES: Readonly<Record<ConcreteStyle, StyleDefinition>> = { dark, light, plain };

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

/** The paint of a role with no colour and no attribute: the text as it is. */
export const unstyled: Paint = (text) => text;

/** No styling at all: what piped output without colour gets. */
export const PLAIN_ROLES: Roles = Object.freeze(Object.fromEntries(ROLE_NAMES.map((name) => [name, unstyled])) as Roles);

/** What a render needs to know to colour: plain values, so it can cross to a worker thread. */
export interface Look {
  style: ConcreteStyle;
  depth: Depth;
}

/** The style settings name: a style, or "auto" for dark or light by the terminal's background. */
export type StyleSetting = ConcreteStyle | 'auto';

/** "auto" settled without asking the terminal: COLORFGBG, else dark; and what decided it. */
export function styleFromEnvironment(setting: StyleSetting, env: NodeJS.ProcessEnv = process.env): { style: ConcreteStyle; why: string } {
  if (setting !== 'auto') return { style: setting, why: 'set' };
  const fromEnv = styleFromColorFgBg(env.COLORFGBG);
  return fromEnv ? { style: fromEnv, why: `COLORFGBG=${env.COLORFGBG}` } : { style: 'dark', why: 'the default' };
}

/** dark or light for a background colour: light when black text would contrast more than white. */
export function styleForBackground(rgb: readonly [number, number, number]): 'dark' | 'light' {
  return contrastRatio(rgb, [0, 0, 0]) > contrastRatio(rgb, [255, 255, 255]) ? 'light' : 'dark';
}

/**
 * dark or light from COLORFGBG ("15;0", or "0;default;15" as rxvt writes it): the last field is
 * the background's ANSI colour number; 7 and 9 to 15 are light. Undefined when it says nothing.
 */
export function styleFromColorFgBg(value: string | undefined): 'dark' | 'light' | undefined {
  const bg = value?.split(';').at(-1);
  if (bg === undefined || !/^\d{1,2}$/.test(bg)) return undefined;
  const n = Number(bg);
  if (n > 15) return undefined;
  return n === 7 || n >= 9 ? 'light' : 'dark';
}
