import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { limitNesting, limitNestingByLine, MAX_NESTING } from '../../src/content/nestingLimit.js';
import { renderMarkdown } from '../../src/render/markdownRenderer.js';
import { entryFromSource } from '../../src/content/postEntry.js';
import { countWords } from '../../src/content/wordCount.js';
import { expandTabs } from '../../src/content/sanitize.js';

const POSTS = new URL('../../posts/', import.meta.url);
const DEPTH = 3000;

/** Hostile Markdown: 3,000 levels of every kind of nesting marked recurses on. */
const DEEP: Record<string, string> = {
  'block quotes on one line': '> '.repeat(DEPTH) + 'bottom\n',
  'block quotes without spaces': '>'.repeat(DEPTH) + 'bottom\n',
  'block quotes, one more a line': Array.from({ length: DEPTH }, (_, i) => '>'.repeat(i + 1) + ` level ${i}`).join('\n'),
  'lists indented two spaces a level': Array.from({ length: DEPTH }, (_, i) => '  '.repeat(i) + `- item ${i}`).join('\n'),
  'lists indented a tab a level': Array.from({ length: DEPTH }, (_, i) => '\t'.repeat(i) + `- item ${i}`).join('\n'),
  'ordered lists indented three spaces a level': Array.from({ length: DEPTH }, (_, i) => '   '.repeat(i) + `1. item ${i}`).join('\n'),
  'lists on one line': '- '.repeat(DEPTH) + 'bottom\n',
  'ordered lists on one line': '1. '.repeat(DEPTH) + 'bottom\n',
  'quotes and lists': Array.from({ length: DEPTH }, (_, i) => '> '.repeat(i) + `- item ${i}`).join('\n'),
  'lists in a quote': Array.from({ length: DEPTH }, (_, i) => '> ' + '  '.repeat(i) + `- item ${i}`).join('\n'),
  'emphasis': '*a '.repeat(DEPTH) + 'bottom' + ' a*'.repeat(DEPTH),
  'strong emphasis': '**a '.repeat(DEPTH) + 'bottom' + ' a**'.repeat(DEPTH),
  'underscores': '_a '.repeat(DEPTH) + 'bottom' + ' a_'.repeat(DEPTH),
  'strikethrough': '~a '.repeat(DEPTH) + 'bottom' + ' a~'.repeat(DEPTH),
  'one run of stars': '*'.repeat(DEPTH) + 'bottom' + '*'.repeat(DEPTH),
  'emphasis over many lines': Array.from({ length: DEPTH }, () => '*a').join('\n') + ' bottom ' + Array.from({ length: DEPTH }, () => 'a*').join('\n'),
  'quotes around a fence': '> '.repeat(DEPTH) + '```\n' + ('> '.repeat(DEPTH) + 'code\n').repeat(3) + '> '.repeat(DEPTH) + '```\n',
  'quotes after a line that looks like a fence': '    ```\n' + '> '.repeat(DEPTH) + 'bottom\n',
};

describe('limitNesting: Markdown nested thousands of levels deep', () => {
  for (const [name, markdown] of Object.entries(DEEP)) {
    it(`renders, indexes and counts ${name} without overflowing the stack, keeping the text`, { timeout: 20_000 }, () => {
      const text = renderMarkdown(markdown, { width: 1000, color: false }).lines.join('\n');
      for (const word of ['bottom', 'item 2999', 'level 2999', 'code']) {
        if (markdown.includes(word)) expect(text.includes(word), `"${word}" is shown`).toBe(true);
      }
      const entry = entryFromSource(markdown, 'deep.md');
      expect(entry.words).toBeGreaterThan(0);
      expect(countWords(markdown)).toBe(entry.words);
    });
  }

  it('renders them in colour at 80 columns too', { timeout: 20_000 }, () => {
    for (const name of ['block quotes on one line', 'lists on one line', 'emphasis', 'quotes around a fence']) {
      expect(renderMarkdown(DEEP[name]!, { width: 80, color: true }).lines.length, name).toBeGreaterThan(0);
    }
  });

  it('keeps at most MAX_NESTING levels of quotes, and the last marker of each line', () => {
    const quotes = limitNesting('> '.repeat(100) + 'text');
    expect(quotes).toBe('> '.repeat(MAX_NESTING) + 'text');
    const list = limitNesting(Array.from({ length: 40 }, (_, i) => '  '.repeat(i) + `- item ${i}`).join('\n')).split('\n');
    expect(list.slice(0, MAX_NESTING)).toEqual(Array.from({ length: MAX_NESTING }, (_, i) => '  '.repeat(i) + `- item ${i}`));
    for (const line of list.slice(MAX_NESTING)) expect(line).toMatch(new RegExp(`^ {${2 * (MAX_NESTING - 1)}}- item \\d+$`));
  });

  it('escapes the emphasis delimiters past MAX_NESTING, and their closers, so they show as text', () => {
    const deep = limitNesting('*a '.repeat(40) + 'x' + ' a*'.repeat(40));
    expect(deep).toBe('*a '.repeat(MAX_NESTING) + '\\*a '.repeat(8) + 'x' + ' a\\*'.repeat(8) + ' a*'.repeat(MAX_NESTING));
  });

  it('returns ordinary Markdown unchanged: every bundled post, code with deep indentation, many stars', () => {
    const posts = readdirSync(POSTS).filter((f) => f.endsWith('.md'));
    expect(posts.length).toBeGreaterThan(0);
    for (const file of posts) {
      const text = readFileSync(new URL(file, POSTS), 'utf8');
      expect(limitNesting(text) === text, file).toBe(true);
    }
    const samples = [
      '```yaml\n' + Array.from({ length: 60 }, (_, i) => ' '.repeat(i * 2) + '- key: value').join('\n') + '\n```\n',
      '```c\n' + 'int *p = *q; char **argv;\n'.repeat(40) + '```\n',
      '    int *p = *q;\n'.repeat(40),
      '*one* *two* **three** _four_ '.repeat(50),
      '`*a *a *a *a *a *a *a *a *a *a *a *a *a *a *a *a *a *a *a *a *a *a *a *a *a *a *a *a *a *a *a *a *a *a`',
      '-'.repeat(80) + '\n\n' + '* * * * *\n',
    ];
    for (const sample of samples) expect(limitNesting(sample)).toBe(sample);
  });
});

describe('limitNesting: the quick checks', () => {
  /** Lines that nest, open emphasis, open fences, or end paragraphs, mixed in a fixed pseudo-random order. */
  const PIECES = [
    '*a', 'a*', '**b', 'b**', '_c', 'c_', '~d', 'd~', '***', '* * *', 'text', '', '   ', ' \t\r', '\r', '```', '~~~', '    code *x',
    '\t'.repeat(17) + '- tab item', '\t'.repeat(16) + '- tab item', '> '.repeat(20) + 'q', '>'.repeat(33) + 'q', '1. '.repeat(12) + 'n',
    '`*a *a *a`', '- *a', '\t'.repeat(9) + '>'.repeat(15) + 'x', ' '.repeat(40) + 'deep code', '*a '.repeat(20), ' a*'.repeat(20),
  ];
  function mixed(seed: number, lines: number): string {
    let x = seed;
    const out: string[] = [];
    for (let i = 0; i < lines; i++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      out.push(PIECES[x % PIECES.length]!);
    }
    return out.join(x % 2 ? '\n' : '\r\n');
  }

  it('give the same text as looking at every line: hostile, ordinary and mixed Markdown', () => {
    const samples = [
      ...Object.values(DEEP),
      ...readdirSync(POSTS).filter((f) => f.endsWith('.md')).map((f) => readFileSync(new URL(f, POSTS), 'utf8')),
      '\t'.repeat(17) + '- seventeen tabs are more than MAX_NESTING levels\n',
      ('*a\n').repeat(MAX_NESTING + 1) + 'x' + ('\na*').repeat(MAX_NESTING + 1),
      ('*a\n \t\r\n').repeat(100) + 'x',
      '```\n' + '*a '.repeat(40) + '\n\n' + '*a '.repeat(10) + '\n```\n' + '*a '.repeat(30) + 'x',
    ];
    for (let seed = 1; seed <= 400; seed++) samples.push(mixed(seed, 20 + (seed % 60)));
    let changed = 0;
    for (const sample of samples) {
      const byLine = limitNestingByLine(sample);
      if (byLine !== sample) changed++;
      expect(limitNesting(sample)).toBe(byLine);
    }
    // The samples include text that is flattened, not only text left as it is.
    expect(changed).toBeGreaterThan(50);
  });
});

describe('expandTabs', () => {
  it('replaces tabs with spaces to the next multiple of four columns of each line', () => {
    expect(expandTabs('a\tb\n\tc\nab\t\td')).toBe('a   b\n    c\nab      d');
    expect(expandTabs('no tabs')).toBe('no tabs');
  });

  it('leaves no tab in rendered lines, which would move the cursor past the width', () => {
    const markdown = '# Head\tTab\n\nPara\tTab\n\n- item\ttab\n\n> quote\ttab\n\n| a\tb | c |\n|---|---|\n| x\ty | z |\n\n`code\tspan` ' + 'x\t'.repeat(40) + '\n';
    for (const color of [false, true]) {
      for (const line of renderMarkdown(markdown, { width: 40, color }).lines) expect(line).not.toContain('\t');
    }
  });
});
