/**
 * Front matter as most posts write it, read without the YAML library: `key: value` lines whose
 * values are plain or quoted scalars, flow lists (`[a, "b"]`) or block lists (`- a`). The result
 * is what `yaml`'s parse gives (YAML 1.2, core schema) for the same text; anything outside this
 * small subset (nested maps, multi-line scalars, escapes, anchors, tags, comments after values,
 * numbers other than small integers, repeated keys...) returns undefined, and the caller uses
 * the YAML library. One pass over the lines, no backtracking expressions.
 */

const KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const INTEGER = /^-?(0|[1-9][0-9]{0,14})$/;
// The core schema's other numbers (other integers, floats, octal, hexadecimal, infinities,
// NaN), as the YAML library tests them: left to the library.
const OTHER_NUMBERS = [
  /^[-+]?[0-9]+$/,
  /^0o[0-7]+$/,
  /^0x[0-9a-fA-F]+$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
  /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
];
const NULLS = new Set(['~', 'null', 'Null', 'NULL']);
const BOOLEANS: Record<string, boolean> = { true: true, True: true, TRUE: true, false: false, False: false, FALSE: false };
// Characters a plain scalar cannot start with (or that this reader leaves to the library).
const INDICATORS = '-?:,[]{}#&*!|>\'"%@`';

/** The text without the spaces at its ends (only U+0020: YAML's other white space is tab, left to the library). */
function strip(text: string): string {
  let from = 0;
  let to = text.length;
  while (from < to && text.charCodeAt(from) === 0x20) from++;
  while (to > from && text.charCodeAt(to - 1) === 0x20) to--;
  return text.slice(from, to);
}

/** Whether the text has a character YAML does not print as it stands (C0, DEL, C1, a BOM): left to the library. */
function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0xfeff || code === 0xfffe || code === 0xffff) return true;
  }
  return false;
}

/** A plain scalar's value; undefined when it is not one this reader takes. `flow`: inside [ ]. */
function plainScalar(text: string, flow: boolean): unknown {
  if (text === '') return undefined;
  if (INTEGER.test(text)) return Number(text);
  if (INDICATORS.includes(text[0]!) || text.endsWith(':')) return undefined;
  if (text.includes(': ') || text.includes(' #') || text.includes('\t')) return undefined;
  if (flow && /[[\]{},]/.test(text)) return undefined;
  if (NULLS.has(text)) return null;
  if (Object.hasOwn(BOOLEANS, text)) return BOOLEANS[text];
  if (OTHER_NUMBERS.some((number) => number.test(text))) return undefined;
  return hasControl(text) ? undefined : text;
}

/** A quoted scalar without escapes or inner quotes (`"x"`, `'x'`), or undefined. */
function quotedScalar(text: string): string | undefined {
  const quote = text[0];
  if ((quote !== '"' && quote !== "'") || text.length < 2 || !text.endsWith(quote)) return undefined;
  const inner = text.slice(1, -1);
  if (inner.includes(quote) || (quote === '"' && inner.includes('\\'))) return undefined;
  return hasControl(inner) ? undefined : inner;
}

const NOT_TAKEN = Symbol('not taken');

/** One scalar (plain or quoted), trimmed; NOT_TAKEN when outside the subset. */
function scalar(text: string, flow: boolean): unknown {
  const trimmed = strip(text);
  const quoted = quotedScalar(trimmed);
  if (quoted !== undefined) return quoted;
  if (trimmed[0] === '"' || trimmed[0] === "'") return NOT_TAKEN;
  const plain = plainScalar(trimmed, flow);
  return plain === undefined ? NOT_TAKEN : plain;
}

/** `[a, "b", c]`: its items, or NOT_TAKEN. Quoted items may hold commas. */
function flowList(text: string): unknown[] | typeof NOT_TAKEN {
  const inner = text.slice(1, -1);
  if (strip(inner) === '') return [];
  const items: unknown[] = [];
  let at = 0;
  while (at <= inner.length) {
    while (inner[at] === ' ') at++;
    let end: number;
    if (inner[at] === '"' || inner[at] === "'") {
      const close = inner.indexOf(inner[at]!, at + 1);
      if (close < 0) return NOT_TAKEN;
      end = inner.indexOf(',', close);
      if (end < 0) end = inner.length;
      if (strip(inner.slice(close + 1, end)) !== '') return NOT_TAKEN;
    } else {
      end = inner.indexOf(',', at);
      if (end < 0) end = inner.length;
    }
    const item = scalar(inner.slice(at, end), true);
    if (item === NOT_TAKEN) return NOT_TAKEN;
    items.push(item);
    at = end + 1;
  }
  return items;
}

/** A value written on the key's line, or NOT_TAKEN. */
function inlineValue(text: string): unknown {
  const trimmed = strip(text);
  if (trimmed.startsWith('[')) return trimmed.endsWith(']') ? flowList(trimmed) : NOT_TAKEN;
  return scalar(trimmed, false);
}

/** A line of spaces only, or a comment line. */
function isBlank(line: string): boolean {
  const stripped = strip(line);
  return stripped === '' || stripped.startsWith('#');
}

/** The front matter's mapping, or undefined when the text is outside the subset this reader takes. */
export function parseSimpleYaml(text: string): Record<string, unknown> | undefined {
  if (text.includes('\t')) return undefined;
  const lines = text.split('\n');
  const out: Record<string, unknown> = {};
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    i++;
    if (isBlank(line)) {
      if (line.startsWith(' ') && strip(line) !== '') return undefined;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon < 0) return undefined;
    const key = line.slice(0, colon);
    const rest = line.slice(colon + 1);
    if (!KEY.test(key) || key === '__proto__' || NULLS.has(key) || Object.hasOwn(BOOLEANS, key) || Object.hasOwn(out, key)) return undefined;
    if (rest !== '' && !rest.startsWith(' ')) return undefined;
    if (strip(rest) !== '') {
      const value = inlineValue(rest);
      if (value === NOT_TAKEN) return undefined;
      out[key] = value;
      continue;
    }
    // `key:` alone: a block list below it, else null.
    const items: unknown[] = [];
    let indent = -1;
    while (i < lines.length) {
      const next = lines[i]!;
      if (isBlank(next)) {
        i++;
        continue;
      }
      let dash = 0;
      while (next.charCodeAt(dash) === 0x20) dash++;
      if (next[dash] !== '-') break;
      if (indent < 0) indent = dash;
      if (dash !== indent || next[dash + 1] !== ' ') return undefined;
      const item = scalar(next.slice(dash + 2), false);
      if (item === NOT_TAKEN || (typeof item === 'string' && item.startsWith('- '))) return undefined;
      items.push(item);
      i++;
    }
    out[key] = indent < 0 ? null : items;
  }
  return out;
}
