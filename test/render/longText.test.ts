import { describe, expect, it } from 'vitest';
import stripAnsi from 'strip-ansi';
import { limitBlocks, MAX_BLOCK } from '../../src/content/nestingLimit.js';
import { pieces } from '../../src/render/clusters.js';
import { textWidth, wrapText } from '../../src/render/longText.js';
import { removeHtmlComments, trimEndNewlines } from '../../src/render/linearText.js';

const FAMILY = '👨‍👩‍👧‍👦';

describe('the linear helpers', () => {
  it('cuts long text at cluster boundaries, so widths add up', () => {
    const text = ('漢' + FAMILY + 'e\u0301' + '🇩🇪').repeat(3000);
    const parts = pieces(text, 256);
    expect(parts.join('')).toBe(text);
    expect(parts.every((p) => !p.startsWith('\u200d') && !p.startsWith('\u0301') && !p.startsWith('\ud83c\uddea'))).toBe(true);
    expect(textWidth(text)).toBe(3000 * (2 + 2 + 1 + 2));
  });

  it('wraps a long styled line into the rows of wrapping it whole', () => {
    const line = Array.from({ length: 3000 }, (_, i) => (i % 7 === 0 ? `\u001b[1mword${i}\u001b[22m` : `word${i}`)).join(' ');
    const rows = wrapText(line, 50, { hard: true, trim: true });
    expect(rows.map(stripAnsi).join(' ')).toBe(stripAnsi(line));
    for (const row of rows) expect(textWidth(row)).toBeLessThanOrEqual(50);
    // Rows are full: the next word would not have fitted on the row before it.
    for (let i = 1; i < rows.length; i++) {
      const next = stripAnsi(rows[i]!).split(' ')[0]!;
      expect(textWidth(stripAnsi(rows[i - 1]!)) + 1 + textWidth(next)).toBeGreaterThan(50);
    }
  });

  it('puts a blank line only into blocks longer than MAX_BLOCK', () => {
    const short = 'x\n'.repeat(1000);
    expect(limitBlocks(short)).toBe(short);
    const long = 'y\n'.repeat(MAX_BLOCK);
    const limited = limitBlocks(long);
    expect(limited.replace(/\n+/g, '\n')).toBe(long);
    for (const block of limited.split('\n\n')) expect(block.length).toBeLessThanOrEqual(MAX_BLOCK + 1);
  });

  it('leaves an HTML block longer than MAX_BLOCK whole, as it leaves tables', () => {
    const html = '<table>\n' + '<tr><td>x</td></tr>\n'.repeat(MAX_BLOCK / 10) + '</table>\n';
    expect(limitBlocks(html)).toBe(html);
    const paragraph = '<b>x</b> ' + 'y\n'.repeat(MAX_BLOCK);
    expect(limitBlocks(paragraph)).not.toBe(paragraph);
  });

  it('removes closed HTML comments and keeps unclosed ones, and trims newlines', () => {
    expect(removeHtmlComments('a<!-- x -->b<!---->c<!-- open')).toBe('abc<!-- open');
    expect(trimEndNewlines('a\n\nb\n\n\n')).toBe('a\n\nb');
  });
});
