import { Marked, type Token } from 'marked';
import { limitNesting } from '../render/nestingLimit.js';

/**
 * Word count and reading time as Hugo computes them, so the terminal shows the same figures as
 * the blog's web pages: the Markdown is rendered to HTML, newlines become spaces, `</p>` and
 * `<br>` become newlines, every tag is removed without a replacement, and runs of
 * non-whitespace are counted. Entities such as `&amp;` count as they stand.
 */

const htmlRenderer = new Marked({ gfm: true, async: false });

export function markdownToHtml(markdown: string): string {
  return htmlRenderer.parse(limitNesting(markdown), { async: false });
}

/** The block tokens of a Markdown text; `tokensToHtml` of them is `markdownToHtml` of it. */
export function lexMarkdown(markdown: string): Token[] {
  return htmlRenderer.lexer(limitNesting(markdown), { ...htmlRenderer.defaults });
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

/**
 * Hugo's helpers.StripHTML, one code unit at a time: with `keep` it returns the text, without
 * it only counts the runs of non-whitespace in that text (helpers.TotalWords), which is the
 * same walk without building a string. Surrogate pairs are never spaces or `<` `>`, so walking
 * code units gives the same result as walking code points.
 */
function scanLikeHugo(html: string, keep: boolean): { text: string; words: number } {
  const replaced = html
    .replaceAll('\n', ' ')
    .replaceAll('</p>', '\n')
    .replaceAll('<br>', '\n')
    .replaceAll('<br />', '\n');
  let text = '';
  let words = 0;
  let inTag = false;
  let space = false;
  let wasSpace = false;
  let inWord = false;
  for (let i = 0; i < replaced.length; i++) {
    const code = replaced.charCodeAt(i);
    if (!inTag) space = false;
    if (code === 0x3c) {
      inTag = true;
    } else if (code === 0x3e) {
      inTag = false;
    } else {
      const isWhite = isSpace(code);
      if (isWhite) space = true;
      if (!inTag && (!space || !wasSpace)) {
        if (keep) text += replaced[i];
        if (!isWhite && !inWord) words++;
        inWord = !isWhite;
      }
    }
    wasSpace = space;
  }
  return { text, words };
}

/** Hugo's helpers.StripHTML. */
export function stripHtmlLikeHugo(html: string): string {
  if (!/[<>]/.test(html)) return html;
  return scanLikeHugo(html, true).text;
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

/** Hugo's word count of rendered HTML: the words of its text with the tags removed. */
export function countHtmlWords(html: string): number {
  return /[<>]/.test(html) ? scanLikeHugo(html, false).words : countTokens(html);
}

export function countWords(markdown: string): number {
  return countHtmlWords(markdownToHtml(markdown));
}

/** Hugo: (words + 212) / 213 in integer arithmetic. */
export function readingMinutes(words: number): number {
  return Math.floor((words + 212) / 213);
}
