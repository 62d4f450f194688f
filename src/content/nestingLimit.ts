import { Lexer } from 'marked';
/**
 * Markdown nested absurdly deep (thousands of block quotes, list items or emphasis spans inside
 * each other) makes marked recurse until the stack overflows, or run out of memory. No post
 * nests more than a few levels, so nesting past MAX_NESTING is flattened before lexing: the
 * text is kept, and only the block quote and list markers past that depth are dropped, and the
 * emphasis delimiters past it are escaped (shown as they are). Text nested less deeply comes
 * back unchanged, so rendering and word counts of ordinary posts are not affected.
 */
export const MAX_NESTING = 32;

/** Inside what looks like a fenced code block, lines are left alone up to this depth. */
const FENCED_LIMIT = MAX_NESTING * 4;
/** A line whose start could hold more than MAX_NESTING levels: only such text needs the slow pass. */
const DEEP_PREFIX = new RegExp(`^[ \\t>*+\\-.)0-9]{${MAX_NESTING},}`, 'm');
const DELIMITER = /[*_~]/g;
const LEAD = /[ \t]*/y;
/** A block quote marker, or a list item marker (followed by a blank or the end of the line). */
const MARKER = />|(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)/y;
const FENCE = /^(`{3,}|~{3,})/;
const RUN = /(`+)|([*_~]+)/g;
const SPACE = /\s/;

function columns(ws: string): number {
  let col = 0;
  for (const ch of ws) col = ch === '\t' ? col + 4 - (col % 4) : col + 1;
  return col;
}

/** Nesting levels whitespace can add: a list item's content may be indented two columns a level. */
function levels(ws: string, afterMarker: boolean): number {
  return Math.floor(Math.max(0, columns(ws) - (afterMarker ? 1 : 0)) / 2);
}

interface Prefix {
  lead: string;
  units: Array<{ marker: string; ws: string }>;
  rest: string;
  depth: number;
}

function parsePrefix(line: string): Prefix {
  LEAD.lastIndex = 0;
  const lead = LEAD.exec(line)![0];
  let at = lead.length;
  let depth = levels(lead, false);
  const units: Prefix['units'] = [];
  for (;;) {
    MARKER.lastIndex = at;
    const marker = MARKER.exec(line)?.[0];
    if (marker === undefined) break;
    LEAD.lastIndex = at + marker.length;
    const ws = LEAD.exec(line)![0];
    units.push({ marker, ws });
    depth += 1 + levels(ws, true);
    at += marker.length + ws.length;
  }
  return { lead, units, rest: line.slice(at), depth };
}

/** The line's container markers cut to `limit` levels; the last marker (the line's own item) stays. */
function flattenPrefix(prefix: Prefix, limit: number): string {
  let budget = limit;
  const leadLevels = levels(prefix.lead, false);
  const keepLead = Math.min(leadLevels, budget - 1);
  let out = keepLead === leadLevels ? prefix.lead : ' '.repeat(2 * keepLead);
  budget -= keepLead;
  prefix.units.forEach((unit, i) => {
    const reserve = i === prefix.units.length - 1 ? 0 : 1;
    if (budget - reserve < 1) return;
    const wanted = levels(unit.ws, true);
    const extra = Math.min(wanted, budget - reserve - 1);
    out += unit.marker + (extra === wanted ? unit.ws : ' '.repeat(1 + 2 * extra));
    budget -= 1 + extra;
  });
  return out + prefix.rest;
}

const escapeRun = (run: string) => run.replace(/./g, '\\$&');

/** Emphasis opened and not yet closed in the current paragraph, and how much of it was escaped. */
interface Emphasis {
  depth: number;
  escaped: number;
}

/** Escapes the emphasis delimiters of one line that would open past MAX_NESTING, and their closers. */
function limitEmphasis(text: string, state: Emphasis): string {
  let out = '';
  let from = 0;
  RUN.lastIndex = 0;
  for (let m = RUN.exec(text); m; m = RUN.exec(text)) {
    if (m[1]) {
      // A code span: its text is not Markdown.
      const close = text.indexOf(m[1], RUN.lastIndex);
      if (close >= 0) RUN.lastIndex = close + m[1].length;
      continue;
    }
    const run = m[2]!;
    const before = text[m.index - 1] ?? ' ';
    const after = text[m.index + run.length] ?? ' ';
    const opens = !SPACE.test(after) && SPACE.test(before);
    const closes = !SPACE.test(before) && SPACE.test(after);
    let replaced = run;
    if (opens) {
      const keep = Math.max(0, Math.min(run.length, MAX_NESTING - state.depth));
      state.depth += keep;
      state.escaped += run.length - keep;
      if (keep < run.length) replaced = run.slice(0, keep) + escapeRun(run.slice(keep));
    } else if (closes) {
      const escape = Math.min(run.length, state.escaped);
      state.escaped -= escape;
      state.depth = Math.max(0, state.depth - (run.length - escape));
      if (escape > 0) replaced = escapeRun(run.slice(0, escape)) + run.slice(escape);
    }
    if (replaced !== run) {
      out += text.slice(from, m.index) + replaced;
      from = m.index + run.length;
    }
  }
  return from === 0 ? text : out + text.slice(from);
}

/**
 * The most text in one block (a run of lines without a blank line between them). marked's
 * paragraph and setext-heading expressions keep a backtracking entry per line or character of a
 * block, and overflow V8's regular expression stack ("Maximum call stack size exceeded") on
 * blocks of a few megabytes: 1.2 million short lines, or one line of 8 MB.
 */
export const MAX_BLOCK = 200_000;

function isBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code !== 0x20 && code !== 0x09 && code !== 0x0d) return false;
  }
  return true;
}

/** A cut in a long line: at the last space of the stretch, else between two code points. */
function lineCut(text: string, from: number, limit: number): { at: number; skip: number } {
  const floor = from + (MAX_BLOCK >> 1);
  let space = limit;
  while (space > floor && text.charCodeAt(space) !== 0x20) space--;
  if (space > floor) return { at: space, skip: 1 };
  const code = text.charCodeAt(limit);
  return { at: code >= 0xdc00 && code <= 0xdfff ? limit - 1 : limit, skip: 0 };
}

/** A table's delimiter row (`|---|:--:|`): tables are lexed by a rule that does not overflow. */
const TABLE_DELIMITER = /^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
/** marked's own rule for the start of an HTML block: such blocks are lexed without overflow. */
const HTML_BLOCK = Lexer.rules.block.gfm.html;
/** Longer first lines are not checked (the rule is tried on the line alone). */
const HTML_LINE_LIMIT = 4096;

function startsHtmlBlock(line: string): boolean {
  return line.length <= HTML_LINE_LIMIT && /^ {0,3}</.test(line) && HTML_BLOCK.test(line);
}

/**
 * The Markdown with a blank line put into every block longer than MAX_BLOCK characters, between
 * two lines, or in place of a space in a single longer line: the text is kept, split into
 * blocks marked can lex. Tables and HTML blocks are left whole. The same string when no block is that long.
 */
export function limitBlocks(markdown: string): string {
  if (markdown.length <= MAX_BLOCK) return markdown;
  const out: string[] = [];
  let copied = 0;
  let runStart = 0;
  let lineStart = 0;
  let runLines = 0;
  let table = false;
  let html = false;
  while (lineStart <= markdown.length) {
    const newline = markdown.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? markdown.length : newline;
    if (isBlank(markdown, lineStart, lineEnd)) {
      runStart = lineEnd + 1;
      runLines = 0;
      table = false;
      html = false;
    } else if (++runLines === 1 && startsHtmlBlock(markdown.slice(lineStart, lineEnd))) {
      html = true;
    } else if (runLines === 2 && markdown.slice(runStart, lineStart).includes('|') && TABLE_DELIMITER.test(markdown.slice(lineStart, lineEnd))) {
      table = true;
    } else if (!table && !html) {
      if (lineEnd - runStart > MAX_BLOCK && lineStart > runStart) {
        out.push(markdown.slice(copied, lineStart), '\n');
        copied = runStart = lineStart;
      }
      while (lineEnd - runStart > MAX_BLOCK) {
        const cut = lineCut(markdown, runStart, runStart + MAX_BLOCK);
        out.push(markdown.slice(copied, cut.at), '\n\n');
        copied = runStart = cut.at + cut.skip;
      }
    }
    if (newline < 0) break;
    lineStart = newline + 1;
  }
  if (copied === 0) return markdown;
  out.push(markdown.slice(copied));
  return out.join('');
}

/** A delimiter of emphasis, or a line end followed by a blank line (spaces, tabs and a carriage return at most). */
const DELIMITER_OR_BLANK_LINE = /[*_~]|\n[ \t\r]*(?=\n)/g;

/**
 * Whether emphasis could be escaped anywhere: only when more than MAX_NESTING delimiters stand
 * between two blank lines. The nesting of emphasis starts again at 0 after every blank line,
 * and every level it opens is one delimiter, so fewer delimiters between blank lines never reach
 * the limit. The expression skips the text between them (three times faster than looking at
 * each character here).
 */
function mayEscapeEmphasis(markdown: string): boolean {
  let delimiters = 0;
  DELIMITER_OR_BLANK_LINE.lastIndex = 0;
  // `test` makes no match object: a match ends with its delimiter, or with a blank line's last blank.
  while (DELIMITER_OR_BLANK_LINE.test(markdown)) {
    const last = markdown.charCodeAt(DELIMITER_OR_BLANK_LINE.lastIndex - 1);
    if (last !== 0x2a && last !== 0x5f && last !== 0x7e) delimiters = 0;
    else if (++delimiters > MAX_NESTING) return true;
  }
  return false;
}

/**
 * A line start that could hold more than MAX_NESTING levels: no character of a line's markers
 * and indentation adds more than two levels (a tab), so such a start is more than half as long.
 */
const LONG_PREFIX = new RegExp(`^[ \\t>*+\\-.)0-9]{${(MAX_NESTING >> 1) + 1},}`, 'gm');

/** Whether some line's container markers are nested deeper than MAX_NESTING, so that flattening would change it. */
function mayFlatten(markdown: string): boolean {
  LONG_PREFIX.lastIndex = 0;
  for (let m = LONG_PREFIX.exec(markdown); m; m = LONG_PREFIX.exec(markdown)) {
    const end = markdown.indexOf('\n', m.index);
    if (parsePrefix(markdown.slice(m.index, end < 0 ? markdown.length : end)).depth > MAX_NESTING) return true;
  }
  return false;
}

/**
 * The Markdown with nesting deeper than MAX_NESTING flattened and blocks longer than MAX_BLOCK
 * split; the same string when there is neither.
 */
export function limitNesting(input: string): string {
  const markdown = limitBlocks(input);
  // Most posts have nothing to flatten: found without going through them line by line.
  if (!DEEP_PREFIX.test(markdown) && !mayEscapeEmphasis(markdown) && !mayFlatten(markdown)) return markdown;
  return limitLines(markdown);
}

/** limitNesting, every line looked at: the same text (the quick checks only skip this when it would change nothing). */
export function limitNestingByLine(input: string): string {
  return limitLines(limitBlocks(input));
}

function limitLines(markdown: string): string {
  const deepBlocks = DEEP_PREFIX.test(markdown);
  const manyDelimiters = (markdown.match(DELIMITER)?.length ?? 0) > MAX_NESTING;
  if (!deepBlocks && !manyDelimiters) return markdown;
  const lines = markdown.split('\n');
  let fence: string | null = null;
  let indentedCode = false;
  let blank = true;
  const emphasis: Emphasis = { depth: 0, escaped: 0 };
  let changed = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const prefix = parsePrefix(line);
    let next = prefix.depth > (fence ? FENCED_LIMIT : MAX_NESTING) && prefix.units.length > 0 ? flattenPrefix(prefix, MAX_NESTING) : line;
    const rest = prefix.rest;
    const mark = FENCE.exec(rest)?.[1];
    if (fence) {
      if (mark && mark[0] === fence[0] && mark.length >= fence.length && rest.slice(mark.length).trim() === '') fence = null;
    } else if (mark && !(mark[0] === '`' && rest.slice(mark.length).includes('`'))) {
      fence = mark;
      emphasis.depth = emphasis.escaped = 0;
    } else if (rest.trim() === '') {
      blank = true;
      indentedCode = false;
      emphasis.depth = emphasis.escaped = 0;
    } else {
      indentedCode = prefix.units.length === 0 && columns(prefix.lead) >= 4 && (blank || indentedCode);
      blank = false;
      if (!indentedCode && manyDelimiters) {
        const limited = limitEmphasis(rest, emphasis);
        if (limited !== rest) next = next.slice(0, next.length - rest.length) + limited;
      }
    }
    if (next !== line) {
      lines[i] = next;
      changed = true;
    }
  }
  return changed ? lines.join('\n') : markdown;
}
