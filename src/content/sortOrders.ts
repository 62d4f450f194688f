/** The orders the post list can be shown in; the first is the index's own order. */
export type SortOrder = 'newest' | 'oldest' | 'shortest' | 'longest' | 'title';
export const SORT_ORDERS: readonly SortOrder[] = ['newest', 'oldest', 'shortest', 'longest', 'title'];
