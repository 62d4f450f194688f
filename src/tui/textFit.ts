import { cutText, textWidth } from '../render/longText.js';

/** Cuts text to at most `width` display columns, ending with an ellipsis when cut. */
export function truncateToWidth(text: string, width: number): string {
  if (width <= 0) return '';
  return cutText(text, width);
}

/** Left and right text on one line of `width` columns; the left side gives way. */
export function spread(left: string, right: string, width: number): string {
  const rightWidth = textWidth(right);
  const room = width - rightWidth - 1;
  if (room < 1) return truncateToWidth(right, width);
  const l = truncateToWidth(left, room);
  return l + ' '.repeat(Math.max(1, width - textWidth(l) - rightWidth)) + right;
}
