import type { TokenizerExtension, RendererExtension, Tokens, Token } from 'marked';

/**
 * The Markdown that marked does not read by itself, as marked extensions: footnotes, math and
 * `:::` admonition containers. Each tokenizer looks a bounded distance ahead, so text full of
 * unclosed openers costs linear time.
 */

type Extension = TokenizerExtension & RendererExtension;

/** How far ahead an opener looks for its closer. */
const INLINE_MATH_LIMIT = 400;
const BLOCK_MATH_LIMIT = 20000;
const CONTAINER_LINES = 1000;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

export interface FootnoteRefToken extends Tokens.Generic {
  type: 'footnoteRef';
  label: string;
}

export interface FootnoteDefToken extends Tokens.Generic {
  type: 'footnoteDef';
  label: string;
  tokens: Token[];
}

export interface MathToken extends Tokens.Generic {
  type: 'mathInline' | 'mathBlock';
  tex: string;
}

export interface ContainerToken extends Tokens.Generic {
  type: 'container';
  name: string;
  title: string;
  tokens: Token[];
}

const footnoteRef: Extension = {
  name: 'footnoteRef',
  level: 'inline',
  start: (src) => inlineStart(src, (window) => window.indexOf('[^')),
  tokenizer(src) {
    const m = /^\[\^([^\]\s]{1,100})\]/.exec(src);
    if (!m) return undefined;
    return { type: 'footnoteRef', raw: m[0], label: m[1]! } as FootnoteRefToken;
  },
  renderer: (token) => `<x-fnref data-label="${escapeHtml((token as FootnoteRefToken).label)}"></x-fnref>`,
};

const LINE_START_NOTE = /(?:^|\n)\[\^/;
/** A line that starts a block of its own and so ends a footnote's lazy continuation. */
const BLOCK_START = /^ {0,3}(?:[#>]|[-*+][ \t]|\d{1,9}[.)][ \t]|```|~~~|\[\^|\$\$|:::)/;

const footnoteDef: Extension = {
  name: 'footnoteDef',
  level: 'block',
  start: (src) => blockStart(src, LINE_START_NOTE),
  tokenizer(src) {
    const m = /^\[\^([^\]\s]{1,100})\]:[ \t]?/.exec(src);
    if (!m) return undefined;
    const lines = linesAhead(src, CONTAINER_LINES);
    const body: string[] = [lines.next()!.slice(m[0].length)];
    let used = 1;
    let blank = false;
    for (let line = lines.next(); line !== undefined; line = lines.next(), used++) {
      if (line.trim() === '') {
        blank = true;
        body.push('');
        continue;
      }
      const indented = /^(?: {4}|\t| {1,3}(?=\S))/.exec(line);
      if (indented && (blank || !BLOCK_START.test(line) || /^ {4}|^\t/.test(line))) {
        body.push(line.replace(/^(?: {1,4}|\t)/, ''));
        blank = false;
        continue;
      }
      if (!blank && !BLOCK_START.test(line)) {
        body.push(line);
        continue;
      }
      break;
    }
    while (used > 1 && body[body.length - 1]!.trim() === '') {
      used--;
      body.pop();
    }
    let raw = lines.firstLines(used);
    if (src.length > raw.length && src[raw.length] === '\n') raw += '\n';
    const tokens = this.lexer.blockTokens(body.join('\n'), []);
    return { type: 'footnoteDef', raw, label: m[1]!, tokens } as FootnoteDefToken;
  },
  renderer: () => '',
};

/**
 * marked asks every extension where its next match may start, from the current position, at
 * every paragraph (block extensions) and every run of text (inline ones). Searching the whole
 * rest of the post each time would be quadratic, so the search stops at the end of the
 * paragraph, and inline searches look a window ahead: when nothing starts in the window, the
 * text is cut at a space near its end, and the next run of text goes on from there.
 */
const BLANK_LINE = /\n[ \t]*\n/;
const INLINE_WINDOW = 1024;

function blockStart(src: string, opener: RegExp): number {
  const blank = BLANK_LINE.exec(src);
  const region = blank ? src.slice(0, blank.index + 1) : src;
  const m = opener.exec(region);
  return m ? m.index + (m[0].startsWith('\n') ? 1 : 0) : -1;
}

function inlineStart(src: string, find: (window: string) => number): number {
  if (src.length <= INLINE_WINDOW) return find(src);
  const window = src.slice(0, INLINE_WINDOW);
  const at = find(window);
  if (at >= 0) return at;
  const space = window.lastIndexOf(' ');
  return space > 0 ? space : INLINE_WINDOW;
}

/** Reads lines one at a time from the start of `src`, at most `limit` of them. */
function linesAhead(src: string, limit: number) {
  let at = 0;
  let count = 0;
  const ends: number[] = [];
  return {
    next(): string | undefined {
      if (at > src.length || count >= limit) return undefined;
      let end = src.indexOf('\n', at);
      if (end < 0) end = src.length;
      const line = src.slice(at, end);
      ends.push(end);
      at = end + 1;
      count++;
      return line;
    },
    /** The first n lines read, joined. */
    firstLines(n: number): string {
      return n <= 0 ? '' : src.slice(0, ends[n - 1]);
    },
  };
}

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

function isSpace(ch: string | undefined): boolean {
  return ch === undefined || ch === ' ' || ch === '\n' || ch === '\t';
}

/** `$tex$`, `$$tex$$`, `\(tex\)` and `\[tex\]` inside a paragraph. */
const mathInline: Extension = {
  name: 'mathInline',
  level: 'inline',
  start: (src) =>
    inlineStart(src, (window) => {
      let best = -1;
      for (const opener of ['$', '\\(', '\\[']) {
        const at = window.indexOf(opener);
        if (at >= 0 && (best < 0 || at < best)) best = at;
      }
      return best;
    }),
  tokenizer(src) {
    const limit = Math.min(src.length, INLINE_MATH_LIMIT);
    let open = '';
    let close = '';
    if (src.startsWith('$$')) (open = '$$'), (close = '$$');
    else if (src.startsWith('$')) (open = '$'), (close = '$');
    else if (src.startsWith('\\(')) (open = '\\('), (close = '\\)');
    else if (src.startsWith('\\[')) (open = '\\['), (close = '\\]');
    else return undefined;
    if (open === '$' && isSpace(src[1])) return undefined;
    for (let i = src.indexOf(close, open.length); i >= 0 && i < limit; i = src.indexOf(close, i + 1)) {
      if (close === '$' && (src[i - 1] === '\\' || isSpace(src[i - 1]) || isDigit(src[i + 1]))) continue;
      const tex = src.slice(open.length, i);
      if (tex.trim() === '') return undefined;
      return { type: 'mathInline', raw: src.slice(0, i + close.length), tex } as MathToken;
    }
    return undefined;
  },
  renderer: (token) => `<x-math>${escapeHtml((token as MathToken).tex)}</x-math>`,
};

const LINE_START_MATH = /(?:^|\n) {0,3}(?:\$\$|\\\[)/;

/** `$$ ... $$` and `\[ ... \]` as a block of their own. */
const mathBlock: Extension = {
  name: 'mathBlock',
  level: 'block',
  start: (src) => blockStart(src, LINE_START_MATH),
  tokenizer(src) {
    const m = /^ {0,3}(\$\$|\\\[)/.exec(src);
    if (!m) return undefined;
    const close = m[1] === '$$' ? '$$' : '\\]';
    const end = src.indexOf(close, m[0].length);
    if (end < 0 || end > BLOCK_MATH_LIMIT) return undefined;
    let lineEnd = src.indexOf('\n', end);
    if (lineEnd < 0) lineEnd = src.length;
    if (src.slice(end + close.length, lineEnd).trim() !== '') return undefined;
    const tex = src.slice(m[0].length, end).trim();
    return { type: 'mathBlock', raw: src.slice(0, Math.min(src.length, lineEnd + 1)), tex } as MathToken;
  },
  renderer: (token) => `<x-mathblock>${escapeHtml((token as MathToken).tex)}</x-mathblock>`,
};

const LINE_START_CONTAINER = /(?:^|\n):::/;
const CONTAINER_OPEN = /^(:{3,})[ \t]*([A-Za-z][\w-]*)?[ \t]*(?:\[([^\]\n]*)\])?[ \t]*([^\n]*)(?:\n|$)/;

/** Docusaurus / VitePress / markdown-it containers: `:::tip Title` ... `:::`. */
const container: Extension = {
  name: 'container',
  level: 'block',
  start: (src) => blockStart(src, LINE_START_CONTAINER),
  tokenizer(src) {
    const m = CONTAINER_OPEN.exec(src);
    if (!m || !m[2]) return undefined;
    const lines = linesAhead(src.slice(m[0].length), CONTAINER_LINES);
    let depth = 1;
    let fence: string | null = null;
    for (let line = lines.next(), i = 0; line !== undefined; line = lines.next(), i++) {
      const f = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
      if (fence) {
        if (f && f[0] === fence[0] && f.length >= fence.length) fence = null;
        continue;
      }
      if (f) {
        fence = f;
        continue;
      }
      if (/^ {0,3}:{3,}[ \t]*$/.test(line)) depth--;
      else if (/^ {0,3}:{3,}[ \t]*[A-Za-z]/.test(line)) depth++;
      if (depth === 0) {
        const inner = lines.firstLines(i);
        let raw = m[0] + lines.firstLines(i + 1);
        if (src.length > raw.length && src[raw.length] === '\n') raw += '\n';
        const tokens = this.lexer.blockTokens(inner, []);
        return { type: 'container', raw, name: m[2].toLowerCase(), title: (m[3] ?? m[4] ?? '').trim(), tokens } as ContainerToken;
      }
    }
    return undefined;
  },
  renderer: () => '',
};

export const SYNTAX_EXTENSIONS: Extension[] = [footnoteDef, mathBlock, container, footnoteRef, mathInline];
