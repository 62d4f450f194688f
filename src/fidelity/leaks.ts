import { Marked, type Token } from 'marked';
import { BOUNDED_RULES, lexBounded } from '../content/boundedLexer.js';
import { decodeHTML } from 'entities';
import stringWidth from 'string-width';
import { limitNesting } from '../content/nestingLimit.js';
import { findMath } from '../content/mathSpans.js';
import { mathAsText } from '../render/mathText.js';
import { diffSequences } from './wordDiff.js';
import { stripTags } from '../content/htmlText.js';

const LEX_OPTIONS = new Marked({ gfm: true }, { tokenizer: BOUNDED_RULES }).defaults;

/**
 * Finds what leaks from a post's Markdown into its rendering: markup a reader should never see
 * (tags, entities, footnote syntax, generator and directive syntax), math that did not survive,
 * lists numbered wrongly, and lines wider than the screen. Each finding is checked against the
 * source, so text the author meant to show (an escaped `&lt;div&gt;`, code) is not a leak.
 */

export type LeakKind = 'tag' | 'entity' | 'footnote' | 'directive' | 'generator' | 'math' | 'list' | 'width';

export const LEAK_KINDS: ReadonlyArray<{ kind: LeakKind; label: string }> = [
  { kind: 'tag', label: 'raw HTML tag' },
  { kind: 'entity', label: 'HTML entity' },
  { kind: 'footnote', label: 'footnote syntax' },
  { kind: 'directive', label: ':::, {#id} or {.class}' },
  { kind: 'generator', label: 'generator syntax ({{< {% {: MDX)' },
  { kind: 'math', label: 'damaged math' },
  { kind: 'list', label: 'misnumbered list' },
  { kind: 'width', label: 'line over width' },
];

export interface Leak {
  kind: LeakKind;
  /** 1-based line of the rendered text. */
  line: number;
  /** 1-based line of the Markdown body where the leaked text comes from, when it can be found. */
  sourceLine?: number;
  /** What leaked, cut short. */
  text: string;
}

/** Elements of HTML (current and obsolete ones still seen in posts). */
const HTML_ELEMENTS = new Set(
  ('a abbr acronym address area article aside audio b base bdi bdo big blockquote body br button canvas caption center ' +
    'cite code col colgroup data datalist dd del details dfn dialog dir div dl dt em embed fieldset figcaption figure font ' +
    'footer form frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe img input ins kbd label legend li link ' +
    'main map mark marquee menu meta meter nav noscript object ol optgroup option output p param picture pre progress q rp rt ' +
    'ruby s samp script search section select slot small source span strike strong style sub summary sup svg table tbody td ' +
    'template textarea tfoot th thead time title tr track tt u ul var video wbr math mi mn mo mrow msub msup mfrac')
    .split(' '),
);

const TAG = /<\/?([A-Za-z][A-Za-z0-9]*)(?:\s[^<>]*)?\/?>|<!--|-->/g;
const ENTITY = /&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/g;
const FOOTNOTE = /\[\^[^\]\s]{1,60}\]/g;
const DIRECTIVE = /^[\s│┃▌>|]*:::|\{[#.][A-Za-z][\w:.-]*(?:\s+[#.][A-Za-z][\w:.-]*)*\}/g;
const GENERATOR = /\{\{[<%]|[>%]\}\}|\{%|%\}|\{\{ |\{:/g;
/** MDX only: ES module lines and JSX components (in Markdown, `Vec<T>` is not a component). */
const MDX = /<\/?[A-Z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)*(?=[\s/>])|^\s*(?:import\s.*\sfrom\s+['"]|export\s+(?:const|default|function)\b)/g;
const MARKDOWN_ESCAPE = /\\([!-/:-@[-`{-~])/g;
const LIST_MARKER = /^[\s│┃▌>|]*(\d{1,9})[.)](?=\s)/;
/** A paragraph or heading that starts with a number, bold or not (`**1. Setup**`). */
const NUMBERED_TEXT = /^(?:\*\*|__|\*|_)?\\?(\d{1,9})\\?[.)]\s/;

/** What the Markdown says, gathered once per post. */
export interface SourceFacts {
  body: string;
  /** The body's text outside code blocks and code spans: where leaked text must come from. */
  prose: string;
  /** Code block lines, trimmed. */
  codeLines: Set<string>;
  /** Code block lines too long for one screen line: wrapped pieces of them are code too. */
  longCodeLines: string[];
  /** The text of every code span. */
  codeSpans: string[];
  /** Numbers a correct rendering starts lines with, in order: ordered list items, numbered headings. */
  numbers: string[];
  /** Math in the text: its TeX, and the offset in the body where it starts. */
  math: Array<{ tex: string; at: number }>;
  /** Whether the prose has `-->` outside HTML comments (an arrow written as text). */
  textArrows: boolean;
  /** Whether the prose has escaped Hugo shortcodes (`{{</*` … `*\/>}}`), which the page shows as shortcodes. */
  escapedShortcodes: boolean;
}

function walk(tokens: readonly Token[] | undefined, visit: (t: Token) => void): void {
  for (const t of tokens ?? []) {
    visit(t);
    const any = t as Token & { tokens?: Token[]; items?: Token[] };
    if (t.type === 'table') {
      const table = t as Token & { header: Array<{ tokens: Token[] }>; rows: Array<Array<{ tokens: Token[] }>> };
      for (const cell of table.header) walk(cell.tokens, visit);
      for (const row of table.rows) for (const cell of row) walk(cell.tokens, visit);
    }
    walk(any.items, visit);
    walk(any.tokens, visit);
  }
}

/** Blanks a text's code spans (as their raw source), keeping offsets. */
function blankSpans(raw: string, spans: readonly string[]): string {
  let out = raw;
  let from = 0;
  for (const span of spans) {
    const at = out.indexOf(span, from);
    if (at < 0) continue;
    out = out.slice(0, at) + ' '.repeat(span.length) + out.slice(at + span.length);
    from = at + span.length;
  }
  return out;
}

/** Block tokens that hold text and no other blocks; their source, code spans blanked, is the prose. */
const LEAVES = new Set(['paragraph', 'heading', 'html', 'text', 'def', 'table']);

function collectProse(tokens: readonly Token[] | undefined, prose: string[]): void {
  for (const t of tokens ?? []) {
    if (LEAVES.has(t.type)) {
      const spans: string[] = [];
      walk([t], (inner) => {
        if (inner.type === 'codespan') spans.push(inner.raw);
      });
      prose.push(blankSpans(t.raw, spans));
      continue;
    }
    const any = t as Token & { tokens?: Token[]; items?: Token[] };
    collectProse(any.items, prose);
    collectProse(any.tokens, prose);
  }
}

const LIST_TAG = /<(\/?)(ol|ul|li)\b([^<>]{0,300})>/gi;

/** The numbers of the items of raw HTML ordered lists (`<ol start="3"><li>`), nested lists included. */
function htmlListNumbers(html: string, numbers: string[]): void {
  const stack: Array<{ ordered: boolean; next: number }> = [];
  for (const m of html.matchAll(LIST_TAG)) {
    const name = m[2]!.toLowerCase();
    if (m[1]) {
      if (name !== 'li') stack.pop();
    } else if (name === 'li') {
      const list = stack[stack.length - 1];
      if (list?.ordered) numbers.push(String(list.next++));
    } else {
      const start = /\bstart\s*=\s*["']?(\d{1,9})/i.exec(m[3]!);
      stack.push({ ordered: name === 'ol', next: start ? Number(start[1]) : 1 });
    }
  }
}

/** The numbers lines should start with, in document order: list items' and numbered headings' or paragraphs'. */
function collectNumbers(tokens: readonly Token[] | undefined, numbers: string[]): void {
  for (const t of tokens ?? []) {
    if (t.type === 'list') {
      const list = t as Token & { ordered: boolean; start: number | ''; items: Array<Token & { tokens: Token[] }> };
      const start = typeof list.start === 'number' ? list.start : 1;
      list.items.forEach((item, i) => {
        if (list.ordered) numbers.push(String(start + i));
        collectNumbers(item.tokens, numbers);
      });
    } else if (t.type === 'heading' || t.type === 'paragraph') {
      const m = NUMBERED_TEXT.exec(t.raw.replace(/^#+\s*/, ''));
      if (m) numbers.push(String(Number(m[1])));
    } else if (t.type === 'blockquote') {
      collectNumbers((t as Token & { tokens: Token[] }).tokens, numbers);
    } else if (t.type === 'html') {
      htmlListNumbers(t.raw, numbers);
    }
  }
}

/** Text with its HTML comments (`<!--` to the next `-->`) and script elements taken out; one pass. */
function withoutComments(text: string): string {
  const lower = text.toLowerCase();
  let out = '';
  let from = 0;
  for (;;) {
    const comment = lower.indexOf('<!--', from);
    const script = lower.indexOf('<script', from);
    const open = comment < 0 ? script : script < 0 ? comment : Math.min(comment, script);
    if (open < 0) return out + text.slice(from);
    const closer = open === comment ? '-->' : '</script>';
    const close = lower.indexOf(closer, open + 4);
    out += text.slice(from, open);
    if (close < 0) return out;
    from = close + closer.length;
  }
}

/** The content of the `name` elements (`xmp`, `pre`) in raw HTML. */
function elementContent(html: string, name: string): string {
  const lower = html.toLowerCase();
  const parts: string[] = [];
  for (let open = lower.indexOf(`<${name}`); open >= 0; ) {
    const close = lower.indexOf(`</${name}>`, open);
    parts.push(html.slice(open, close < 0 ? html.length : close));
    if (close < 0) break;
    open = lower.indexOf(`<${name}`, close);
  }
  return parts.join('\n');
}

/**
 * Reads what the checks need from a post's Markdown body (as prepared by its site);
 * `written` is the body as written, before the site's preparation, when that differs.
 */
export function sourceFacts(body: string, written = body): SourceFacts {
  const tokens = lexBounded(limitNesting(body), LEX_OPTIONS);
  const codeLines = new Set<string>();
  const longCodeLines: string[] = [];
  const codeSpans: string[] = [];
  const numbers: string[] = [];
  const prose: string[] = [];
  const addCode = (text: string): void => {
    for (const line of text.split('\n')) {
      const trimmed = spaced(line);
      if (trimmed === '') continue;
      codeLines.add(trimmed);
      if (trimmed.length > 60) longCodeLines.push(trimmed);
    }
  };
  walk(tokens, (t) => {
    if (t.type === 'code') addCode((t as Token & { text: string }).text);
    else if (t.type === 'html') {
      // `<xmp>` is shown as written; `<pre>` as its text, tags (a highlighter's spans) gone and
      // entities decoded, so a tag of it that reaches the screen is a leak.
      addCode(elementContent(t.raw, 'xmp'));
      addCode(decodeHTML(stripTags(elementContent(t.raw, 'pre'))));
    } else if (t.type === 'codespan') {
      codeSpans.push((t as Token & { text: string }).text);
    }
  });
  collectNumbers(tokens, numbers);
  collectProse(tokens, prose);
  const math: Array<{ tex: string; at: number }> = [];
  let from = 0;
  for (const text of prose) {
    if (!text.includes('$') && !text.includes('\\')) continue;
    for (const m of findMath(withoutComments(text))) {
      const at = body.indexOf(m.tex, from);
      math.push({ tex: m.tex, at: at < 0 ? from : at });
      if (at >= 0) from = at;
    }
  }
  const joined = prose.join('\n');
  return { body, prose: joined, codeLines, longCodeLines, codeSpans, numbers, math, textArrows: withoutComments(joined).includes('-->'),
    escapedShortcodes: /\{\{[<%]\/\*/.test(written),
  };
}

/** Line numbers of offsets in a text, by binary search over where its lines start. */
function lineFinder(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

/** A code line continued from the one above starts with this mark (see src/render/lineWrap.ts). */
/** Block quote and admonition bars before a line's text. */
const LINE_PREFIX = /^[\s│┃▌]+/;
const CONTINUED = /^[\s│┃▌]*↪ /;

/** A line with its whitespace runs as single spaces, trimmed: code shows tabs as spaces. */
function spaced(line: string): string {
  return line.replace(/\s+/g, ' ').trim();
}

/** Whether a rendered line is a line of code, or a piece of one wrapped (`↪`) or too long for the screen. */
function isCodeLine(facts: SourceFacts, line: string): boolean {
  const continued = CONTINUED.test(line);
  const trimmed = spaced(line.replace(CONTINUED, ''));
  if (trimmed === '') return false;
  if (facts.codeLines.has(trimmed)) return true;
  return (continued || trimmed.length >= 10) && facts.longCodeLines.some((code) => code.includes(trimmed));
}

/**
 * Whether a match is inside a code span shown on this line: the whole span, or, where the span is
 * wrapped across lines, the line's end is the span's start or the line's start is its end, with the
 * match in that piece.
 */
function inCodeSpan(facts: SourceFacts, lines: readonly string[], index: number, match: string): boolean {
  const line = lines[index]!;
  const text = line.trim();
  const before = lines[index - 1]?.trim() ?? '';
  const after = lines[index + 1]?.trim() ?? '';
  return facts.codeSpans.some((span) => {
    const at = span.indexOf(match);
    if (at < 0) return false;
    if (line.includes(span) || span.length > 40) return true;
    for (let cut = span.indexOf(' '); cut > 0; cut = span.indexOf(' ', cut + 1)) {
      const head = span.slice(0, cut);
      const tail = span.slice(cut + 1);
      if (cut >= at + match.length && text.endsWith(head) && after.startsWith(tail)) return true;
      if (cut < at && text.startsWith(tail) && before.endsWith(head)) return true;
    }
    return false;
  });
}

function short(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > 70 ? `${one.slice(0, 69)}…` : one;
}

function isEntity(text: string): boolean {
  return decodeHTML(text) !== text;
}

const INDENT = /^[\s│┃▌>|]*/;
const ANY_MARKER = /^[\s│┃▌>|]*(?:\d{1,9}[.)]|[-*+•◦▪‣·○●■□☐☑☒✓✗]|\[[ xX]\])(?=\s)/;

/**
 * Whether a line starting with a number can be a list item: the first of the body, or after a
 * blank line, a more indented line (the end of an item), an item indented as much or more, or
 * an item indented less when the number is one the Markdown's lists use (a nested item). A line
 * of a wrapped paragraph or item that happens to start with "19." or "99001." follows a line
 * indented as much as itself, or an item whose text it continues.
 */
function startsItem(lines: readonly string[], index: number, bodyStart: number, numberInSource: boolean): boolean {
  if (index <= bodyStart) return true;
  const prev = lines[index - 1]!;
  if (prev.trim() === '') return true;
  const indent = INDENT.exec(lines[index]!)![0].length;
  const prevIndent = INDENT.exec(prev)![0].length;
  if (ANY_MARKER.test(prev)) return indent <= prevIndent || numberInSource;
  return prevIndent > indent;
}

export interface CheckOptions {
  width: number;
  /** Lines before this index (the title, date and rule) are not the body: only width and entities are checked there. */
  bodyStart?: number;
  /** Text outside the body the header lines come from (title), where entity leaks may originate. */
  header?: string;
  /** The post is MDX: its imports, exports and JSX components count as generator syntax. */
  mdx?: boolean;
}

/**
 * Whether math wrapped inside a table cell came through: a cell's lines alternate with the other
 * cells' text, so the TeX's words are looked for in order, each within two rows of the last.
 */
function wrappedInCell(text: string, tex: string, width: number): boolean {
  const words = tex.split(/\s+/).filter((w) => w !== '');
  if (words.length < 2) return false;
  // Tried from each of the first word's first 100 places, so each try is bounded.
  for (let start = text.indexOf(words[0]!), tries = 0; start >= 0 && tries < 100; start = text.indexOf(words[0]!, start + 1), tries++) {
    let at = start;
    for (let i = 1; at >= 0 && i < words.length; i++) {
      const next = text.indexOf(words[i]!, at + words[i - 1]!.length);
      at = next >= 0 && next - at <= 3 * (width + 1) ? next : -1;
    }
    if (at >= 0) return true;
  }
  return false;
}

/**
 * The text of each table cell, whitespace removed, with the cell's lines joined: a cell's TeX
 * broken inside a word by a narrow column is whole again. Rows are the lines between borders.
 */
function tableCells(lines: readonly string[]): string[] {
  const cells: string[] = [];
  let row: string[] = [];
  const flush = (): void => {
    for (const cell of row) if (cell !== '') cells.push(cell);
    row = [];
  };
  for (const line of lines) {
    const text = line.trim();
    if (!text.startsWith('│')) {
      flush();
      continue;
    }
    text.split('│').slice(1, -1).forEach((piece, column) => {
      row[column] = (row[column] ?? '') + piece.replace(/\s+/g, '');
    });
  }
  flush();
  return cells;
}

/** Every leak in one rendered post. `lines` is the rendering with styles removed. */
export function findLeaks(facts: SourceFacts, lines: readonly string[], options: CheckOptions): Leak[] {
  const leaks: Leak[] = [];
  const body = facts.body;
  const bodyStart = options.bodyStart ?? 0;
  const lineOf = lineFinder(body);
  // Where in the body each kind's last finding was, so repeated text maps to successive places.
  const searchFrom = new Map<string, number>();
  const sourceLineOf = (text: string): number | undefined => {
    const at = body.indexOf(text, searchFrom.get(text) ?? 0);
    const found = at >= 0 ? at : body.indexOf(text);
    if (found < 0) return undefined;
    searchFrom.set(text, found + text.length);
    return lineOf(found);
  };
  /** Each match is a leak; for syntax shown as a whole line (`wholeLine`), the first match of a line only. */
  const scan = (kind: LeakKind, pattern: RegExp, line: string, index: number, accept: (match: string) => boolean, wholeLine = false): void => {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(line); m; m = pattern.exec(line)) {
      if (m[0] === '') {
        pattern.lastIndex++;
        continue;
      }
      const match = m[0].replace(/^[\s│┃▌>|]+/, '').trim();
      if (!accept(match) || inCodeSpan(facts, lines, index, match)) continue;
      const fromSource = index < bodyStart ? options.header?.includes(match) : facts.prose.includes(match);
      if (!fromSource) continue;
      leaks.push({ kind, line: index + 1, sourceLine: index < bodyStart ? undefined : sourceLineOf(match), text: short(wholeLine ? line : match) });
      if (wholeLine) return;
    }
  };

  const expected = new Set(facts.numbers);
  const observedNumbers: string[] = [];
  const observedLines: number[] = [];
  lines.forEach((line, index) => {
    if (stringWidth(line) > options.width) leaks.push({ kind: 'width', line: index + 1, text: `${stringWidth(line)} columns: ${short(line)}` });
    if (index >= bodyStart && isCodeLine(facts, line)) return;
    scan('entity', ENTITY, line, index, isEntity);
    if (index < bodyStart) return;
    scan('tag', TAG, line, index, (tag) => tag === '<!--' || (tag === '-->' ? !facts.textArrows : HTML_ELEMENTS.has(/^<\/?([A-Za-z0-9]+)/.exec(tag)![1]!.toLowerCase())));
    scan('footnote', FOOTNOTE, line, index, () => true);
    scan('directive', DIRECTIVE, line, index, () => true, true);
    scan('generator', GENERATOR, line, index, (match) => !(facts.escapedShortcodes && /^(?:\{\{[<%]|[>%]?\}\})$/.test(match)), true);
    if (options.mdx) scan('generator', MDX, line, index, () => true, true);
    const marker = LIST_MARKER.exec(line);
    if (marker && startsItem(lines, index, bodyStart, expected.has(String(Number(marker[1]))))) {
      observedNumbers.push(String(Number(marker[1])));
      observedLines.push(index);
    }
  });

  // Numbers that start lines but are not where the Markdown's lists and headings put them.
  const diff = diffSequences(facts.numbers, observedNumbers, 2000);
  if (diff) {
    for (const i of diff.inserted) leaks.push({ kind: 'list', line: observedLines[i]! + 1, text: short(lines[observedLines[i]!]!) });
  } else if (observedNumbers.length) {
    leaks.push({ kind: 'list', line: observedLines[0]! + 1, text: 'list numbers differ from the source throughout' });
  }

  // Math must come through with its TeX intact (spaces aside).
  if (facts.math.length) {
    const flat = lines
      .slice(bodyStart)
      .map((line) => line.replace(CONTINUED, '').replace(LINE_PREFIX, ''))
      .join('')
      .replace(/\s+/g, '');
    const flatLines = lines.slice(bodyStart).join('\n');
    const cells = tableCells(lines.slice(bodyStart));
    const inCell = (tex: string): boolean => cells.some((cell) => cell.includes(tex));
    for (const { tex, at } of facts.math) {
      const want = tex.replace(/\s+/g, '');
      // Where math is not protected from Markdown, authors escape it for Markdown (`\\{` for `\{`).
      const unescaped = want.replace(MARKDOWN_ESCAPE, '$1');
      // Simple TeX is shown as the Unicode it stands for.
      const unicode = mathAsText(tex)?.replace(/\s+/g, '');
      if (want !== '' && !flat.includes(want) && !flat.includes(unescaped) && !(unicode && flat.includes(unicode)) && !wrappedInCell(flatLines, tex, options.width) && !inCell(want) && !inCell(unescaped)) {
        leaks.push({ kind: 'math', line: 0, sourceLine: lineOf(at), text: short(tex) });
      }
    }
  }
  return leaks;
}
