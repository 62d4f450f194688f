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
