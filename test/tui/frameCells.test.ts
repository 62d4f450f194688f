// The cells and row text the build gives Ink's Output (src/tui/frameCells.ts) must be exactly
// what Ink makes with @alcalzone/ansi-tokenize, the library it replaces (installed with Ink).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { styledCharsFromTokens, styledCharsToString, tokenize } from '@alcalzone/ansi-tokenize';
import { BLANK_CELL, cellsToString, styledCells, type Cell } from '../../src/tui/frameCells.js';
import displayWidth from '../../src/render/displayWidth.js';

type LibraryChar = ReturnType<typeof styledCharsFromTokens>[number];

const shape = (cells: ReadonlyArray<Cell | LibraryChar>) => cells.map((c) => [c.value, c.styles.map((s) => [s.code, s.endCode])]);
const libraryCells = (line: string) => styledCharsFromTokens(tokenize(line));

const SGR = [
  '\u001b[1m', '\u001b[2m', '\u001b[22m', '\u001b[3m', '\u001b[31m', '\u001b[39m', '\u001b[0m', '\u001b[m', '\u001b[7m', '\u001b[27m',
  '\u001b[38;5;208m', '\u001b[48;2;1;2;3m', '\u001b[1;4;38;5;12m', '\u001b[49m', '\u001b[92;1m', '\u001b[53m', '\u001b[55m',
  '\u001b]8;;https://example.com/a?b=c\u0007', '\u001b]8;id=1;https://e.org/é\u0007', '\u001b]8;;\u0007', '\u009b1m', '\u009b]8;;x\u0007',
];
const TEXT = [
  'a', 'word ', ' ', '  ', 'x-y_z(1);', '日本', 'é', 'e\u0301', '\u0301', '\u0903', '\u200d', '·', '…', '▌', '─', '🎉', '👩‍💻', '🇫🇷', '✔\ufe0f',
  '\t', '\r\n', '\u001b', '\u001b[', '\u001b[12', '\u001b[?25h', '\u001b]8;', '\u001b]0;title\u0007', '\u009b', '\u0007', 'm', ';', '한국어', '가',
];
const lineArb = fc.array(fc.oneof(fc.constantFrom(...SGR), fc.constantFrom(...TEXT), fc.string({ maxLength: 6 }), fc.string({ unit: 'grapheme', maxLength: 4 })), { maxLength: 24 }).map((parts) => parts.join(''));

describe('the cells of a frame line', () => {
  it('are the clusters and styles ansi-tokenize makes, for any text with any styles', () => {
    fc.assert(
      fc.property(lineArb, (line) => {
        expect(shape(styledCells(line))).toEqual(shape(libraryCells(line)));
      }),
      { numRuns: 3000 },
    );
  });

  it("are the same for every line of a post with the reader's kinds of styles on its words", () => {
    const post = readFileSync(fileURLToPath(new URL('../../posts/elasticsearch-zero-to-hero.md', import.meta.url)), 'utf8');
    // Styled lines as the reader has them: the post's own lines with the reader's kinds of styles around words.
    const styles = ['\u001b[1m', '\u001b[22m', '\u001b[33m', '\u001b[39m', '\u001b[38;5;141m', '\u001b]8;;https://example.com/\u0007', '\u001b]8;;\u0007'];
    for (const [n, text] of post.split('\n').entries()) {
      const line = text.split(' ').map((w, i) => (i % 3 === 0 ? styles[(n + i) % styles.length]! + w : w)).join(' ');
      expect(shape(styledCells(line))).toEqual(shape(libraryCells(line)));
    }
  });

  it('share one style list between neighbours in the same style, and are kept for the next frame', () => {
    const line = '\u001b[1mbold\u001b[22m plain \u001b[33mcode\u001b[39m';
    const cells = styledCells(line);
    expect(cells[1]!.styles).toBe(cells[0]!.styles);
    expect(cells[4]!.styles).toBe(cells[5]!.styles);
    expect(styledCells(line)).toBe(cells);
  });
});

describe('a row of cells written as text', () => {
  // A row as Ink's Output builds it: blank cells, lines' cells written over them at some
  // column, a cluster as wide as n columns followed by n - 1 empty filler cells in its style.
  const rowArb = fc.tuple(fc.array(fc.tuple(lineArb, fc.nat(30)), { maxLength: 3 }), fc.integer({ min: 1, max: 60 }));
  function rows([writes, width]: [Array<[string, number]>, number]) {
    const ours: Cell[] = Array.from({ length: width }, () => BLANK_CELL);
    const theirs: LibraryChar[] = Array.from({ length: width }, () => ({ type: 'char' as const, value: ' ', fullWidth: false, styles: [] }));
    for (const [line, x] of writes) {
      for (const [row, cells] of [[ours, styledCells(line)], [theirs, libraryCells(line)]] as const) {
        let at = x;
        for (const cell of cells) {
          (row as unknown[])[at] = cell;
          const width = Math.max(1, displayWidth(cell.value));
          for (let i = 1; i < width; i++) (row as unknown[])[at + i] = { type: 'char', value: '', fullWidth: false, styles: cell.styles };
          at += width;
        }
      }
    }
    return { ours: ours.filter((c) => c !== undefined), theirs: theirs.filter((c) => c !== undefined) };
  }

  it('is the text ansi-tokenize writes, for any row Ink can build', () => {
    fc.assert(
      fc.property(rowArb, (spec) => {
        const { ours, theirs } = rows(spec);
        expect(cellsToString(ours)).toBe(styledCharsToString(theirs));
      }),
      { numRuns: 2000 },
    );
  });

  it('ends every style still in force after the last cell, and writes nothing for a row of blanks', () => {
    expect(cellsToString(styledCells('\u001b[1m\u001b[33mx'))).toBe('\u001b[1m\u001b[33mx\u001b[39m\u001b[22m');
    expect(cellsToString([BLANK_CELL, BLANK_CELL])).toBe('  ');
    expect(cellsToString([])).toBe('');
  });
});

describe('the built app', () => {
  it("draws through these cells: Ink's output in each bundle no longer reads lines with ansi-tokenize", () => {
    const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
    const sources = ['', 'chunks/', 'quick-app/'].flatMap((dir) => readdirSync(dist + dir).filter((f) => f.endsWith('.mjs')).map((f) => readFileSync(dist + dir + f, 'utf8')));
    const outputs = sources.filter((s) => s.includes('node_modules/ink/build/output.js'));
    // The parser's app (dist/tui-app.mjs) and the quick start's (dist/quick-app/).
    expect(outputs).toHaveLength(2);
    for (const output of outputs) {
      expect(output).toContain('styledCells(line)');
      expect(output).toContain('cellsToString(lineWithoutEmptyItems)');
    }
    expect(sources.some((s) => s.includes('node_modules/@alcalzone/ansi-tokenize'))).toBe(false);
  });
});
