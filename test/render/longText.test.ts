import { describe, expect, it } from 'vitest';
import stripAnsi from 'strip-ansi';
import { limitBlocks, MAX_BLOCK } from '../../src/content/nestingLimit.js';
import { pieces } from '../../src/render/clusters.js';
import { cutText, textWidth, wrapText } from '../../src/render/longText.js';
import sliceAnsi from 'slice-ansi';
import stringWidth from 'string-width';
import fc from 'fast-check';
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

describe('cutting a line to a width', () => {
  it('cuts Latin text and common punctuation by index exactly as slice-ansi cuts it', () => {
    const chars = fc.constantFrom(...'ab Z09~é\u00a0ß\u0151\u02bc\u2014\u2019\u201c\u2026\u2022\u203a');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 40 }), fc.integer({ min: 1, max: 45 }), (parts, width) => {
        const text = parts.join('');
        const bySegments = stringWidth(text) <= width ? text : sliceAnsi(text, 0, width - 1) + '…';
        expect(cutText(text, width)).toBe(bySegments);
      }),
      { numRuns: 300 },
    );
  });

  it('cuts wide characters, combining marks and styled text by display columns', () => {
    expect(cutText('日本語のタイトル', 7)).toBe('日本語…');
    expect(cutText('e\u0301e\u0301e\u0301e\u0301', 3)).toBe('e\u0301e\u0301…');
    expect(stripAnsi(cutText('\u001b[1mbold text\u001b[22m', 5))).toBe('bold…');
  });
});
