import { Lexer } from 'marked';
import { isSpace } from './unicodeSpace.js';

/**
 * The text marked's HTML shows of one inline run (a paragraph's, a heading's, a table cell's),
 * found without marked's inline lexer, for the word count: most runs of a post are words with
 * code spans, links and emphasis, and reading them here costs a fraction of lexing them. What
 * only marked's own rules can tell is left to marked.
 *
 * Read as marked reads it:
 * - a code span (a backtick run closed by the next run, of the same length, no backtick inside):
 *   its content is text, with one space taken from each end when both ends have one;
 * - a link `[label](address)` with a plain label and address: the label is text, the rest is
 *   markup; an image `![alt](address)`: all markup (the count removes the tag whole);
 * - emphasis and strikethrough delimiters (`*`, `_`, `~`): which of them marked pairs is not
 *   worked out here. A delimiter run written against a character that stays (a letter, say,
 *   with only markup between) joins that character's word whether marked removes it or not, so
 *   the count is the same either way. `_` between two letters or digits is text.
 *
 * Left to marked: a backslash, a `<` or a numeric character reference outside code, a bare
 * address or e-mail, a `[` or `![` marked reads as a link that is not a plain one, any `[` when
 * the post defines reference links, a code span with backticks inside, a delimiter run with no
 * character that stays beside it, and runs where marked's masking of code and links (which keeps
 * emphasis from pairing across them) would not mask the spans read here. Every search is
 * bounded, so that reading a run costs time in proportion to its length.
 */

const INLINE = Lexer.rules.inline.gfm;

/** A copy of one of marked's expressions that matches at `lastIndex` only. */
function sticky(pattern: RegExp): RegExp {
  return new RegExp(pattern.source.startsWith('^') ? pattern.source.slice(1) : pattern.source, `${pattern.flags.replace('g', '')}y`);
}

/** marked's inline link and image rule: a `[` it would read as a link that is not a plain one is given up on. */
const MARKED_LINK = sticky(INLINE.link);
/** What marked masks before pairing emphasis: links, code spans and tags. */
const MASKED = new RegExp(INLINE.blockSkip.source, INLINE.blockSkip.flags.includes('g') ? INLINE.blockSkip.flags : `${INLINE.blockSkip.flags}g`);

/**
 * A plain link or image: a label of text and code spans (each closed by a run of its own
 * length, no backtick inside), then an address with no space, quote, parenthesis, bracket,
 * angle bracket or backtick, and no title.
 */
const PLAIN_LINK = /!?\[(?:[^[\]\\`<>]|(`+)[^`]+\1(?!`))*\]\([^\s()<>\\`"'[\]]+\)/y;

/** How many `[` of one run may fail to start a plain link before the run is left to marked (each such try reads up to the next `[`). */
const LINK_TRIES = 32;

/** The next character this reading has to look at: the rest is text. */
const NEXT_MARK = /[`[!*_~]/g;

/**
 * Text marked may read as more than text: an escape or a hard break, a tag or an autolink, a
 * numeric character reference (its text rule decodes them, to a space say), and a bare address
 * or e-mail (linked, with what follows up to a space). In a link's label, only the first three.
 */
const NOT_TEXT = /[\\<@]|&#|:\/\/|www\./g;

/** How far a delimiter run looks past markup for a character that stays. */
const ANCHOR_REACH = 8;

/** Kinds of piece: text (outside links), a link's text, code, markup, a delimiter run. */
const TEXT = 0;
const LABEL = 1;
const CODE = 2;
const MARKUP = 3;
const DELIMITER = 4;

function isAsciiAlnum(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

const BACKTICK = 0x60;

/** How many backtick runs one inline run's search for closers may look at before it is left to marked. */
const RUN_LOOKS = 256;

/**
 * Whether a backtick run of `length` starts at or after `from`, or (true) more than `looks` runs
 * would have to be looked at to know: the caller then leaves the run to marked.
 */
function laterRun(src: string, from: number, length: number, looks: { left: number }): boolean {
  for (let at = from; at !== -1; ) {
    if (--looks.left < 0) return true;
    const found = runLength(src, at);
    if (found === length) return true;
    at = src.indexOf('`', at + found);
  }
  return false;
}

function spaceLike(code: number): boolean {
  return code === 0x20 || code === 0x0a;
}

function hasNonSpace(src: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!spaceLike(src.charCodeAt(i))) return true;
  return false;
}

/** The length of the backtick run at `at`. */
function runLength(src: string, at: number): number {
  let end = at + 1;
  while (src.charCodeAt(end) === BACKTICK) end++;
  return end - at;
}

/** One reading of an inline run: its pieces in order, and the spans marked would mask. Reused from run to run. */
class InlineReading {
  src = '';
  /** Pieces: kind, start, end, in order, covering the run. */
  readonly pieces: number[] = [];
  /** Code spans, links and images outside any link label: [start, end) of what marked masks. */
  readonly masked: number[] = [];
  delimiters = 0;
  /** What is left of RUN_LOOKS for this run. */
  readonly looks = { left: RUN_LOOKS };
  /** What is left of LINK_TRIES for this run. */
  linkTries = LINK_TRIES;

  reset(src: string): void {
    this.src = src;
    this.pieces.length = 0;
    this.masked.length = 0;
    this.delimiters = 0;
    this.looks.left = RUN_LOOKS;
    this.linkTries = LINK_TRIES;
  }

  private piece(kind: number, start: number, end: number): void {
    if (start < end) this.pieces.push(kind, start, end);
  }

  /** Reads src[from, to); false when the run must be left to marked. */
  read(from: number, to: number, inLabel: boolean): boolean {
    const src = this.src;
    const textKind = inLabel ? LABEL : TEXT;
    let kept = from;
    let i = from;
    while (i < to) {
      // `test` makes no match object: the character found is the one before `lastIndex`.
      NEXT_MARK.lastIndex = i;
      if (!NEXT_MARK.test(src) || NEXT_MARK.lastIndex > to) break;
      i = NEXT_MARK.lastIndex - 1;
      const code = src.charCodeAt(i);
      if (code === BACKTICK) {
        const length = runLength(src, i);
        const close = src.indexOf('`', i + length);
        if (close !== -1 && runLength(src, close) === length) {
          // A code span: its content is text, with a space off each end when both have one.
          let start = i + length;
          let end = close;
          if (spaceLike(src.charCodeAt(start)) && spaceLike(src.charCodeAt(end - 1)) && hasNonSpace(src, start, end)) {
            start++;
            end--;
          }
          this.piece(textKind, kept, i);
          this.piece(MARKUP, i, start);
          this.piece(CODE, start, end);
          this.piece(MARKUP, end, close + length);
          if (!inLabel) this.masked.push(i, close + length);
          i = kept = close + length;
          continue;
        }
        // A later run closes it with backticks between: marked's masking and ours could differ.
        if (close !== -1 && laterRun(src, close, length, this.looks)) return false;
        i += length;
        continue;
      }
      if (code === 0x5b /* [ */ || code === 0x21 /* ! */) {
        if (code === 0x21 && src.charCodeAt(i + 1) !== 0x5b) {
          i++;
          continue;
        }
        if (inLabel) return false;
        PLAIN_LINK.lastIndex = i;
        if (PLAIN_LINK.test(src) && PLAIN_LINK.lastIndex <= to) {
          const end = PLAIN_LINK.lastIndex;
          this.piece(textKind, kept, i);
          if (code === 0x21) {
            // An image: its tag is removed whole, alt text and all.
            if (/[\uD800-\uDFFF]/.test(src.slice(i, end))) return false;
            this.piece(MARKUP, i, end);
            this.masked.push(i + 1, end);
          } else {
            const labelEnd = src.indexOf('](', i);
            this.piece(MARKUP, i, i + 1);
            if (!this.read(i + 1, labelEnd, true)) return false;
            this.piece(MARKUP, labelEnd, end);
            this.masked.push(i, end);
          }
          i = kept = end;
          continue;
        }
        MARKED_LINK.lastIndex = i;
        if (--this.linkTries < 0 || MARKED_LINK.test(src)) return false;
        // Not a link: marked writes the character as it is.
        i++;
        continue;
      }
      // `*`, `_` or `~`.
      let j = i + 1;
      while (src.charCodeAt(j) === code) j++;
      // `_` between two letters or digits neither opens nor closes emphasis.
      if (code === 0x5f && i > 0 && isAsciiAlnum(src.charCodeAt(i - 1)) && isAsciiAlnum(src.charCodeAt(j))) {
        i = j;
        continue;
      }
      this.piece(textKind, kept, i);
      this.piece(DELIMITER, i, j);
      this.delimiters++;
      i = kept = j;
    }
    this.piece(textKind, kept, to);
    return true;
  }

  /** Whether every place marked may read as more than text is in code, or markup, or (for addresses) a link's text. */
  onlyText(): boolean {
    const { src, pieces } = this;
    NOT_TEXT.lastIndex = 0;
    let p = 0;
    while (NOT_TEXT.test(src)) {
      // What was found, from its last character: `\\`, `<` or `@`; `&#`; `://`; `www.`.
      const end = NOT_TEXT.lastIndex;
      const last = src.charCodeAt(end - 1);
      const address = last === 0x40 || last === 0x2f || last === 0x2e;
      const at = end - (last === 0x23 ? 2 : last === 0x2f ? 3 : last === 0x2e ? 4 : 1);
      while (pieces[p + 2]! <= at) p += 3;
      const kind = pieces[p];
      if (kind === TEXT || (kind === LABEL && !address)) return false;
    }
    return true;
  }

  /** Whether marked masks exactly the code spans, links and images read here. */
  masksAgree(): boolean {
    MASKED.lastIndex = 0;
    let k = 0;
    for (let m = MASKED.exec(this.src); m; m = MASKED.exec(this.src)) {
      if (this.masked[k] !== m.index || this.masked[k + 1] !== m.index + m[0].length) return false;
      k += 2;
    }
    return k === this.masked.length;
  }

  /** Whether the delimiter run at piece `p` has a character that stays next to it, past markup only. */
  anchored(p: number): boolean {
    const { pieces, src } = this;
    for (let q = p - 3, reach = 0; q >= 0 && reach < ANCHOR_REACH; q -= 3, reach++) {
      if (pieces[q]! <= CODE) {
        if (!isSpace(src.charCodeAt(pieces[q + 2]! - 1))) return true;
        break;
      }
    }
    for (let q = p + 3, reach = 0; q < pieces.length && reach < ANCHOR_REACH; q += 3, reach++) {
      if (pieces[q]! <= CODE) return !isSpace(src.charCodeAt(pieces[q + 1]!));
    }
    return false;
  }
}

const reading = new InlineReading();

/**
 * Calls `each(start, end)` for every range of `src` that marked's HTML of it shows as text
 * (emphasis delimiters left out) and gives true; gives false, having called nothing, when only
 * marked can tell. `definesLinks`: the post defines reference links, which any `[` may use.
 */
export function readInlineText(src: string, definesLinks: boolean, each: (start: number, end: number) => void): boolean {
  if (definesLinks && src.includes('[')) return false;
  reading.reset(src);
  if (!reading.read(0, src.length, false) || !reading.onlyText()) return false;
  const { pieces } = reading;
  if (reading.delimiters > 0) {
    if (!reading.masksAgree()) return false;
    for (let p = 0; p < pieces.length; p += 3) if (pieces[p] === DELIMITER && !reading.anchored(p)) return false;
  }
  for (let p = 0; p < pieces.length; p += 3) if (pieces[p]! <= CODE) each(pieces[p + 1]!, pieces[p + 2]!);
  return true;
}
