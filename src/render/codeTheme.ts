import type { Paint, Role, Roles } from './style.js';

/** highlight.js's token classes, each drawn in a role of the style; the rest as plain text. */
const TOKEN_ROLES: Readonly<Record<string, Role | null>> = {
  keyword: 'codeKeyword',
  built_in: 'codeBuiltIn',
  type: 'codeType',
  literal: 'codeNumber',
  number: 'codeNumber',
  regexp: 'codeString',
  string: 'codeString',
  subst: null,
  symbol: 'codeNumber',
  class: null,
  function: null,
  title: 'codeTitle',
  params: null,
  comment: 'codeComment',
  doctag: 'codeMeta',
  meta: 'codeMeta',
  'meta-keyword': 'codeKeyword',
  'meta-string': 'codeString',
  section: 'codeTitle',
  tag: null,
  name: 'codeTitle',
  'builtin-name': 'codeBuiltIn',
  attr: 'codeAttr',
  attribute: 'codeAttr',
  variable: 'codeVariable',
  bullet: 'codeNumber',
  code: null,
  emphasis: null,
  strong: null,
  formula: null,
  link: 'codeString',
  quote: 'codeComment',
  'selector-tag': 'codeKeyword',
  'selector-id': 'codeTitle',
  'selector-class': 'codeTitle',
  'selector-attr': 'codeAttr',
  'selector-pseudo': 'codeAttr',
  'template-tag': 'codeKeyword',
  'template-variable': 'codeVariable',
  addition: 'codeAddition',
  deletion: 'codeDeletion',
  default: null,
};

const identity: Paint = (text) => text;
const themes = new WeakMap<Roles, Record<string, Paint>>();

/**
 * The paint of each highlight.js token class, drawn from the roles; a class not named here is
 * drawn as plain text.
 */
export function codeTheme(roles: Roles): Record<string, Paint> {
  let theme = themes.get(roles);
  if (!theme) {
    theme = Object.fromEntries(Object.entries(TOKEN_ROLES).map(([token, role]) => [token, role ? roles[role] : identity]));
    themes.set(roles, theme);
  }
  return theme;
}
