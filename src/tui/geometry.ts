import { wrapText } from '../render/longText.js';
import { sanitizeLine } from '../content/sanitize.js';

/** Screen geometry for every view, derived from the terminal size alone. */
export interface Size {
  cols: number;
  rows: number;
}

export const MIN_COLS = 20;
export const MIN_ROWS = 6;
/** The reader's text column is never wider than this: long lines are hard to read. */
export const MAX_TEXT_WIDTH = 100;
const LIST_HEADER_ROWS = 2;
const FOOTER_ROWS = 1;
const MAX_TITLE_LINES = 2;

export function tooSmall(size: Size): boolean {
  return size.cols < MIN_COLS || size.rows < MIN_ROWS;
}

/**
 * Rows Ink may draw: one less than the terminal, since a frame as tall as the terminal makes
 * Ink 6 clear the whole screen (and the scrollback) on every update.
 */
export function drawableRows(size: Size): number {
  return Math.max(1, size.rows - 1);
}

export interface ListGeometry {
  /** Lines each entry takes, including the blank line after it. */
  entryHeight: number;
  showSummary: boolean;
  perPage: number;
  bodyRows: number;
}

export function listGeometry(size: Size): ListGeometry {
  const bodyRows = Math.max(1, drawableRows(size) - LIST_HEADER_ROWS - FOOTER_ROWS);
  const showSummary = bodyRows >= 11;
  const entryHeight = showSummary ? 4 : 3;
  const perPage = Math.max(1, Math.floor((bodyRows + 1) / entryHeight));
  return { entryHeight, showSummary, perPage, bodyRows };
}

export interface ReaderGeometry {
  /** Width of the text column (the renderer's width). */
  textWidth: number;
  /** Columns left of the text column. */
  margin: number;
  titleLines: string[];
  viewHeight: number;
}

/** `maxWidth` is the widest the text column gets (the `width` setting). */
export function readerGeometry(size: Size, title: string, maxWidth = MAX_TEXT_WIDTH): ReaderGeometry {
  const textWidth = Math.max(10, Math.min(maxWidth, size.cols - 4));
  const margin = Math.max(0, Math.floor((size.cols - textWidth) / 2));
  let titleLines = wrapText(sanitizeLine(title), textWidth, { hard: true, trim: true });
  // One title line on a short terminal, so that a line of text fits below the header.
  const room = Math.max(1, Math.min(MAX_TITLE_LINES, drawableRows(size) - 3 - FOOTER_ROWS));
  if (titleLines.length > room) {
    titleLines = titleLines.slice(0, room);
    titleLines[room - 1] = titleLines[room - 1]!.slice(0, textWidth - 1) + '…';
  }
  // Title lines, the meta line and a rule above the text; the status line below it.
  const chrome = titleLines.length + 2 + FOOTER_ROWS;
  return { textWidth, margin, titleLines, viewHeight: Math.max(1, drawableRows(size) - chrome) };
}

/** Rows of the help view: everything but the header and the footer. */
export function helpViewHeight(size: Size): number {
  return Math.max(1, drawableRows(size) - LIST_HEADER_ROWS - FOOTER_ROWS);
}

/** The tag picker, the table of contents and the link list: one line an entry. */
export function pickerGeometry(size: Size): { perPage: number; bodyRows: number } {
  const bodyRows = Math.max(1, drawableRows(size) - LIST_HEADER_ROWS - FOOTER_ROWS);
  return { perPage: bodyRows, bodyRows };
}
