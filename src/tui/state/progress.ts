/** Reading progress of a post, anchored to the text so that it survives another width. */
export interface ReadingPosition {
  /** The top-level block at the top of the screen. */
  block: number;
  /** How far into that block, 0..1. */
  fraction: number;
}

export interface PostProgress {
  read: boolean;
  percent: number;
  bookmarked: boolean;
  position?: ReadingPosition;
}

export const NO_PROGRESS: PostProgress = { read: false, percent: 0, bookmarked: false };

export function positionOf(top: number, blockStarts: readonly number[], lineCount: number): ReadingPosition {
  if (blockStarts.length === 0) return { block: 0, fraction: 0 };
  let block = 0;
  while (block + 1 < blockStarts.length && blockStarts[block + 1]! <= top) block++;
  const start = blockStarts[block]!;
  const end = blockStarts[block + 1] ?? lineCount;
  return { block, fraction: end > start ? Math.min(1, Math.max(0, (top - start) / (end - start))) : 0 };
}

export function topOf(position: ReadingPosition, blockStarts: readonly number[], lineCount: number): number {
  if (blockStarts.length === 0) return 0;
  const block = Math.min(Math.max(0, position.block), blockStarts.length - 1);
  const start = blockStarts[block]!;
  const end = blockStarts[block + 1] ?? lineCount;
  return start + Math.floor(position.fraction * (end - start));
}
