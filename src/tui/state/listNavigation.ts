/** Selection and scroll of a list whose entries all have the same height. */
export interface ListPosition {
  selected: number;
  /** Index of the first entry on screen. */
  top: number;
}

export type ListMove = 'down' | 'up' | 'pageDown' | 'pageUp' | 'top' | 'bottom';

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}

/** Keeps the position in range and the selection on screen. */
export function settleList(position: ListPosition, count: number, perPage: number): ListPosition {
  if (count === 0) return { selected: 0, top: 0 };
  const page = Math.max(1, perPage);
  const selected = clamp(position.selected, 0, count - 1);
  let top = clamp(position.top, 0, Math.max(0, count - page));
  if (selected < top) top = selected;
  if (selected >= top + page) top = selected - page + 1;
  return { selected, top };
}

export function moveList(position: ListPosition, move: ListMove, count: number, perPage: number): ListPosition {
  const page = Math.max(1, perPage);
  const { selected, top } = position;
  switch (move) {
    case 'down':
      return settleList({ selected: selected + 1, top }, count, page);
    case 'up':
      return settleList({ selected: selected - 1, top }, count, page);
    case 'pageDown':
      return settleList({ selected: selected + page, top: top + page }, count, page);
    case 'pageUp':
      return settleList({ selected: selected - page, top: top - page }, count, page);
    case 'top':
      return settleList({ selected: 0, top: 0 }, count, page);
    case 'bottom':
      return settleList({ selected: count - 1, top: count }, count, page);
  }
}
