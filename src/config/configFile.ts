// The config file: TOML read with smol-toml, then checked setting by setting. Every mistake is
// one line naming the file, the line and what is wrong; the settings that are right still apply.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse, TomlError } from 'smol-toml';
import { sanitizeLine } from '../content/sanitize.js';
import { expandHome } from './paths.js';

/** What the settings may be; given by the layers that own them (styles, sort orders, keys). */
export interface ConfigSchema {
  styles: readonly string[];
  sortOrders: readonly string[];
  /** The actions of each keymap scope. */
  keyActions: Readonly<Record<string, readonly string[]>>;
  /** A key as the keymap names it, or why the text names no key that action of that scope can take. */
  parseKey(text: string, scope: string, action: string): { key: string } | { error: string };
  width: { min: number; max: number };
}

/** Keys the config gives one action of one scope, in place of the default ones. */
export interface KeyOverride {
  scope: string;
  action: string;
  keys: string[];
  line: number;
}

export const SETTING_NAMES = ['style', 'width', 'mouse', 'posts', 'sort'] as const;
export type SettingName = (typeof SETTING_NAMES)[number];

/** A blog subscribed to: a `[[feeds]]` table of the config file. */
export interface Subscription {
  url: string;
  /** The name shown instead of the feed's title. */
  name?: string;
  line: number;
}

export interface ConfigValues {
  /** The `[[feeds]]` tables, in order. */
  feeds?: Subscription[];
  style?: string;
  width?: number;
  mouse?: boolean;
  /** Absolute: `~` expanded, a relative path taken from the config file's folder. */
  posts?: string;
  sort?: string;
  keys: KeyOverride[];
  /** The line of each setting that was applied. */
  lines: Partial<Record<SettingName, number>>;
}

export interface ConfigRead {
  path: string;
  /** False when there is no file (the defaults apply). */
  found: boolean;
  values: ConfigValues;
  /** One line per mistake: `file:line: what is wrong`. */
  problems: string[];
}

/** A config file is a few lines; anything this large is not one. */
export const MAX_CONFIG_BYTES = 256 * 1024;
/** Syntax errors reported before the rest of the file is left out. */
const MAX_SYNTAX_ERRORS = 20;

type Table = Record<string, unknown>;

function isTable(value: unknown): value is Table {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function quoted(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : value instanceof Date ? value.toISOString() : Array.isArray(value) ? 'an array' : isTable(value) ? 'a table' : String(value);
  return sanitizeLine(text.length > 60 ? `${text.slice(0, 57)}...` : text);
}

/** The parts of a dotted TOML key, unquoted: `keys."reader".down` -> keys, reader, down. */
function keyParts(text: string): string[] {
  return text.split('.').map((part) => part.trim().replace(/^"(.*)"$|^'(.*)'$/, '$1$2'));
}

/**
 * The line of each key and table header, by its dotted path. A scan of the lines, not a TOML
 * parser: a key inside a multi-line string could be mistaken for one, which only makes a
 * message name a wrong line.
 */
function keyLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  let table: string[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line.startsWith('[')) {
      const end = line.indexOf(']');
      if (end < 0) return;
      table = keyParts(line.slice(line.startsWith('[[') ? 2 : 1, end));
      const path = table.join('.');
      if (!lines.has(path)) lines.set(path, i + 1);
      return;
    }
    const eq = line.indexOf('=');
    if (eq <= 0 || line.startsWith('#')) return;
    const key = line.slice(0, eq);
    if (!/^[A-Za-z0-9_\-."' ]+$/.test(key)) return;
    const path = [...table, ...keyParts(key)].join('.');
    if (!lines.has(path)) lines.set(path, i + 1);
  });
  return lines;
}

/** Edit distance with swapped neighbours as one edit, for "did you mean". Short words only. */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

function suggestion(word: string, known: readonly string[]): string {
  if (word.length > 40) return '';
  const close = known.filter((k) => distance(word.toLowerCase(), k.toLowerCase()) <= Math.max(1, Math.floor(k.length / 3)));
  return close.length ? ` (did you mean ${close.map((k) => `"${k}"`).join(' or ')}?)` : '';
}

/**
 * Parses TOML, going on past syntax errors: the line of each error is reported and left out,
 * and the file is parsed again, so that one typo costs one setting.
 */
function parseLeniently(text: string, report: (line: number, message: string) => void): Table {
  const lines = text.split('\n');
  const reported = new Set<number>();
  for (let attempt = 0; attempt <= MAX_SYNTAX_ERRORS; attempt++) {
    try {
      return parse(lines.join('\n')) as Table;
    } catch (error) {
      if (!(error instanceof TomlError)) throw error;
      const at = Math.min(Math.max(1, error.line), lines.length);
      const what = error.message.split('\n')[0]!.replace(/^Invalid TOML document: /, '');
      // The commonest slip: a word without quotes (style = dark).
      const bare = /^\s*([A-Za-z0-9_-]+)\s*=\s*([A-Za-z][A-Za-z0-9_-]*)\s*(#.*)?$/.exec(lines[at - 1]!.length <= 200 ? lines[at - 1]! : '');
      const hint = bare && !['true', 'false', 'inf', 'nan'].includes(bare[2]!) ? ` (text needs quotes: ${bare[1]} = "${bare[2]}")` : '';
      if (!reported.has(at)) report(at, `not valid TOML: ${what}${hint}`);
      reported.add(at);
      if (lines[at - 1]!.trim() === '' || attempt === MAX_SYNTAX_ERRORS) {
        // Nothing left to take out on that line (an unclosed array or string): keep what comes before it.
        let start = at - 1;
        while (start > 0 && !/^\s*([A-Za-z0-9_\-"']+\s*=|\[)/.test(lines[start]!)) start--;
        report(start + 1, 'the rest of the file from here is ignored');
        try {
          return parse(lines.slice(0, start).join('\n')) as Table;
        } catch {
          return {};
        }
      }
      lines[at - 1] = '';
    }
  }
  return {};
}

/** Checks a config file's text; `file` names it in the messages, `dir` resolves a relative `posts`. */
export function parseConfig(text: string, file: string, schema: ConfigSchema, env: NodeJS.ProcessEnv = process.env): { values: ConfigValues; problems: string[] } {
  const problems: string[] = [];
  const shownFile = sanitizeLine(file);
  const lineOf = keyLines(text);
  const problem = (line: number | undefined, message: string) => problems.push(`${shownFile}:${line ?? 1}: ${message}`);
  const values: ConfigValues = { keys: [], lines: {} };
  const doc = parseLeniently(text.replace(/^\uFEFF/, ''), problem);

  const known = [...SETTING_NAMES, 'keys', 'feeds'];
  for (const [name, value] of Object.entries(doc)) {
    const line = lineOf.get(name);
    const oneOf = (options: readonly string[]) => {
      if (typeof value === 'string' && options.includes(value)) return value;
      problem(line, `${name} must be one of ${options.join(', ')}, not ${quoted(value)}`);
      return undefined;
    };
    switch (name) {
      case 'style': {
        const style = oneOf(schema.styles);
        if (style !== undefined) Object.assign(values, { style }).lines.style = line;
        break;
      }
      case 'sort': {
        const sort = oneOf(schema.sortOrders);
        if (sort !== undefined) Object.assign(values, { sort }).lines.sort = line;
        break;
      }
      case 'width': {
        const { min, max } = schema.width;
        if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) {
          values.width = value;
          values.lines.width = line;
        } else problem(line, `width must be a whole number from ${min} to ${max}, not ${quoted(value)}`);
        break;
      }
      case 'mouse':
        if (typeof value === 'boolean') {
          values.mouse = value;
          values.lines.mouse = line;
        } else problem(line, `mouse must be true or false, not ${quoted(value)}`);
        break;
      case 'posts':
        if (typeof value === 'string' && value.trim() !== '') {
          values.posts = resolve(dirname(file), expandHome(value, env));
          values.lines.posts = line;
        } else problem(line, `posts must be the path of a folder, not ${quoted(value)}`);
        break;
      case 'feeds':
        if (Array.isArray(value) && value.every(isTable)) values.feeds = checkFeeds(value, text, problem);
        else problem(line, 'feeds must be tables: [[feeds]] with url = "https://…" and an optional name');
        break;
      case 'keys':
        if (isTable(value)) checkKeys(value, schema, lineOf, values.keys, problem);
        else problem(line, `keys must be a table of scopes, such as [keys.reader]`);
        break;
      default:
        problem(line, `unknown setting "${sanitizeLine(name)}"${suggestion(name, known)}; known: ${known.join(', ')}`);
    }
  }
  return { values, problems };
}

/** The line of each `[[feeds]]` header, in order. */
function feedHeaderLines(text: string): number[] {
  const lines: number[] = [];
  text.split('\n').forEach((raw, i) => {
    if (/^\s*\[\[\s*feeds\s*\]\]/.test(raw)) lines.push(i + 1);
  });
  return lines;
}

function checkFeeds(tables: Table[], text: string, problem: (line: number | undefined, message: string) => void): Subscription[] {
  const headers = feedHeaderLines(text);
  const out: Subscription[] = [];
  tables.forEach((table, i) => {
    const line = headers[i] ?? 1;
    const { url, name, ...rest } = table;
    for (const key of Object.keys(rest)) problem(line, `unknown setting "${sanitizeLine(key)}" in [[feeds]]; known: url, name`);
    if (typeof url !== 'string' || !/^https?:\/\/\S+$/i.test(url.trim())) {
      problem(line, `a [[feeds]] table needs url = "http(s)://…", not ${url === undefined ? 'nothing' : quoted(url)}`);
      return;
    }
    if (name !== undefined && (typeof name !== 'string' || name.trim() === '')) problem(line, `name must be text, not ${quoted(name)}`);
    out.push({ url: url.trim(), ...(typeof name === 'string' && name.trim() ? { name: name.trim() } : {}), line });
  });
  return out;
}

function checkKeys(keys: Table, schema: ConfigSchema, lineOf: Map<string, number>, out: KeyOverride[], problem: (line: number | undefined, message: string) => void): void {
  const scopes = Object.keys(schema.keyActions);
  for (const [scope, table] of Object.entries(keys)) {
    const scopeLine = lineOf.get(`keys.${scope}`);
    const actions = schema.keyActions[scope];
    if (!actions) {
      problem(scopeLine, `unknown key scope "${sanitizeLine(scope)}"${suggestion(scope, scopes)}; known: ${scopes.join(', ')}`);
      continue;
    }
    if (!isTable(table)) {
      problem(scopeLine, `keys.${scope} must be a table of action = keys`);
      continue;
    }
    const taken = new Map<string, string>();
    for (const [action, given] of Object.entries(table)) {
      const line = lineOf.get(`keys.${scope}.${action}`) ?? scopeLine;
      if (!actions.includes(action)) {
        problem(line, `unknown action "${sanitizeLine(action)}" in [keys.${scope}]${suggestion(action, actions)}; known: ${actions.join(', ')}`);
        continue;
      }
      const list = typeof given === 'string' ? [given] : given;
      if (!Array.isArray(list) || list.length === 0 || !list.every((k) => typeof k === 'string')) {
        problem(line, `${action} must be a key or a list of keys, such as ["j", "ctrl+n"], not ${quoted(given)}`);
        continue;
      }
      const keys: string[] = [];
      for (const text of list as string[]) {
        const parsed = schema.parseKey(text, scope, action);
        if ('error' in parsed) {
          problem(line, `${action}: ${parsed.error}`);
          continue;
        }
        const other = taken.get(parsed.key);
        if (other !== undefined && other !== action) {
          problem(line, `${action}: ${quoted(text)} is already bound to ${other} in [keys.${scope}]`);
          continue;
        }
        taken.set(parsed.key, action);
        if (!keys.includes(parsed.key)) keys.push(parsed.key);
      }
      if (keys.length > 0) out.push({ scope, action, keys, line: line ?? 1 });
    }
  }
}

/**
 * Reads and checks the config file at `path`. A missing file is no config (a missing file that
 * was named by BLOG_TUI_CONFIG is one problem); a file that cannot be read is one problem.
 */
export function readConfig(path: string, schema: ConfigSchema, named: boolean, env: NodeJS.ProcessEnv = process.env): ConfigRead {
  const none: ConfigValues = { keys: [], lines: {} };
  const unread = (reason: string, found = true): ConfigRead => ({ path, found, values: none, problems: [`${sanitizeLine(path)}: cannot read the config file (${reason})`] });
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && !named) return { path, found: false, values: none, problems: [] };
    return unread(code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a folder, not a file' : code ?? 'error', code !== 'ENOENT');
  }
  if (bytes.length > MAX_CONFIG_BYTES) return unread(`larger than ${MAX_CONFIG_BYTES / 1024} KB`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return unread('not UTF-8 text');
  }
  return { path, found: true, ...parseConfig(text, path, schema, env) };
}
