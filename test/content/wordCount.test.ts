import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { countHtmlWords, countLexedWords, countTokenWords, countTokens, countWords, lexMarkdown, readingMinutes, stripHtmlLikeHugo, tokensToHtml } from '../../src/content/wordCount.js';

describe('Hugo word count', () => {
  it('counts words of plain paragraphs, across paragraph breaks', () => {
    expect(countWords('One two three.\n\nFour five.')).toBe(5);
  });

  it('counts emphasis and bold as the words they wrap', () => {
    expect(countWords('Some *emphasised* and **bold** words.')).toBe(5);
  });

  it('glues markup written inside a word into one word, as removing tags does', () => {
    expect(countWords('un*believ*able')).toBe(1);
  });

  it('counts each word of a code span', () => {
    expect(countWords('Call `fetch(url, options)` now.')).toBe(4);
  });

  it('counts link text and not the link target', () => {
    expect(countWords('Read [the Fetch standard](https://fetch.spec.whatwg.org/#http-cors-protocol) today.')).toBe(5);
  });

  it('counts list items, including nested ones', () => {
    expect(countWords('- alpha beta\n- gamma\n  - delta epsilon\n')).toBe(5);
  });

  it('counts table cells, each on its own', () => {
    expect(countWords('| Name | Value |\n|---|---|\n| a b | c |\n| d | e f |\n')).toBe(8);
  });

  it('counts the tokens inside fenced code', () => {
    expect(countWords('```python\nx = compute(1, 2)\nprint(x)\n```\n')).toBe(5);
  });

  it('counts headings', () => {
    expect(countWords('## Three word heading\n\nBody.')).toBe(4);
  });

  it('counts HTML entities as they stand', () => {
    expect(stripHtmlLikeHugo('<p>Tom &amp; Jerry</p>')).toBe('Tom &amp; Jerry\n');
    expect(countWords('Tom & Jerry')).toBe(3);
  });

  it('turns </p> and <br> into line breaks, drops every tag and folds runs of spaces', () => {
    expect(stripHtmlLikeHugo('<p>a<em>b</em></p>\n<p>c<br>d</p>')).toBe('ab\nc\nd\n');
  });

  it('counts runs of non-whitespace, Unicode spaces included', () => {
    expect(countTokens('  one\u00a0two\tthree\nfour  ')).toBe(4);
    expect(countTokens('')).toBe(0);
  });
});

describe('reading time', () => {
  it('is the word count divided by 213, rounded up', () => {
    expect(readingMinutes(0)).toBe(0);
    expect(readingMinutes(1)).toBe(1);
    expect(readingMinutes(213)).toBe(1);
    expect(readingMinutes(214)).toBe(2);
    expect(readingMinutes(716)).toBe(4);
    expect(readingMinutes(2958)).toBe(14);
  });
});

// Checked against Hugo 0.111 (Debian), goldmark with unsafe HTML: a post made of these lines has
// .WordCount 12 (one two three seven ten fourteen fifteen sixteen seventeen eighteen &amp; x—y).
describe('Hugo word count of raw HTML', () => {
  const post = [
    'one two three',
    '',
    '<!-- four five six -->',
    '',
    'seven <!-- eight nine --> ten',
    '',
    '<!--',
    'eleven > twelve',
    'thirteen',
    '-->',
    '',
    '<div class="x">',
    'fourteen fifteen',
    '</div>',
    '',
    'sixteen <span>seventeen</span> eighteen &amp; x&mdash;y',
  ].join('\n');

  it('counts no comment text, even in a comment holding a ">", and no tags', () => {
    expect(countWords(post)).toBe(12);
  });

  it('counts nothing of scripts and styles, and no attribute text even with ">" inside quotes', () => {
    // Hugo 0.111: 4 words (Bar baz tx ty) for the same lines.
    expect(countWords('<div title="1>2">Bar baz</div>\n\n<script>var alpha = beta;</script>\n\n<style>p { color: red }</style>\n\n<textarea>tx ty</textarea>')).toBe(4);
  });

  it('counts what an <xmp> shows, tags and all, and the post after it even when it shows a <style> tag', () => {
    const post = ['Here is the page:', '', '<xmp>', '<div id="app">hi</div>', '<style type="text/css">', '.circle { width: 5px; }', '</xmp>', '', 'Then the script, in three words.', '', '<style>.x { color: red }</style>'].join('\n');
    // Hugo's stripper reads the shown <style> as one, and drops every word up to the real one's end.
    expect(countWords(post)).toBe(4 + 9 + 6);
  });

  it('gives plain text as Hugo plainify does: line breaks, comments and scripts removed, spaces folded', () => {
    expect(stripHtmlLikeHugo('<p>a<em>b</em></p>\n<p>c<br>d</p>  x   y <!-- a > b --> z <script>s t</script>')).toBe('ab\nc\nd\nx y z ');
  });
});

describe('Hugo word count from the tokens', () => {
  /** Markdown whose rendered HTML glues, splits or hides words in every way the renderer can. */
  const SAMPLES = [
    'one two\nthree  four\n\nfive',
    '*em*phasis **str**ong ~~del~~eted `co de`span a\\*b \\<tag\\> &amp; &#32;x&#x20;y &copy;',
    '- tight *item*\n  ```\n  code right after\n  ```\n- next\n  # heading right after',
    '- [ ] open task\n- [x] done task\n\n1. [ ] loose\n\n2. [x] task',
    '- [ ]\n- [x] \n  - [ ] nested',
    '| a | b c |\n|---|:-:|\n| d *e* | `f g` |\n| h |',
    '> quote\n> > nested *quote*\n\n---\nafter rule',
    'line with break  \nnext\\\nlast',
    '<https://example.com/a?b=c> and <me@example.com> and www.example.com and https://x.y/z.',
    '![alt words](/img.png "title") text![glued](x.png)after [link *text*](/u "t") [ref][r]\n\n[r]: /ref "Title"',
    '[link to a lone surrogate](/a\uD800b)',
    'Setext\n======\n\nand\n---',
    '    indented code\n    more code\n\nafter',
    'unclosed <!-- opener and <? and <![CDATA[ and <!X in text',
    'a < b > c & d "q" \'s\'',
    '1. one\n2. two\n\n   para in item\n\n3) three',
    '```js\nconst a = 1;\n```\ntext right after fence',
    'emoji 😀 and NBSP\u00a0joined and ideographic\u3000space',
    '\n\n\n',
    '',
  ];
  // Raw HTML, and an image whose address marked writes as its alt text.
  const RAW_HTML = ['![alt as text](/a\uD800b)', '<div>block *html*</div>\n\npara', 'inline <span>html</span> here', '<!-- comment -->\n\ntext', '<script>x</script>'];

  it('equals the count of the rendered HTML for Markdown without raw HTML', () => {
    for (const markdown of SAMPLES) {
      const tokens = lexMarkdown(markdown);
      const fromTokens = countTokenWords(tokens);
      expect(fromTokens, JSON.stringify(markdown)).toBeDefined();
      expect(fromTokens, JSON.stringify(markdown)).toBe(countHtmlWords(tokensToHtml(tokens)));
    }
  });

  it('leaves raw HTML and images marked cannot link to the count of the rendered HTML', () => {
    for (const markdown of RAW_HTML) {
      const tokens = lexMarkdown(markdown);
      expect(countTokenWords(tokens), markdown).toBeUndefined();
      expect(countLexedWords(tokens)).toBe(countHtmlWords(tokensToHtml(tokens)));
    }
  });

  it('equals the count of the rendered HTML for every bundled post', () => {
    const dir = new URL('../../posts/', import.meta.url);
    const files = readdirSync(dir).filter((f) => f.endsWith('.md'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const tokens = lexMarkdown(readFileSync(new URL(file, dir), 'utf8'));
      expect(countLexedWords(tokens), file).toBe(countHtmlWords(tokensToHtml(tokens)));
    }
  });
});
