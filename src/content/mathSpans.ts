/**
 * Where TeX math is in Markdown text, found as pandoc finds it: `$$…$$`, `\[…\]`, `\(…\)` (and
 * `\\(…\\)`, which Markdown turns into `\(…\)` for MathJax), and `$…$` whose opening `$` has a
 * non-space on its right and whose closing `$` has a non-space on its left and no digit after
 * it, so that prices are not math. `\[…\]` and `\(…\)` count only when what they hold looks like
 * TeX, not words in escaped brackets. One pass; each search for a closer is bounded.
 */

export interface MathSpan {
  /** The TeX between the delimiters. */
  tex: string;
  /** Offset of the opening delimiter. */
  at: number;
  /** Offset just after the closing delimiter. */
  end: number;
}

/** How far a closing delimiter is looked for. */
const DISPLAY_LIMIT = 4000;
const INLINE_LIMIT = 400;

const TEX_LIKE = /[\\^_{}=]|^\s*\S{1,3}\s*$/;
const SPACE = /\s/;
const DIGIT = /[0-9]/;

/** indexOf bounded to `limit` characters after `from`, so an unclosed opener costs little. */
function within(text: string, what: string, from: number, limit: number): number {
  const at = text.slice(from, from + limit).indexOf(what);
  return at < 0 ? -1 : from + at;
}

/** The closing `$` of inline math opened at i, or -1. */
function inlineDollarEnd(text: string, i: number): number {
  for (let j = i + 1; j < text.length && j - i < INLINE_LIMIT; j++) {
    const c = text[j];
    if (c === '\\') {
      j++;
      continue;
    }
    if (c === '\n' && text[j + 1] === '\n') return -1;
    if (c === '$') return !SPACE.test(text[j - 1]!) && !DIGIT.test(text[j + 1] ?? '') ? j : -1;
  }
  return -1;
}

export function findMath(text: string): MathSpan[] {
  const found: MathSpan[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '\\') {
      const double = text[i + 1] === '\\';
      const open = text[i + (double ? 2 : 1)];
      if (open === '(' || open === '[') {
        const lead = double ? 3 : 2;
        const close = (double ? '\\\\' : '\\') + (open === '(' ? ')' : ']');
        const end = within(text, close, i + lead, DISPLAY_LIMIT);
        const tex = end > 0 ? text.slice(i + lead, end) : '';
        if (end > 0 && (double || TEX_LIKE.test(tex))) {
          found.push({ tex, at: i, end: end + close.length });
          i = end + close.length;
          continue;
        }
      }
      i += 2;
      continue;
    }
    if (ch === '$' && text[i + 1] === '$') {
      const end = within(text, '$$', i + 2, DISPLAY_LIMIT);
      if (end < 0) {
        i += 2;
        continue;
      }
      const tex = text.slice(i + 2, end);
      if (tex.trim() !== '') found.push({ tex, at: i, end: end + 2 });
      i = end + 2;
      continue;
    }
    if (ch === '$' && text[i + 1] !== undefined && !SPACE.test(text[i + 1]!)) {
      const end = inlineDollarEnd(text, i);
      if (end > 0) {
        found.push({ tex: text.slice(i + 1, end), at: i, end: end + 1 });
        i = end + 1;
        continue;
      }
    }
    i++;
  }
  return found;
}
