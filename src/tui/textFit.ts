import stringWidth from 'string-width';
import sliceAnsi from 'slice-ansi';

/** Cuts text to at most `width` display columns, ending with an ellipsis when cut. */
export function truncateToWidth(text: string, width: number): string {
  if (width <= 0) return '';
  if (stringWidth(text) <= width) return text;
  return sliceAnsi(text, 0, width - 1) + '…';
}

/** Left and right text on one line of `width` columns; the left side gives way. */
export function spread(left: string, right: string, width: number): string {
  const rightWidth = stringWidth(right);
  const room = width - rightWidth - 1;
  if (room < 1) return truncateToWidth(right, width);
  const l = truncateToWidth(left, room);
  return l + ' '.repeat(Math.max(1, width - stringWidth(l) - rightWidth)) + right;
}
