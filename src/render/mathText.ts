import { replace as unicodeit } from 'unicodeit/ts_dist/js/replace.js';
import { combiningmarks, replacements } from 'unicodeit/ts_dist/js/data.js';

/**
 * Simple inline TeX as Unicode text (`\alpha` α, `x^2` x², `x_i` xᵢ, `\mathbb{R}` ℝ, `a \le b`
 * a ≤ b), by UnicodeIt's tables. Only TeX that it turns wholly into Unicode is converted:
 * every command must be one UnicodeIt knows by its exact name (or an operator name such as
 * `\log`, shown as its name), and nothing of TeX (`\`, `^`, `_`, braces) may be left; anything
 * else (fractions, `\text`, a subscript with no Unicode form) keeps its TeX as written.
 */

/** Longer TeX is not "simple": it stays as written (and UnicodeIt's passes stay cheap). */
const MAX_LENGTH = 80;
const CACHE_LIMIT = 4000;

const KNOWN = new Set<string>(replacements.map((r) => r[0]!));
const MARKS = new Set<string>(combiningmarks.map((r) => r[0]!));
/** TeX's operator names, which print as their names in upright letters. */
const OPERATORS = new Set(['arccos', 'arcsin', 'arctan', 'arg', 'cos', 'cosh', 'cot', 'deg', 'det', 'dim', 'exp', 'gcd', 'hom', 'inf', 'ker', 'lg', 'lim', 'ln', 'log', 'max', 'min', 'Pr', 'sec', 'sin', 'sinh', 'sup', 'tan', 'tanh']);

const cache = new Map<string, string | null>();

/** Operator names spelled out, or undefined when a command is one UnicodeIt does not know exactly. */
function simpleSource(tex: string): string | undefined {
  let out = '';
  let from = 0;
  for (let i = tex.indexOf('\\'); i >= 0; i = tex.indexOf('\\', from)) {
    let end = i + 1;
    while (end < tex.length && /[A-Za-z]/.test(tex[end]!)) end++;
    const name = tex.slice(i, end);
    if (end === i + 1) return undefined;
    out += tex.slice(from, i);
    from = end;
    if (OPERATORS.has(name.slice(1))) {
      out += name.slice(1);
      continue;
    }
    const close = tex[end] === '{' ? tex.indexOf('}', end) : -1;
    if (!KNOWN.has(name) && !(close > 0 && KNOWN.has(tex.slice(i, close + 1))) && !(close > 0 && MARKS.has(name))) return undefined;
    out += name;
  }
  return out + tex.slice(from);
}

/** The Unicode form of simple inline TeX, or undefined to keep the TeX. */
export function mathAsText(tex: string): string | undefined {
  const source = tex.replace(/\s+/g, ' ').trim();
  if (source === '' || source.length > MAX_LENGTH) return undefined;
  let result = cache.get(source);
  if (result === undefined) {
    const simple = simpleSource(source);
    const converted = simple === undefined ? undefined : unicodeit(simple);
    result = converted !== undefined && !/[\\^_{}]/.test(converted) ? converted : null;
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(source, result);
  }
  return result ?? undefined;
}
