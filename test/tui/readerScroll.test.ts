import { describe, expect, it } from 'vitest';
import { maxTop, percentRead, scroll } from '../../src/tui/state/readerScroll.js';
import { positionOf, topOf } from '../../src/tui/state/progress.js';

describe('reader scrolling', () => {
  it('moves by a line, a page and half a page', () => {
    expect(scroll(0, 'down', 100, 20)).toBe(1);
    expect(scroll(10, 'up', 100, 20)).toBe(9);
    expect(scroll(0, 'pageDown', 100, 20)).toBe(20);
    expect(scroll(40, 'pageUp', 100, 20)).toBe(20);
    expect(scroll(0, 'halfPageDown', 100, 20)).toBe(10);
    expect(scroll(30, 'halfPageUp', 100, 20)).toBe(20);
  });

  it('never scrolls past the last screen or above the first line', () => {
    expect(maxTop(100, 20)).toBe(80);
    expect(scroll(75, 'pageDown', 100, 20)).toBe(80);
    expect(scroll(80, 'down', 100, 20)).toBe(80);
    expect(scroll(5, 'pageUp', 100, 20)).toBe(0);
    expect(scroll(0, 'bottom', 100, 20)).toBe(80);
    expect(scroll(50, 'top', 100, 20)).toBe(0);
  });

  it('does not scroll a post shorter than the screen', () => {
    expect(scroll(0, 'pageDown', 10, 20)).toBe(0);
    expect(scroll(0, 'bottom', 10, 20)).toBe(0);
  });

  it('reports how far the bottom of the screen is through the text', () => {
    expect(percentRead(0, 100, 20)).toBe(20);
    expect(percentRead(80, 100, 20)).toBe(100);
    expect(percentRead(0, 10, 20)).toBe(100);
    expect(percentRead(0, 0, 20)).toBe(100);
  });

  it('keeps the same block at the top when the text is laid out again', () => {
    // Blocks of 10 lines at the old width become blocks of 20 lines at the new one.
    const oldStarts = [0, 10, 20, 30];
    const newStarts = [0, 20, 40, 60];
    const anchored = (top: number) => topOf(positionOf(top, oldStarts, 40), newStarts, 80);
    expect(positionOf(25, oldStarts, 40)).toEqual({ block: 2, fraction: 0.5 });
    expect(anchored(20)).toBe(40);
    expect(anchored(25)).toBe(50);
    expect(anchored(0)).toBe(0);
  });
});
