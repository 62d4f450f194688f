import { describe, expect, it } from 'vitest';
import { Lexer, Marked } from 'marked';
import { BOUNDED_TAG, BoundedLexer, lexBounded } from '../../src/content/boundedLexer.js';

const ours = new Marked({ gfm: true }, { tokenizer: BOUNDED_TAG }).defaults;
const tag = BOUNDED_TAG.tag!;

/** The bounded tag rule asked about `src`, the rest of the inline run `run`. */
function tagAt(run: string, src: string) {
  const lexer = new BoundedLexer(ours);
  lexer.inlineSource = run;
  return tag.call({ lexer } as never, src);
}

describe('inline HTML openers without a closer', () => {
  it('lex into the very tokens marked makes of them', () => {
    const samples = [
      'a <!-- b --> c', 'a <!-- b', 'a <!--> b', 'a <!---> b', 'x <? y ?> z', 'x <? y', 'x <!DOCTYPE y', 'x <!DOCTYPE y> z',
      'x <![CDATA[ y ]]> z', 'x <![CDATA[ y', '`<!--` and <!-- c -->', '*<!--* x', '[<!--](u) -->', 'a <!--\nb\n--> c',
      'x <!--‹!--<!--‹!-- y', '<b>x</b> <!-- y', 'p <!-- q\n\nr --> s', '- item <!--\n- two -->', '> quote <? pi\n> more ?>',
    ];
    for (const sample of samples) expect(lexBounded(sample, ours), sample).toEqual(new Lexer({ gfm: true }).lex(sample));
  });

  it('are answered as text at once when no closer follows, without marked searching the rest', () => {
    const run = 'x <!-- a <? b <![CDATA[ c <!D d';
    for (const opener of ['<!-- a <? b <![CDATA[ c <!D d', '<? b <![CDATA[ c <!D d', '<![CDATA[ c <!D d', '<!D d']) {
      expect(tagAt(run, opener)).toMatchObject({ type: 'text', raw: '<', text: '<' });
    }
  });

  it('are left to marked when their closer comes later in the run', () => {
    const run = 'x <!-- a --> <? b ?> <![CDATA[ c ]]> <!D d>';
    for (const at of ['<!--', '<?', '<![CDATA[', '<!D']) expect(tagAt(run, run.slice(run.indexOf(at)))).toBe(false);
  });

  it('keep a closer that only appears before the opener from counting', () => {
    const run = 'a --> b <!-- c';
    expect(tagAt(run, '<!-- c')).toMatchObject({ type: 'text' });
  });
});
