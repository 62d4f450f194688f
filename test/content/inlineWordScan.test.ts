import { describe, expect, it } from 'vitest';
import { readInlineText } from '../../src/content/inlineWordScan.js';
import { countHtmlWords, countWords, markdownToHtml } from '../../src/content/wordCount.js';

/** The text read from an inline run (the ranges joined), or undefined when it is left to marked. */
function textOf(src: string, definesLinks = false): string | undefined {
  let text = '';
  return readInlineText(src, definesLinks, (start, end) => (text += src.slice(start, end))) ? text : undefined;
}

describe('an inline run read for its word count without marked', () => {
  it('keeps code spans, link labels and the words around emphasis, and drops markup, addresses and images', () => {
    expect(textOf('Call `fetch(url)` and read [the *Fetch* docs](https://fetch.spec.whatwg.org/) ![a diagram](/img/cors.png) now.'))
      .toBe('Call fetch(url) and read the Fetch docs  now.');
    expect(textOf('**bold**, _under_, ~~struck~~ and snake_case_name')).toBe('bold, under, struck and snake_case_name');
  });

  it('takes one space off each end of a code span that has one at both ends, as marked does', () => {
    expect(textOf('x` a `y')).toBe('xay');
    expect(textOf('x` a`y')).toBe('x ay');
    expect(textOf('x`  `y')).toBe('x  y');
  });

  it('reads a backtick run with no closer of its length, and brackets that are not a link, as text', () => {
    expect(textOf('a `` b ` c')).toBe('a `` b ` c');
    expect(textOf('an ![image](/a b.png) and a[i]')).toBe('an ![image](/a b.png) and a[i]');
  });

  it('leaves to marked whatever only its rules can tell', () => {
    for (const src of [
      'an \\*escaped\\* star',
      'a <kbd>tag</kbd>',
      'see https://example.com/ or www.example.com',
      'write to me@example.com',
      'a&#32;reference',
      'a [link with a title](/u "title")',
      'a [link](</with space>)',
      'an ![image](/a.png "with a title")',
      'a lone * star',
      'a ~ tilde with spaces',
      '**` spaced`**',
      'a `` code ` span `` with a backtick inside',
    ]) {
      expect(textOf(src), src).toBeUndefined();
    }
    // Once a post defines reference links, any bracket may use one.
    expect(textOf('a [ref] b', true)).toBeUndefined();
    expect(textOf('a [ref] b', false)).toBe('a [ref] b');
  });

  it('leaves to marked a run where marked keeps emphasis from pairing across other spans than the ones read here', () => {
    // marked hides `[a](b ` c)` from its emphasis (a link in its eyes), so the two stars pair and
    // cut the code span read here: the space the code span would lose stays.
    const src = 'p *x [a](b ` c)* d ` e';
    expect(textOf(src)).toBeUndefined();
    expect(countWords(src)).toBe(countHtmlWords(markdownToHtml(src)));
  });

  it('gives up on a run with thousands of unclosed backtick runs or links after a bounded look, not a quadratic one', () => {
    const runs = Array.from({ length: 3000 }, (_, i) => '`'.repeat((i % 7) + 1)).join(' x ');
    expect(textOf(`a ${runs}`)).toBeUndefined();
    expect(textOf(`a ${'[a](b'.repeat(5000)}`)).toBeUndefined();
    expect(countWords(`a ${'[a](b'.repeat(5000)}`)).toBe(2);
  });
});

describe('the word count of inline runs read without marked', () => {
  /** A generator of inline Markdown made of the pieces that decide words: markup, spaces, letters. */
  const PIECES = ['a', 'b', ' ', ' ', '*', '_', '~', '`', '``', '[', ']', '(', ')', '!', '\n', 'x_y', '](u)', '[t](u)', '  \n', ':', '<', '\\',
    '&', '.', '#', '1', 'é', '**', '__', '~~', '\u00a0', '&#32;', '&#10;', '&amp;', 'http://x', 'www.', '@', '`a`', '<b>', ' `` ', '` `', '***', '\t', '[^1]'];

  it('equals the count of the HTML marked writes, for 20,000 generated runs', () => {
    let seed = 20261128;
    const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    let read = 0;
    for (let k = 0; k < 20000; k++) {
      let src = 'p ';
      const length = 1 + Math.floor(next() * 20);
      for (let i = 0; i < length; i++) src += PIECES[Math.floor(next() * PIECES.length)];
      if (textOf(src) !== undefined) read++;
      expect(countWords(src), JSON.stringify(src)).toBe(countHtmlWords(markdownToHtml(src)));
    }
    // A good part of them is read here, not left to marked: both ways are compared.
    expect(read).toBeGreaterThan(2000);
  });
});
