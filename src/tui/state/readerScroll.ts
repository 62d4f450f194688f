/** Scrolling through a fixed number of rendered lines, less-style. */
export type ScrollMove = 'down' | 'up' | 'pageDown' | 'pageUp' | 'halfPageDown' | 'halfPageUp' | 'top' | 'bottom';

export function maxTop(lineCount: number, viewHeight: number): number {
  return Math.max(0, lineCount - Math.max(1, viewHeight));
}

export function clampTop(top: number, lineCount: number, viewHeight: number): number {
  return Math.min(Math.max(0, top), maxTop(lineCount, viewHeight));
}

export function scroll(top: number, move: ScrollMove, lineCount: number, viewHeight: number): number {
  const page = Math.max(1, viewHeight);
  const half = Math.max(1, Math.floor(page / 2));
  const delta: Record<ScrollMove, number> = {
    down: 1,
    up: -1,
    pageDown: page,
    pageUp: -page,
    halfPageDown: half,
    halfPageUp: -half,
    top: -Infinity,
    bottom: Infinity,
  };
  const next = top + delta[move];
  return clampTop(Number.isFinite(next) ? next : next > 0 ? lineCount : 0, lineCount, viewHeight);
}

/** How far through the text the bottom of the screen is, as less shows it. */
export function percentRead(top: number, lineCount: number, viewHeight: number): number {
  if (lineCount === 0) return 100;
  return Math.round((100 * Math.min(lineCount, top + viewHeight)) / lineCount);
}

/**
 * The top line after the text was laid out again (a new width): the block that was at the top
 * stays at the top, at the same fraction of its height.
 */
export function anchoredTop(top: number, oldStarts: readonly number[], oldCount: number, newStarts: readonly number[], newCount: number): number {
  if (oldStarts.length === 0 || newStarts.length === 0) return 0;
  let block = 0;
  while (block + 1 < oldStarts.length && oldStarts[block + 1]! <= top) block++;
  const oldStart = oldStarts[block]!;
  const oldEnd = oldStarts[block + 1] ?? oldCount;
  const newStart = newStarts[Math.min(block, newStarts.length - 1)]!;
  const newEnd = newStarts[block + 1] ?? newCount;
  const fraction = oldEnd > oldStart ? (top - oldStart) / (oldEnd - oldStart) : 0;
  return newStart + Math.floor(fraction * (newEnd - newStart));
}
