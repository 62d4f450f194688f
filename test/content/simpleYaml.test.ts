import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseSimpleYaml } from '../../src/content/simpleYaml.js';

/** What the YAML library gives, as front matter reads it; 'error' when it refuses the text. */
function library(text: string): unknown {
  try {
    return parse(text, { uniqueKeys: false, logLevel: 'silent' }) ?? {};
  } catch {
    return 'error';
  }
}

describe('front matter read without the YAML library', () => {
  it('reads the usual fields as the YAML library does', () => {
    const text = 'title: "Queues, part 2"\ndate: 2024-05-06\nupdated: 2024-05-06T10:00:00+02:00\ntags: [kafka, "ops, infra", 3]\ndraft: false\nweight: 10\nsummary: It works, mostly\nauthors:\n  - Ada\n  - \'Grace\'\nempty:\n# a comment\nnothing: ~\n';
    expect(parseSimpleYaml(text)).toEqual(library(text));
    expect(parseSimpleYaml(text)).toMatchObject({ date: '2024-05-06', tags: ['kafka', 'ops, infra', 3], draft: false, weight: 10, authors: ['Ada', 'Grace'], empty: null });
  });

  it('leaves to the library what it does not read exactly as the library does', () => {
    for (const text of ['a: 1.5', 'a: 0x1F', 'a: +1', 'a: 1e3', 'a: .inf', 'a: x # note', "a: 'it''s'", 'a: "tab\\tx"', 'a: b: c', 'a:\n  b: c', 'a: x\n  more', 'a: [x, y,]', 'a: &anchor x', 'a: !tag x', 'a: |\n  text', 'a: 1\na: 2', '"a": 1', '__proto__: x', 'a: 0123456789012345678']) {
      expect(parseSimpleYaml(text), text).toBeUndefined();
    }
  });

  it('gives what the library gives, or leaves the text to it, for any text made of front matter pieces', () => {
    const pieces = ['title', 'Tags', 'a', 'x', ':', ': ', ' ', '  ', '\n', '- ', '-', '[', ']', ',', ', ', '"', "'", '#', ' #', '0', '12', '-3', '1.5', '2024-01-02', 'true', 'False', 'null', '~', 'yes', '\\', '\t', '{', '}', '&', '*', '!', '|', '>', '%', '@', '`', '?', 'é', '\u0085', '\u00a0', '\ufeff', '.inf', '0x1', '0o7', '___', 'k-e_y'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        const got = parseSimpleYaml(text);
        if (got !== undefined) expect(got).toEqual(library(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads a long value in one pass', () => {
    const long = 'word '.repeat(100_000).trim();
    expect(parseSimpleYaml(`summary: ${long}\ntags: [${'x, '.repeat(50_000)}y]`)).toEqual({ summary: long, tags: [...Array(50_000).fill('x'), 'y'] });
  });
});
