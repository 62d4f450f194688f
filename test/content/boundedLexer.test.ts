import { describe, expect, it } from 'vitest';
import { Lexer, Marked } from 'marked';
import { BOUNDED_RULES, BoundedLexer, lexBounded } from '../../src/content/boundedLexer.js';

const ours = new Marked({ gfm: true }, { tokenizer: BOUNDED_RULES }).defaults;
const tag = BOUNDED_RULES.tag!;

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

describe('inline runs of plain text', () => {
  /** A small seeded generator, so that a failure names a sample that comes back. */
  function random(seed: number): () => number {
    let s = seed >>> 0;
    return () => {
      s = (s * 1664525 + 1013904223) >>> 0;
      return s / 2 ** 32;
    };
  }
  // Words and every piece that makes marked read something other than text, or changes its text.
  const PIECES = [
    'word', 'text', 'Plain', 'über', '漢字', ' ', ' ', ' ', '\n', '  \n', '\\', '<', '<b>', '[', ']', '(', ')', '!', '`', '*', '_', '~',
    '@', 'a@b.co', '://', 'https://x.example/p', 'http', 'www.', 'www.x.io', 'WWW.', 'mailto:', '&#65;', '&#x263a;', '&amp;', '&', '#', ':', '.', '-', '1.', '|',
  ];

  it('lex into the very tokens marked makes of them, in paragraphs, headings, lists, tables and emphasis', () => {
    const next = random(14);
    const pick = () => PIECES[Math.floor(next() * PIECES.length)]!;
    const line = (n: number) => Array.from({ length: n }, pick).join('');
    const samples: string[] = [];
    for (let i = 0; i < 3000; i++) {
      // Mostly plain words, now and then one of the pieces that are not.
      const words = Array.from({ length: 3 + Math.floor(next() * 12) }, () => (next() < 0.7 ? 'plain words here' : line(1 + Math.floor(next() * 3)))).join(' ');
      const shape = Math.floor(next() * 5);
      samples.push([words, `# ${words}`, `- ${words}\n- ${line(4)}`, `| a | b |\n|---|---|\n| ${words} | ${line(3)} |`, `*${words}* and **${line(3)}**`][shape]!);
    }
    for (const sample of samples) expect(lexBounded(sample, ours), JSON.stringify(sample)).toEqual(new Lexer({ gfm: true }).lex(sample));
  });

  it('are left to marked when an extension may read text', () => {
    const seen: string[] = [];
    const extension = {
      name: 'shout',
      level: 'inline' as const,
      start: (src: string) => src.indexOf('HEY'),
      tokenizer(src: string) {
        seen.push(src);
        return src.startsWith('HEY') ? { type: 'shout', raw: 'HEY' } : undefined;
      },
    };
    const options = new Marked({ gfm: true }, { extensions: [extension], tokenizer: BOUNDED_RULES }).defaults;
    const tokens = lexBounded('say HEY there', options);
    expect(JSON.stringify(tokens)).toContain('"type":"shout"');
    expect(seen.length).toBeGreaterThan(0);
  });
});

describe('setext headings', () => {
  const lheading = Lexer.rules.block.gfm.lheading;

  it('lex into the very tokens marked makes of them, in lists, block quotes, footnote-like blocks and after tabs', () => {
    const samples = [
      'Title\n=====\n\ntext', 'Title\n---\ntext', 'two\nlines\n===', 'a\n  ---  \nb', 'a\n\t---', 'a\r\n---\r\n', 'a\r---',
      '- item\n  ---\n- next', '- item\n\n  Sub\n  ===', '1. one\n   two\n   ---', '> quote\n> ---', '> quote\n---', '>\tq\n>\t===',
      '> - deep\n>   ===', '- > nested\n  > ---', 'no heading\n\n---\n\nafter', 'text\n- - -', 'text\n***', '- a\n- ---', '=== alone',
      'para\n    ---', '| a |\n|---|\n| b |\n===', 'a\n=\n', 'a\n-', '   ---\nb\n---',
    ];
    for (const sample of samples) expect(lexBounded(sample, ours), JSON.stringify(sample)).toEqual(new Lexer({ gfm: true }).lex(sample));
  });

  it('are looked for with marked\'s rule only in a document with a line that could underline one', () => {
    const calls = (markdown: string) => {
      let n = 0;
      const exec = lheading.exec;
      lheading.exec = function (this: RegExp, src: string) {
        n++;
        return exec.call(this, src);
      };
      try {
        lexBounded(markdown, ours);
      } finally {
        lheading.exec = exec;
      }
      return n;
    };
    expect(calls('# Title\n\nOne paragraph.\n\nAnother one\nover two lines.\n\n- a list\n- of items\n\n> a quote')).toBe(0);
    expect(calls('# Title\n\nOne paragraph.\n\n---\n\nAfter a break.')).toBeGreaterThan(0);
    expect(calls('> Quoted\n> ===')).toBeGreaterThan(0);
  });
});
