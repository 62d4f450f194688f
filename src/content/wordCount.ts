import { Marked, type Token, type Tokens } from 'marked';
import { limitNesting } from './nestingLimit.js';
import { BOUNDED_RULES, lexBounded } from './boundedLexer.js';
import { stripTags, walkHtmlText } from './htmlText.js';
import { isSpace } from './unicodeSpace.js';
import { readInlineText } from './inlineWordScan.js';
import { isInlineSource, lexDeferred, type DeferredDocument } from './deferredInline.js';

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
  tokenizer: BOUNDED_RULES,
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

/**
 * Hugo's word count of the HTML `tokensToHtml` would make of `tokens`, counted from the tokens
 * without making the HTML: what the renderer writes as text is the tokens' text (escaping
 * changes no space), its tags are removed by the count, and the places where it writes a line
 * break, a `</p>` or a `<br>` end a word. Undefined when the tokens hold raw HTML (whose tags,
 * comments and scripts may reach across tokens) or anything else the count must read from the
 * HTML itself: count the HTML then.
 */
export function countTokenWords(tokens: readonly Token[], document?: DeferredDocument): number | undefined {
  let words = 0;
  let inWord = false;
  const range = (value: string, start: number, end: number) => {
    let counted = words;
    let inside = inWord;
    for (let i = start; i < end; i++) {
      const code = value.charCodeAt(i);
      if (code <= 0x20 ? code === 0x20 || (code >= 0x09 && code <= 0x0d) : code >= 0x85 && isSpace(code)) inside = false;
      else if (!inside) {
        inside = true;
        counted++;
      }
    }
    words = counted;
    inWord = inside;
  };
  const text = (value: string) => range(value, 0, value.length);
  let run = '';
  const runText = (start: number, end: number) => range(run, start, end);
  // A line break, `</p>` or `<br>` written between two pieces of text.
  const gap = () => {
    inWord = false;
  };
  const inline = (list: readonly Token[]): boolean => {
    for (const token of list) {
      if (document && isInlineSource(token)) {
        // A run left unlexed: read here where it allows, else lexed by marked now.
        run = token.raw;
        if (!readInlineText(run, document.definesLinks, runText) && !inline((token.lexed ??= document.inline(token.raw)))) return false;
        continue;
      }
      switch (token.type) {
        case 'text':
          if ((token as Tokens.Text).tokens) {
            if (!inline((token as Tokens.Text).tokens!)) return false;
          } else {
            if ((token as Tokens.Text).escaped && token.text.includes('<')) return false;
            text(token.text);
          }
          break;
        case 'escape':
        case 'codespan':
          text(token.text);
          break;
        case 'strong':
        case 'em':
        case 'del':
          if (!inline((token as Tokens.Strong).tokens)) return false;
          break;
        case 'link':
          // An autolink's text, else the link's content; the tag and its attributes are removed.
          if ((token as Tokens.Link).tokens && !(token as { autolink?: boolean }).autolink) {
            if (!inline((token as Tokens.Link).tokens)) return false;
          } else {
            text(token.text);
          }
          break;
        case 'image':
          // An <img> tag, removed whole; an address encodeURI refuses is written as the alt text.
          if (!encodes((token as Tokens.Image).href)) return false;
          break;
        case 'br':
        case 'checkbox':
          gap();
          break;
        default:
          return false;
      }
    }
    return true;
  };
  const blocks = (list: readonly Token[]): boolean => {
    for (const token of list) {
      switch (token.type) {
        case 'space':
        case 'def':
          break;
        case 'paragraph':
          if (!inline((token as Tokens.Paragraph).tokens)) return false;
          gap();
          break;
        case 'heading':
          if (!inline((token as Tokens.Heading).tokens)) return false;
          gap();
          break;
        case 'text':
          if (!inline([token])) return false;
          break;
        case 'code':
          // <pre><code>, the code and a line break, </code></pre> and a line break.
          text(token.text);
          gap();
          break;
        case 'hr':
        case 'checkbox':
          gap();
          break;
        case 'blockquote':
          gap();
          if (!blocks((token as Tokens.Blockquote).tokens)) return false;
          gap();
          break;
        case 'list':
          gap();
          for (const item of (token as Tokens.List).items) {
            if (!blocks(item.tokens)) return false;
            gap();
          }
          break;
        case 'table': {
          const table = token as Tokens.Table;
          gap();
          for (const row of [table.header, ...table.rows]) {
            for (const cell of row) {
              if (!inline(cell.tokens)) return false;
              gap();
            }
          }
          break;
        }
        default:
          return false;
      }
    }
    return true;
  };
  return blocks(tokens) ? words : undefined;
}

/** Whether marked can write an address into a tag: encodeURI refuses lone surrogates. */
function encodes(href: string): boolean {
  try {
    encodeURI(href);
    return true;
  } catch {
    return false;
  }
}

/** Hugo's word count of Markdown's lexed tokens: from the tokens where they allow it, else from their HTML. */
export function countLexedWords(tokens: Token[]): number {
  return countTokenWords(tokens) ?? countHtmlWords(tokensToHtml(tokens));
}

/** A Markdown text lexed for its word count: blocks only, inline runs left for the count (content/deferredInline.ts). */
export function lexForCount(markdown: string): DeferredDocument {
  return lexDeferred(limitNesting(markdown), htmlRenderer.defaults);
}

/** Hugo's word count of a document lexed by `lexForCount`: the same figure as `countLexedWords` of its full tokens. */
export function countDocumentWords(document: DeferredDocument): number {
  return countTokenWords(document.tokens, document) ?? countHtmlWords(tokensToHtml(document.resolved()));
}

export function countWords(markdown: string): number {
  return countDocumentWords(lexForCount(markdown));
}

/** Hugo: (words + 212) / 213 in integer arithmetic. */
export function readingMinutes(words: number): number {
  return Math.floor((words + 212) / 213);
}
