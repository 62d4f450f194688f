import { describe, expect, it } from 'vitest';
import { lexBounded } from '../../src/content/boundedLexer.js';
import { lexDeferred } from '../../src/content/deferredInline.js';
import { limitNesting } from '../../src/content/nestingLimit.js';
import { countHtmlWords, countWords, lexForCount, markdownToHtml } from '../../src/content/wordCount.js';

const OPTIONS = { gfm: true };

const DOCUMENTS = [
  '# Title\n\nA paragraph with *emphasis* and `code`.\n\n> a quote with [a link](/u)\n',
  '- [ ] an open task\n- [x] a done task with **bold**\n  1. nested\n',
  '| a | b *c* |\n|---|---|\n| `d` | e |\n',
  'Setext heading\n---\n\n[ref]: /address "Title"\n\nUses [the ref][ref] and [ref].\n',
  '<div>html block</div>\n\ntext with <span>inline html</span>\n',
];

describe('a document lexed into blocks, its inline runs left for later', () => {
  it('leaves each block its inline source alone, in place of tokens', () => {
    const { tokens } = lexDeferred('Some *text*.\n\n## A heading\n', OPTIONS);
    expect(tokens.map((t) => ('tokens' in t ? t.tokens : undefined))).toEqual([
      [{ type: 'inlineSource', raw: 'Some *text*.' }],
      undefined,
      [{ type: 'inlineSource', raw: 'A heading' }],
    ]);
  });

  it('gives the tokens marked makes of the whole document once resolved: checkboxes, cells and reference links included', () => {
    for (const markdown of DOCUMENTS) {
      expect(lexDeferred(markdown, OPTIONS).resolved(), markdown).toEqual(lexBounded(markdown, OPTIONS));
    }
  });

  it('knows whether the document defines reference links', () => {
    expect(lexDeferred(DOCUMENTS[3]!, OPTIONS).definesLinks).toBe(true);
    expect(lexDeferred(DOCUMENTS[0]!, OPTIONS).definesLinks).toBe(false);
  });

  it('counts every document as its rendered HTML counts, whether its runs are read here, lexed, or the HTML is counted', () => {
    for (const markdown of DOCUMENTS) {
      expect(countWords(markdown), markdown).toBe(countHtmlWords(markdownToHtml(markdown)));
    }
    // The count of a document with raw HTML comes from its HTML, made from the resolved tokens.
    const withHtml = lexForCount(DOCUMENTS[4]!);
    expect(countWords(DOCUMENTS[4]!)).toBe(countHtmlWords(markdownToHtml(DOCUMENTS[4]!)));
    expect(withHtml.resolved()).toEqual(lexBounded(limitNesting(DOCUMENTS[4]!), OPTIONS));
  });
});
