import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import stripAnsi from 'strip-ansi';
import { renderMarkdown } from '../../src/render/markdownRenderer.js';
import { entryFromSource } from '../../src/content/postEntry.js';
import stringWidth from 'string-width';

// Posts that took from seconds to minutes (or overflowed the stack) when the work grew faster
// than their size. Each test's time limit is its budget: far above what linear work needs on a
// loaded machine, far below what the quadratic versions took (from 30 seconds to minutes).
const BUDGET = 30_000;
/** For the posts that overflowed the stack: the time to lex megabytes on a loaded machine. */
const LARGE_BUDGET = 120_000;
const WIDTH = 80;
const FAMILY = '👨‍👩‍👧‍👦';

const render = (markdown: string, color = false) => renderMarkdown(markdown, { width: WIDTH, color });
const textWidth = (line: string) => stringWidth(line);
const plainLines = (markdown: string, color = false) => render(markdown, color).lines.map(stripAnsi);

function expectFitted(lines: string[]): void {
  for (const line of lines) expect(textWidth(line)).toBeLessThanOrEqual(WIDTH);
}

describe('rendering in time linear in the size of the post', () => {
  it('renders a letter, 100,000 tabs and a letter (a trailing-space pattern was quadratic)', { timeout: BUDGET }, () => {
    const lines = plainLines('a' + '\t'.repeat(100_000) + 'b');
    expectFitted(lines);
    expect(lines[0]).toMatch(/^a/);
    expect(lines.join('').trim().endsWith('b')).toBe(true);
  });

  it('renders "<!--" repeated 100,000 times as the web page does: one unclosed comment, hidden', { timeout: BUDGET }, () => {
    const lines = plainLines('<!--'.repeat(100_000) + '\n\nafter');
    expectFitted(lines);
    expect(lines.join('')).not.toContain('<!--');
  });

  it('renders a paragraph of 20,000 unclosed inline comments as their text (marked searched for "-->" from each)', { timeout: BUDGET }, () => {
    const lines = plainLines('x ' + '<!--‹!--'.repeat(20_000));
    expectFitted(lines);
    expect(lines.join('').replace(/\s/g, '')).toBe('x' + '<!--‹!--'.repeat(20_000));
  });

  it('renders a paragraph of 90,000 unclosed processing instructions as their text', { timeout: BUDGET }, () => {
    const lines = plainLines('x ' + '<?'.repeat(90_000));
    expect(lines.join('').replace(/\s/g, '')).toBe('x' + '<?'.repeat(90_000));
  });

  it('wraps 100,000 CJK characters without spaces into lines of the width', { timeout: BUDGET }, () => {
    const lines = plainLines('漢'.repeat(100_000), true);
    expectFitted(lines);
    expect(lines.reduce((sum, line) => sum + textWidth(line), 0)).toBe(200_000);
    expect(lines.length).toBe(2500);
  });

  it('wraps 20,000 family emoji without splitting one', { timeout: BUDGET }, () => {
    const lines = plainLines(FAMILY.repeat(20_000), true);
    expectFitted(lines);
    expect(lines.join('')).toBe(FAMILY.repeat(20_000));
  });

  it('wraps 100,000 CJK characters in a code block, each continued line marked', { timeout: BUDGET }, () => {
    const lines = plainLines('```\n' + '漢'.repeat(100_000) + '\n```\n', true);
    expectFitted(lines);
    expect(lines.join('').replace(/[\s↪]/g, '')).toBe('漢'.repeat(100_000));
    expect(lines.slice(1).every((line) => line.includes('↪'))).toBe(true);
  });

  it('wraps 20,000 family emoji in a code block without splitting one', { timeout: BUDGET }, () => {
    const lines = plainLines('```\n' + FAMILY.repeat(20_000) + '\n```\n', true);
    expectFitted(lines);
    expect(lines.join('').replace(/[\s↪]/g, '')).toBe(FAMILY.repeat(20_000));
  });

  it('renders 125,000 headings and lists them all', { timeout: LARGE_BUDGET }, () => {
    const post = render('# heading\n\n'.repeat(125_000));
    expect(post.headings).toHaveLength(125_000);
  });

  it('lays out a table of 130,000 rows (a spread of its rows overflowed the stack)', { timeout: LARGE_BUDGET }, () => {
    const lines = plainLines('| a | b |\n|---|---|\n' + '| x | y |\n'.repeat(130_000));
    expect(lines.filter((line) => line.startsWith('│ x'))).toHaveLength(130_000);
  });

  it('lays out an HTML table of 130,000 rows (the widest row was found by a spread)', { timeout: LARGE_BUDGET }, () => {
    const lines = plainLines('<table>\n' + '<tr><td>x</td><td>y</td></tr>\n'.repeat(130_000) + '</table>\n');
    expect(lines.filter((line) => line.startsWith('│ x'))).toHaveLength(130_000);
  });

  it('wraps one code line into 200,000 screen lines (its pieces were appended by a spread)', { timeout: LARGE_BUDGET }, () => {
    const lines = renderMarkdown('```\n' + 'abcdefgh'.repeat(400_000) + '\n```\n', { width: 20, color: false }).lines.map(stripAnsi);
    expect(lines.length).toBeGreaterThan(200_000);
    expect(lines.join('').replace(/[\s↪│]/g, '')).toBe('abcdefgh'.repeat(400_000));
  });

  it('renders and indexes 2.3 MB of short lines (one paragraph overflowed the regular expression stack)', { timeout: LARGE_BUDGET }, () => {
    const body = 'x\n'.repeat(1_150_000);
    const lines = plainLines(body);
    expect(lines.join(' ').split(/\s+/).filter(Boolean)).toHaveLength(1_150_000);
    expect(entryFromSource(`---\ntitle: t\n---\n${body}`, 'short.md').words).toBe(1_150_000);
  });

  it('renders and indexes a single line of 8.5 MB', { timeout: LARGE_BUDGET }, () => {
    const body = 'abcdefgh '.repeat(944_445);
    const lines = plainLines(body);
    expectFitted(lines);
    expect(lines.join(' ').split(/\s+/).filter(Boolean)).toHaveLength(944_445);
    expect(entryFromSource(`---\ntitle: t\n---\n${body}`, 'long.md').words).toBe(944_445);
  });

  it('renders random text of up to 1 MB within its budget, every line fitted', { timeout: 5 * LARGE_BUDGET }, () => {
    const unit = fc.constantFrom('a', 'word ', ' ', '\t', '\n', '\n\n', '漢', FAMILY, 'é', 'e\u0301', '<!--', '-->', '*', '_', '`', '```\n', '# ', '> ', '- ', '|', '[', '](', ')', '&amp;', '\u001b');
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 400 }), fc.integer({ min: 1, max: 12_000 }), (parts, repeat) => {
        const text = parts.join('').repeat(repeat).slice(0, 1_000_000);
        expectFitted(render(text, true).lines);
      }),
      { seed: 20261127, numRuns: 12 },
    );
  });
});
