import { describe, expect, it } from 'vitest';
import { moveList, settleList } from '../../src/tui/state/listNavigation.js';

describe('list navigation', () => {
  it('moves the selection down and up by one, stopping at the ends', () => {
    expect(moveList({ selected: 0, top: 0 }, 'down', 3, 10)).toEqual({ selected: 1, top: 0 });
    expect(moveList({ selected: 2, top: 0 }, 'down', 3, 10)).toEqual({ selected: 2, top: 0 });
    expect(moveList({ selected: 0, top: 0 }, 'up', 3, 10)).toEqual({ selected: 0, top: 0 });
  });

  it('scrolls to keep the selection on screen', () => {
    expect(moveList({ selected: 4, top: 0 }, 'down', 100, 5)).toEqual({ selected: 5, top: 1 });
    expect(moveList({ selected: 10, top: 10 }, 'up', 100, 5)).toEqual({ selected: 9, top: 9 });
  });

  it('pages down and up a whole screen at a time', () => {
    expect(moveList({ selected: 1, top: 0 }, 'pageDown', 100, 5)).toEqual({ selected: 6, top: 5 });
    expect(moveList({ selected: 6, top: 5 }, 'pageUp', 100, 5)).toEqual({ selected: 1, top: 0 });
  });

  it('stops the last page at the last entry', () => {
    expect(moveList({ selected: 95, top: 95 }, 'pageDown', 100, 5)).toEqual({ selected: 99, top: 95 });
    expect(moveList({ selected: 0, top: 0 }, 'bottom', 100, 5)).toEqual({ selected: 99, top: 95 });
    expect(moveList({ selected: 50, top: 48 }, 'top', 100, 5)).toEqual({ selected: 0, top: 0 });
  });

  it('does nothing on an empty list', () => {
    for (const move of ['down', 'up', 'pageDown', 'pageUp', 'top', 'bottom'] as const) {
      expect(moveList({ selected: 0, top: 0 }, move, 0, 5)).toEqual({ selected: 0, top: 0 });
    }
  });

  it('handles a single post', () => {
    expect(moveList({ selected: 0, top: 0 }, 'bottom', 1, 5)).toEqual({ selected: 0, top: 0 });
    expect(moveList({ selected: 0, top: 0 }, 'pageDown', 1, 5)).toEqual({ selected: 0, top: 0 });
  });

  it('keeps the selection visible when the page gets smaller', () => {
    expect(settleList({ selected: 9, top: 5 }, 100, 2)).toEqual({ selected: 9, top: 8 });
    expect(settleList({ selected: 99, top: 90 }, 100, 20)).toEqual({ selected: 99, top: 80 });
  });
});
