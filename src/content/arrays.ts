/**
 * Array helpers for lists whose length comes from a post. Spreading an array into a call
 * (`push(...items)`, `Math.max(...items)`) passes each item as an argument, and overflows the
 * stack at about 125,000 of them.
 */

/** Appends every item to `into`, in order. */
export function pushAll<T>(into: T[], items: readonly T[]): T[] {
  for (let i = 0; i < items.length; i++) into.push(items[i]!);
  return into;
}

/** The largest of `measure` over the items, or `empty` when there are none. */
export function maxOf<T>(items: readonly T[], measure: (item: T) => number, empty = -Infinity): number {
  let max = empty;
  for (let i = 0; i < items.length; i++) {
    const value = measure(items[i]!);
    if (value > max) max = value;
  }
  return max;
}
