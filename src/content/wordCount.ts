import { Marked, type Token } from 'marked';
import { limitNesting } from './nestingLimit.js';
import { BOUNDED_TAG, lexBounded } from './boundedLexer.js';
import { stripTags, walkHtmlText } from './htmlText.js';

/**
 * Word count and reading time as Hugo computes them, so the terminal shows the same figures as
 * the blog's web pages: the Markdown is rendered to HTML, tags, comments, scripts and styles are
 * removed as Go's html/template stripTags removes them, and runs of non-whitespace are counted.
 * Entities such as `&amp;` count as they stand.
 */

// An HTML block ends its line, as goldmark (Hugo's Markdown renderer) writes it: marked leaves
// the newline out, which would glue the last word of one block to the first of the next.
const htmlRenderer = new Marked({
  gfm: true,
  async: false,
  renderer: {
    html(token) {
      return token.block && !token.text.endsWith('\n') ? `${token.text}\n` : token.text;
    },
  },
  tokenizer: BOUNDED_TAG,
});

export function markdownToHtml(markdown: string): string {
  return tokensToHtml(lexMarkdown(markdown));
}

/** The block tokens of a Markdown text; `tokensToHtml` of them is `markdownToHtml` of it. */
export function lexMarkdown(markdown: string): Token[] {
  return lexBounded(limitNesting(markdown), htmlRenderer.defaults);
}

export function tokensToHtml(tokens: Token[]): string {
  return htmlRenderer.parser(tokens, { ...htmlRenderer.defaults });
}

/**
 * Go's unicode.IsSpace (plus U+FEFF, as JavaScript's \s has it), for one UTF-16 code unit:
 * every Unicode space is in the BMP.
 */
function isSpace(code: number): boolean {
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0x1680) return code === 0x85 || code === 0xa0;
  return (
    code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

/** What Hugo's helpers.StripHTML does before stripping tags: newlines become spaces, paragraph ends and `<br>` newlines. */
function hugoLineBreaks(html: string): string {
  return html.replaceAll('\n', ' ').replaceAll('</p>', '\n').replaceAll('<br>', '\n').replaceAll('<br />', '\n');
}

/** Each run of whitespace kept as its first character, as Hugo's StripHTML leaves it. */
function foldSpaces(text: string): string {
  let out = '';
  let from = 0;
  let i = 0;
  while (i < text.length) {
    if (!isSpace(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < text.length && isSpace(text.charCodeAt(j))) j++;
    if (j > i + 1) {
      out += text.slice(from, i + 1);
      from = j;
    }
    i = j;
  }
  return out + text.slice(from);
}

/**
 * Hugo's helpers.StripHTML: the text of rendered HTML, with tags, comments, scripts and styles
 * removed (src/content/htmlText.ts), paragraphs and `<br>` as line breaks, runs of whitespace
 * folded. Entities are left as they stand.
 */
export function stripHtmlLikeHugo(html: string): string {
  if (!/[<>]/.test(html)) return html;
  return foldSpaces(stripTags(hugoLineBreaks(html)));
}

/** Hugo's helpers.TotalWords: the number of runs of non-whitespace. */
export function countTokens(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const wasInWord = inWord;
    inWord = !isSpace(text.charCodeAt(i));
    if (inWord && !wasInWord) n++;
  }
  return n;
}

/** Tags Hugo's StripHTML turns into line breaks before removing tags. */
const BREAK_TAGS = new Set(['</p>', '<br>', '<br />']);

/**
 * Hugo's word count of rendered HTML: the runs of non-whitespace of its text, without tags,
 * comments, scripts or styles; `</p>` and `<br>` separate words. Counted in place, in one walk.
 */
export function countHtmlWords(html: string): number {
  if (!html.includes('<')) return countTokens(html);
  let words = 0;
  let inWord = false;
  walkHtmlText(
    html,
    (start, end) => {
      for (let i = start; i < end; i++) {
        const wasInWord = inWord;
        inWord = !isSpace(html.charCodeAt(i));
        if (inWord && !wasInWord) words++;
      }
    },
    (start, end) => {
      if (end - start <= 6 && BREAK_TAGS.has(html.slice(start, end))) inWord = false;
    },
  );
  return words;
}

export function countWords(markdown: string): number {
  return countHtmlWords(markdownToHtml(markdown));
}

/** Hugo: (words + 212) / 213 in integer arithmetic. */
export function readingMinutes(words: number): number {
  return Math.floor((words + 212) / 213);
}
