import { describe, expect, it, vi } from 'vitest';
import stringWidth from 'string-width';
import stripAnsi from 'strip-ansi';
import { renderMarkdown } from '../../src/render/markdownRenderer.js';

const plain = (markdown: string, width = 60) => renderMarkdown(markdown, { width, color: false }).lines;
const colored = (markdown: string, width = 60) => renderMarkdown(markdown, { width, color: true }).lines;

describe('rendering Markdown for the terminal', () => {
  it('renders inline markup inside tight list items instead of printing it', () => {
    const lines = colored('- item with **bold**, `code` and [a link](https://example.com)\n- second\n');
    const text = stripAnsi(lines.join('\n'));
    expect(text).toContain('• item with bold, code and a link');
    expect(text).not.toMatch(/\*\*|`/);
    expect(lines[0]).toContain('\u001b[1mbold');
  });

  it('prints a task list checkbox once', () => {
    const text = plain('- [ ] open task\n- [x] done task\n').join('\n');
    expect(text.split('\n')).toEqual(['  ☐ open task', '  ☒ done task']);
  });

  it('indents nested lists without whitespace-only lines, with colour on', () => {
    const lines = colored('- one\n  - one.a with *em*\n    - deeper\n- two\n').map(stripAnsi);
    expect(lines).toEqual(['  • one', '    ◦ one.a with em', '      ▪ deeper', '  • two']);
  });

  it('wraps long list items with a hanging indent', () => {
    const lines = plain('- ' + 'word '.repeat(30) + '\n', 40);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines[0]).toMatch(/^ {2}• word/);
    for (const line of lines.slice(1)) expect(line).toMatch(/^ {4}word/);
  });

  it('shows headings without # marks, underlining the top three levels', () => {
    const lines = plain('## Section title\n\n### Sub\n');
    expect(lines).toEqual(['Section title', '─────────────', '', 'Sub', '┄┄┄']);
  });

  it('prefixes block quote lines, wrapped ones too', () => {
    const lines = plain('> ' + 'quoted '.repeat(20) + '\n', 40);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line).toMatch(/^│ /);
  });

  it('fits a table to the width, wrapping cells', () => {
    const table = '| Key | Description |\n|---|---|\n| a | ' + 'long text '.repeat(12) + '|\n';
    const lines = plain(table, 40);
    expect(lines[0]).toMatch(/^┌─+┬─+┐$/);
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(40);
    expect(lines.join('\n')).toContain('long text');
  });

  it('falls back to one record per row when a table cannot fit', () => {
    const table = '| A | B | C | D | E | F |\n|---|---|---|---|---|---|\n| 1 | 2 | 3 | 4 | 5 | 6 |\n';
    expect(plain(table, 20)).toEqual(['A: 1', 'B: 2', 'C: 3', 'D: 4', 'E: 5', 'F: 6']);
  });

  it('measures wide characters by display columns', () => {
    const lines = plain('中文字符測試 '.repeat(20) + '\n\n| 名前 | 説明 |\n|---|---|\n| 東京 | 日本の首都です |\n', 30);
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(30);
  });

  it('draws a rule the width of the text even when not on a terminal', () => {
    expect(plain('---\n', 33)).toEqual(['─'.repeat(33)]);
  });

  it('indents code blocks and wraps long code lines at the width', () => {
    const lines = plain('```js\nconst value = "' + 'x'.repeat(80) + '";\n```\n', 40);
    expect(lines[0]!.startsWith('    const value')).toBe(true);
    for (const line of lines) {
      expect(line.startsWith('    ')).toBe(true);
      expect(stringWidth(line)).toBeLessThanOrEqual(40);
    }
  });

  it('highlights code in a known language and never guesses or complains about others', () => {
    const error = vi.spyOn(console, 'error');
    const js = colored('```javascript\nconst a = 1;\n```\n').join('\n');
    const unknown = colored('```no-such-language\nplain words\n```\n').join('\n');
    const bare = colored('```\nx = 1\n```\n').join('\n');
    expect(stripAnsi(js)).toBe('    const a = 1;');
    expect(unknown).toBe('    plain words');
    expect(bare).toBe('    x = 1');
    expect(error).not.toHaveBeenCalled();
    error.mockRestore();
  });

  it('shows a link as its text and keeps its target exactly as written for the link list', () => {
    const rendered = renderMarkdown('[search](https://example.com/?q=a+b)', { width: 60, color: false });
    expect(rendered.lines).toEqual(['search']);
    expect(rendered.links).toEqual([{ text: 'search', href: 'https://example.com/?q=a+b', kind: 'link' }]);
    expect(plain('<https://example.com/x>')).toEqual(['https://example.com/x']);
  });

  it('joins soft line breaks into flowing text', () => {
    expect(plain('one\ntwo\nthree')).toEqual(['one two three']);
  });

  it('shows control characters from the post visibly, never raw', () => {
    const text = renderMarkdown('Body \u001b]52;c;AAAA\u0007 and `code \u001b[2J` and\n```\n\u009b31m\n```\n', { width: 60, color: true }).lines.join('\n');
    expect(text).not.toMatch(/\u001b\]|\u0007|\u009b|\u001b\[2J/);
    expect(stripAnsi(text)).toContain('^[]52;c;AAAA^G');
    expect(stripAnsi(text)).toContain('<U+009B>31m');
  });

  it('hides HTML comments such as the summary marker', () => {
    expect(plain('Lead.\n\n<!--more-->\n\nRest.')).toEqual(['Lead.', '', 'Rest.']);
  });

  it('records where each block starts, for keeping the place on resize', () => {
    const { lines, blockStarts } = renderMarkdown('First paragraph.\n\n## Heading\n\nSecond.', { width: 40, color: false });
    expect(blockStarts).toEqual([0, 2, 5]);
    expect(lines[blockStarts[1]!]).toBe('Heading');
  });

  it('prints the same text with colour on as with colour off', () => {
    const markdown = '## T\n\nSome *em* and **strong** text with `code`.\n\n- a\n  - b\n\n> quote\n\n| x | y |\n|---|---|\n| 1 | 2 |\n';
    expect(colored(markdown).map(stripAnsi)).toEqual(plain(markdown));
  });
});
