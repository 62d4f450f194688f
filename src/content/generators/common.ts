import { decodeHTML } from 'entities';
import { normalizeDate } from '../dates.js';

/** Shared helpers of the generator modules: field reading, file names, URL paths, dates. */

/** A front matter string, its HTML entities decoded (`isn&#39;t`, `&mdash;`) as a browser shows them. */
export function text(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim() !== '') return decodeHTML(value).trim() || undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** A list field written as a list, or as one string; `split` also splits a string at spaces (Jekyll). */
export function stringList(value: unknown, split = false): string[] {
  if (typeof value === 'string') {
    const trimmed = text(value);
    if (trimmed === undefined) return [];
    return split ? trimmed.split(/\s+/) : [trimmed];
  }
  if (typeof value === 'number') return [String(value)];
  if (!Array.isArray(value)) return [];
  const out: string[] = [];
  for (const v of value) {
    // Docusaurus writes a tag as an object with a label.
    const item = typeof v === 'object' && v !== null ? text((v as Record<string, unknown>).label ?? (v as Record<string, unknown>).name) : text(v);
    if (item !== undefined) out.push(item);
  }
  return out;
}

/** Tags without repeats, in their first order. */
export function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/** The first value that is a date, normalized to ISO 8601. */
export function firstDate(values: readonly unknown[]): string | undefined {
  for (const value of values) {
    const date = normalizeDate(value);
    if (date) return date;
  }
  return undefined;
}

export function isTrue(value: unknown): boolean {
  return value === true || value === 'true';
}

export function isFalse(value: unknown): boolean {
  return value === false || value === 'false';
}

/** A file's parts: folder (relative, no trailing `/`), name without extension, extension. */
export interface FileParts {
  dir: string;
  name: string;
  ext: string;
  /** For `folder/index.md`: the folder's name; else the file's name. */
  base: string;
  /** For `folder/index.md`: the folder that holds the bundle; else `dir`. */
  parent: string;
}

export function fileParts(file: string): FileParts {
  const slash = file.lastIndexOf('/');
  const dir = slash < 0 ? '' : file.slice(0, slash);
  const full = file.slice(slash + 1);
  const dot = full.lastIndexOf('.');
  const name = dot > 0 ? full.slice(0, dot) : full;
  const ext = dot > 0 ? full.slice(dot + 1) : '';
  if ((name === 'index' || name === '_index') && dir !== '') {
    const up = dir.lastIndexOf('/');
    return { dir, name, ext, base: dir.slice(up + 1), parent: up < 0 ? '' : dir.slice(0, up) };
  }
  return { dir, name, ext, base: name, parent: dir };
}

/** `YYYY-MM-DD` then `-` or `_` at the start of a name (Jekyll, Zola, Docusaurus, Hugo's :filename). */
export function datePrefix(name: string): { date: string; rest: string } | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})[-_](.+)$/.exec(name);
  if (!m) return undefined;
  const date = normalizeDate(m[1]);
  return date ? { date, rest: m[2]! } : undefined;
}

/** A path relative to a base folder (`content/posts/x` under `content` is `posts/x`); '' when equal. */
export function under(base: string, path: string): string | undefined {
  if (base === '' || base === '.') return path;
  if (path === base) return '';
  return path.startsWith(base + '/') ? path.slice(base.length + 1) : undefined;
}

/** Joins URL segments into a path with one leading slash, no doubled slashes, and a trailing slash. */
export function urlPath(...segments: string[]): string {
  const parts: string[] = [];
  for (const segment of segments) for (const part of segment.split('/')) if (part !== '') parts.push(part);
  return parts.length ? `/${parts.join('/')}/` : '/';
}

/** A URL path given in front matter or made from a pattern: a leading slash, doubled slashes collapsed. */
export function cleanUrl(url: string): string {
  let out = '';
  for (const ch of url.trim()) {
    if (ch === '/' && out.endsWith('/')) continue;
    out += ch;
  }
  return out.startsWith('/') ? out : `/${out}`;
}

/**
 * A slug as most generators make one: lower case, letters and digits kept (any script),
 * everything else a single `-`, no `-` at either end.
 */
export function slugify(value: string): string {
  let out = '';
  let dash = false;
  for (const ch of value.normalize('NFKD').toLowerCase()) {
    if (/[\p{L}\p{N}]/u.test(ch)) {
      if (dash && out !== '') out += '-';
      out += ch;
      dash = false;
    } else if (!/\p{M}/u.test(ch)) dash = true;
  }
  return out;
}

export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** The calendar parts of a date as written (its own offset, not this machine's). */
export interface DateParts {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  second: string;
  /** 0 = Sunday. */
  weekday: number;
  /** 1..366. */
  yearDay: number;
}

export function dateParts(iso: string | undefined): DateParts | undefined {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2}))?/.exec(iso) : null;
  if (!m) return undefined;
  const utc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const yearDay = Math.round((utc - Date.UTC(Number(m[1]), 0, 1)) / 86_400_000) + 1;
  return { year: m[1]!, month: m[2]!, day: m[3]!, hour: m[4] ?? '00', minute: m[5] ?? '00', second: m[6] ?? '00', weekday: new Date(utc).getUTCDay(), yearDay };
}

/**
 * A date with a time and an offset shown in a named time zone (Jekyll's `timezone`), as ISO
 * 8601 with that zone's offset. A date without a time or offset is left as written.
 */
export function inTimeZone(iso: string | undefined, zone: string | undefined): string | undefined {
  if (!iso || !zone || !/T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:?\d{2})$/.test(iso)) return iso;
  const instant = Date.parse(iso.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  if (Number.isNaN(instant)) return iso;
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    }).formatToParts(new Date(instant));
  } catch {
    return iso;
  }
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  const local = `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}:${get('second')}`;
  const offsetMinutes = Math.round((Date.parse(`${local}Z`) - instant) / 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * Where a summary divider starts (`<!--more-->`, `<!-- truncate -->`, …: an HTML comment whose
 * only word is `word`, spaces allowed), or -1. One pass, no regular expression backtracking.
 */
export function dividerIndex(body: string, word: string): number {
  let from = 0;
  for (;;) {
    const open = body.indexOf('<!--', from);
    if (open < 0) return -1;
    let i = open + 4;
    while (body[i] === ' ' || body[i] === '\t') i++;
    if (body.slice(i, i + word.length).toLowerCase() === word) {
      i += word.length;
      while (body[i] === ' ' || body[i] === '\t') i++;
      if (body.startsWith('-->', i)) return open;
    }
    from = open + 4;
  }
}

/** Cuts text at a word boundary so it is at most `limit` characters, adding an ellipsis. */
export function cutAtWord(value: string, limit: number): string {
  if (value.length <= limit) return value;
  const cut = value.slice(0, limit - 1);
  const space = cut.lastIndexOf(' ');
  return (space > limit / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '') + '…';
}

/** The longest summary kept in an index entry. */
export const SUMMARY_LIMIT = 240;

/** Words counted as runs of non-whitespace, each CJK character a word (the `reading-time` package's way). */
export function countReadingTimeWords(plain: string): number {
  let words = 0;
  let inWord = false;
  for (const ch of plain) {
    if (/[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]/u.test(ch)) {
      words++;
      inWord = false;
    } else if (/\s/u.test(ch)) inWord = false;
    else if (!inWord) {
      words++;
      inWord = true;
    }
  }
  return words;
}

/** The small files that describe a repository, never posts, wherever a site keeps its posts. */
const NOT_POSTS = /^(readme|claude|agents|contributing|changelog|changes|license|licence|code_of_conduct|security|todo|notes|gemini|copilot-instructions)(\.[a-z]+)?$/i;

/** Whether a file is a repository's README, CLAUDE.md, LICENSE … rather than a post. */
export function isRepositoryFile(file: string): boolean {
  return NOT_POSTS.test(file.slice(file.lastIndexOf('/') + 1).replace(/\.(md|markdown|mdx)$/i, ''));
}

/**
 * Fills a permalink pattern: each `:name` is replaced by its token's value (the longest name
 * made of whole `_`-separated parts that is a token, so `:title:output_ext` and `:i_month`
 * both work); a `:` that starts no token stays.
 */
export function fillPattern(pattern: string, tokens: Readonly<Record<string, string>>): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] !== ':') {
      out += pattern[i];
      continue;
    }
    let j = i + 1;
    while (j < pattern.length && /[a-z_]/.test(pattern[j]!)) j++;
    let name = pattern.slice(i + 1, j);
    while (name && !Object.hasOwn(tokens, name)) name = name.slice(0, Math.max(0, name.lastIndexOf('_')));
    if (name) {
      out += tokens[name];
      i += name.length;
    } else out += ':';
  }
  return out;
}

/**
 * The typographer of Hugo's Goldmark and Jekyll's kramdown, for summaries: `---` an em dash,
 * `--` an en dash, `...` an ellipsis. One pass.
 */
export function typographer(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    if (value.startsWith('---', i)) {
      out += '—';
      i += 2;
    } else if (value.startsWith('--', i)) {
      out += '–';
      i += 1;
    } else if (value.startsWith('...', i)) {
      out += '…';
      i += 2;
    } else out += value[i];
  }
  return out;
}

/**
 * A body with `transform` applied to each stretch of lines outside fenced code (``` and ~~~),
 * so that generator syntax may span lines of a stretch; fenced code is kept as written.
 */
export function outsideFencedCode(body: string, transform: (text: string) => string): string {
  const out: string[] = [];
  let run: string[] = [];
  let fenceMark = '';
  const flush = () => {
    if (run.length) out.push(transform(run.join('\n')));
    run = [];
  };
  for (const line of body.split('\n')) {
    const trimmed = line.trimStart();
    if (fenceMark) {
      out.push(line);
      if (trimmed.startsWith(fenceMark)) fenceMark = '';
    } else if (trimmed.startsWith('```') || trimmed.startsWith('~~~')) {
      flush();
      fenceMark = trimmed.slice(0, 3);
      out.push(line);
    } else run.push(line);
  }
  flush();
  return out.join('\n');
}
