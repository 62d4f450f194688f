import { Marked } from 'marked';

/**
 * Word count and reading time as Hugo computes them, so the terminal shows the same figures as
 * the blog's web pages: the Markdown is rendered to HTML, newlines become spaces, `</p>` and
 * `<br>` become newlines, every tag is removed without a replacement, and runs of
 * non-whitespace are counted. Entities such as `&amp;` count as they stand.
 */

const htmlRenderer = new Marked({ gfm: true, async: false });

export function markdownToHtml(markdown: string): string {
  return htmlRenderer.parse(markdown, { async: false });
}

const UNICODE_SPACE = /\s/u;

/** Go's unicode.IsSpace, with a fast path for ASCII. */
function isSpace(ch: string): boolean {
  const code = ch.charCodeAt(0);
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return code === 0x85 || code === 0xa0 || UNICODE_SPACE.test(ch);
}

/** Hugo's helpers.StripHTML. */
export function stripHtmlLikeHugo(html: string): string {
  if (!/[<>]/.test(html)) return html;
  const replaced = html
    .replaceAll('\n', ' ')
    .replaceAll('</p>', '\n')
    .replaceAll('<br>', '\n')
    .replaceAll('<br />', '\n');
  let out = '';
  let inTag = false;
  let space = false;
  let wasSpace = false;
  for (const ch of replaced) {
    if (!inTag) space = false;
    if (ch === '<') {
      inTag = true;
    } else if (ch === '>') {
      inTag = false;
    } else {
      if (isSpace(ch)) space = true;
      if (!inTag && (!space || !wasSpace)) out += ch;
    }
    wasSpace = space;
  }
  return out;
}

/** Hugo's helpers.TotalWords: the number of runs of non-whitespace. */
export function countTokens(text: string): number {
  let n = 0;
  let inWord = false;
  for (const ch of text) {
    const wasInWord = inWord;
    inWord = !isSpace(ch);
    if (inWord && !wasInWord) n++;
  }
  return n;
}

export function countWords(markdown: string): number {
  return countTokens(stripHtmlLikeHugo(markdownToHtml(markdown)));
}

/** Hugo: (words + 212) / 213 in integer arithmetic. */
export function readingMinutes(words: number): number {
  return Math.floor((words + 212) / 213);
}
