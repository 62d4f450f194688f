import { describe, expect, it } from 'vitest';
import stripAnsi from 'strip-ansi';
import { fitColumns, layoutTable } from '../../src/render/tableLayout.js';

const plain = { border: (s: string) => s, header: (s: string) => s };

/** The words of each column as the laid-out table shows them, cell lines joined again. */
function columnTexts(lines: string[]): string[] {
  const rows = lines.filter((line) => line.startsWith('│')).map((line) => line.slice(1, -1).split('│').map((cell) => cell.trim()));
  return rows[0]!.map((_, c) => rows.map((row) => row[c]).join(' '));
}

describe('table cells in a narrow terminal', () => {
  it('keeps every word that fits its column whole (a 40-column terminal)', () => {
    const cells = {
      header: ['Setting', 'Scope', 'On'],
      rows: [
        ['a fairly long note about what this setting does for you', 'configuration', 'yes'],
        ['short', 'environment', 'no'],
      ],
      align: [null, null, null],
    };
    const lines = layoutTable(cells, 36, plain).map((line) => stripAnsi(line));
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(36);
    const shown = columnTexts(lines);
    for (const word of ['configuration', 'environment', 'setting', 'Setting', 'about']) {
      expect(shown.some((text) => text.split(/\s+/).includes(word)), word).toBe(true);
    }
  });

  it('gives the columns with the shortest longest words their room first, and shares the rest', () => {
    expect(fitColumns([60, 13, 3], 26, [7, 13, 3])).toEqual([10, 13, 3]);
    const widths = fitColumns([60, 13, 18], 40, [11, 13, 10]);
    expect(widths.reduce((a, b) => a + b, 0)).toBe(40);
    expect(widths[1]).toBeGreaterThanOrEqual(13);
    expect(widths[2]).toBeGreaterThanOrEqual(10);
    expect(widths[0]).toBeGreaterThanOrEqual(11);
  });
});
