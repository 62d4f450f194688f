// The styled characters Ink 6.8 lays a frame out in, made faster than Ink makes them.
//
// On every frame Ink's Output puts each line of text into a grid of character cells, one object
// per grapheme cluster with the styles in force there, and writes each row of the grid back out
// as text, with only the style changes between neighbouring cells (src/tui/frameText.ts
// describes the bytes). Ink does both with @alcalzone/ansi-tokenize, afresh for every line of
// every frame: a grapheme segmenter over each whole line, a copy of the style list for each
// character and three sets for each pair of neighbouring cells. Moving through a post redraws
// nearly every line of a full screen, so that was most of a key's time and garbage.
//
// The build (src/build/bundle.mjs) points Ink's Output at this module instead. It produces the
// same cells and the same row text (tests compare both with ansi-tokenize's) with less work:
// - a line's cells are kept for the next frames (a line scrolled up one row is not read again);
// - printable ASCII, most of any post, is one cluster a character without a segmenter;
// - neighbouring characters in the same style share one style list, so a row is written by
//   comparing lists by identity, and only where the style changes are codes worked out.
// Nothing here imports Ink.
import { apply, codeOf, splitSgr, styleAt, transition, type Code } from './frameText.js';
import displayWidth from '../render/displayWidth.js';

/** One cell of Ink's grid: a grapheme cluster and the styles in force on it. */
export interface Cell {
  type: 'char';
  value: string;
  /** The cluster takes two columns. Ink's Output measures clusters itself and does not read this. */
  fullWidth: boolean;
  styles: readonly Code[];
}

const NO_STYLES: readonly Code[] = Object.freeze([]);

/** The cell Ink fills an empty grid with: a space in no style. Cells are never changed, so one serves all. */
export const BLANK_CELL: Cell = Object.freeze({ type: 'char', value: ' ', fullWidth: false, styles: NO_STYLES });

let segmenter: Intl.Segmenter | undefined;

function isPrintableAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code > 0x7e) return false;
  }
  return true;
}

function cell(value: string, styles: readonly Code[]): Cell {
  return { type: 'char', value, fullWidth: value.length > 1 || value.charCodeAt(0) >= 0x1100 ? displayWidth(value) > 1 : false, styles };
}

/**
 * The cells of one line, as ansi-tokenize's tokenize and styledCharsFromTokens make them: SGR
 * sequences and OSC 8 links are styles, anything else is text, read by grapheme clusters. A
 * cluster that starts inside a style sequence is dropped with it (a mark after the final `m`).
 */
function cellsOf(line: string): Cell[] {
  const cells: Cell[] = [];
  let styles: readonly Code[] = NO_STYLES;
  // Characters at the start of the next run that join the `m` ending the sequence before it.
  let afterSgr = false;
  let i = 0;
  while (i < line.length) {
    const ch = line.charCodeAt(i);
    if (ch === 0x1b || ch === 0x9b) {
      const sequence = styleAt(line, i);
      if (sequence === undefined) {
        // A lone escape is a control character: a cluster of its own.
        cells.push(cell(line[i]!, styles));
        i++;
        afterSgr = false;
        continue;
      }
      const codes = sequence[1] === ']' ? [sequence] : splitSgr(sequence);
      styles = apply(styles as Code[], codes.map(codeOf));
      i += sequence.length;
      afterSgr = sequence.endsWith('m');
      continue;
    }
    let j = i + 1;
    while (j < line.length && line.charCodeAt(j) !== 0x1b && line.charCodeAt(j) !== 0x9b) j++;
    const run = line.slice(i, j);
    if (isPrintableAscii(run)) {
      // No printable ASCII character joins another, or the `m` before it, into a cluster.
      for (let k = 0; k < run.length; k++) cells.push(cell(run[k]!, styles));
    } else {
      segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
      // After an SGR sequence the run is read with the `m` before it, as Ink reads the whole
      // line: whatever joins the `m` is part of the sequence's cluster and is dropped.
      const text = afterSgr ? `m${run}` : run;
      let first = afterSgr;
      for (const { segment } of segmenter.segment(text)) {
        if (first) {
          first = false;
          continue;
        }
        cells.push(cell(segment, styles));
      }
    }
    afterSgr = false;
    i = j;
  }
  return cells;
}

/** Lines whose cells are kept: a few screens' worth, the oldest dropped first. */
const KEPT_LINES = 256;
const kept = new Map<string, Cell[]>();

/** The cells of one line of a frame, kept for the frames after it. The cells must not be changed. */
export function styledCells(line: string): Cell[] {
  const known = kept.get(line);
  if (known) return known;
  const cells = cellsOf(line);
  if (kept.size >= KEPT_LINES) kept.delete(kept.keys().next().value!);
  kept.set(line, cells);
  return cells;
}

/**
 * One row of cells as text, as ansi-tokenize's styledCharsToString writes it: the styles of the
 * first cell, then at each cell only the codes that change from the cell before, and after the
 * last cell the end of every style still in force.
 */
export function cellsToString(cells: readonly Cell[]): string {
  let out = '';
  let before: readonly Code[] = NO_STYLES;
  for (let i = 0; i < cells.length; i++) {
    const { styles, value } = cells[i]!;
    if (styles !== before && (styles.length > 0 || before.length > 0)) out += transition(before, styles);
    out += value;
    before = styles;
  }
  if (before.length > 0) out += transition(before, NO_STYLES);
  return out;
}
