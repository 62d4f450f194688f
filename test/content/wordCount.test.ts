import { describe, expect, it } from 'vitest';
import { countTokens, countWords, readingMinutes, stripHtmlLikeHugo } from '../../src/content/wordCount.js';

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
