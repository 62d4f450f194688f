// The post list's screen as lines of styled text, one a terminal row: drawn by the app's
// ListView (one Ink <Text> a line) and, before the full-screen framework has loaded, by the
// first paint (firstPaint.ts). One function for both keeps the two frames the same.
import { listView, progressOf, type AppState } from './state/appReducer.js';
import { displayTitles, SORT_LABELS } from './state/listView.js';
import { drawableRows, listGeometry } from './geometry.js';
import { sanitizeLine } from '../content/sanitize.js';
import { postMeta } from '../content/postMeta.js';
import { footerHints } from './hints.js';
import { spread, truncateToWidth } from './textFit.js';
import type { PostProgress } from './state/progress.js';
import type { Keymap } from './keymap.js';
import type { Roles } from '../render/style.js';

const HINT_ITEMS: Parameters<typeof footerHints>[1] = [
  [['up', 'down'], 'move'],
  [['open'], 'open'],
  [['filter'], 'filter'],
  [['sort'], 'sort'],
  [['tags'], 'tags'],
  [['help'], 'help'],
  [['quit'], 'quit'],
];
const INPUT_HINT_ITEMS: Parameters<typeof footerHints>[1] = [[['commit'], 'keep'], [['cancel'], 'clear']];

/** ● unread, 42% partly read, ✓ read; ★ bookmarked. Always 5 columns wide. */
function progressMark(p: PostProgress): string {
  const state = p.read ? '  ✓' : p.percent > 0 ? `${String(Math.min(99, p.percent)).padStart(2)}%` : '  ●';
  return `${state}${p.bookmarked ? '★' : ' '} `;
}

/** The title, the characters the filter matched marked, the selected one in the selection role. */
function titleText(text: string, matches: number[] | undefined, selected: boolean, roles: Roles): string {
  let shown = text;
  if (matches && matches.length > 0) {
    const marked = new Set(matches);
    const parts: Array<{ text: string; hit: boolean }> = [];
    for (let i = 0; i < text.length; i++) {
      const hit = marked.has(i);
      const last = parts[parts.length - 1];
      if (last && last.hit === hit) last.text += text[i];
      else parts.push({ text: text[i]!, hit });
    }
    shown = parts.map((p) => (p.hit ? roles.filterMatch(p.text) : p.text)).join('');
  }
  const title = roles.title(shown);
  return selected ? roles.selection(title) : title;
}

function headerRight(state: AppState, shown: number, total: number): string {
  const noun = total === 1 ? 'post' : 'posts';
  const count = shown === total ? `${total} ${noun}` : `${shown} of ${total} ${noun}`;
  const parts = [count, SORT_LABELS[state.sort]];
  if (state.tag !== null) parts.push(`#${sanitizeLine(state.tag)}`);
  if (state.bookmarksOnly) parts.push('bookmarked');
  if (state.filter.text && !state.filter.editing) parts.push(`/${sanitizeLine(state.filter.text)}`);
  return parts.join(' · ') + ' ';
}

/**
 * The list screen: header, rule, the visible entries (title, date and reading time, summary or
 * the body match, a blank line), blank rows to the footer, and the footer. Every line fits the
 * width; an empty string is a blank row. As many lines as the app may draw (drawableRows).
 * `count`: the list has this many posts, of which the state holds the first ones (the first
 * screen drawn from a cache's head; no filter, tag or other order). `note` follows the blog's
 * name: how old a feed's copy is (src/tui/feedNote.ts).
 */
export function listLines(state: AppState, blogName: string, keymap: Keymap, roles: Roles, count?: number, note?: string): string[] {
  const { cols } = state.size;
  const geometry = listGeometry(state.size);
  const entries = listView(state);
  const shown = count ?? entries.length;
  const total = count ?? state.posts.length;
  const { list } = state;
  const visible = entries.slice(list.top, list.top + geometry.perPage);
  const titles = displayTitles(state.posts);
  const markWidth = 5;
  const textWidth = Math.max(1, cols - 2 - markWidth);
  let footer = spread(` ${footerHints('list', HINT_ITEMS, keymap)}`, shown ? `${list.selected + 1}/${shown} ` : '', cols);
  if (state.filter.editing) {
    // The old filter is shown selected (reverse video): typing replaces it.
    const text = sanitizeLine(state.filter.text);
    const ranking = state.filter.applied !== undefined ? 'filtering…  ' : '';
    footer = spread(` /${state.filter.selected ? `\u001b[7m${text}\u001b[27m` : text}▏`, `${ranking}${footerHints('input', INPUT_HINT_ITEMS, keymap)} `, cols);
  } else if (state.message) footer = truncateToWidth(` ${state.message}`, cols);

  const body: string[] = [];
  if (shown === 0) body.push(roles.status(` ${total === 0 ? 'No posts.' : 'No post matches.'}`));
  visible.forEach((entry, i) => {
    const post = state.posts[entry.index]!;
    const selected = list.top + i === list.selected;
    const bar = roles.selectionBar(selected ? '▌' : ' ');
    const title = truncateToWidth(titles[entry.index]!, textWidth);
    const matches = entry.titleMatches?.filter((m) => m < title.length - 1 || title.length === titles[entry.index]!.length);
    const lines = [
      `${bar} ${roles.progressMark(progressMark(progressOf(state, post.url)))}${titleText(title, matches, selected, roles)}`,
      `${bar} ${' '.repeat(markWidth)}${roles.dim(truncateToWidth(postMeta(post), textWidth))}`,
    ];
    if (entry.snippet !== undefined) lines.push(`${bar} ${' '.repeat(markWidth)}${roles.snippet(truncateToWidth(`“${sanitizeLine(entry.snippet)}”`, textWidth))}`);
    else if (geometry.showSummary) lines.push(`${bar} ${' '.repeat(markWidth)}${truncateToWidth(sanitizeLine(post.summary), textWidth)}`);
    while (lines.length < geometry.entryHeight) lines.push('');
    body.push(...lines);
  });
  const rows = Math.max(1, drawableRows(state.size) - 3);
  while (body.length < rows) body.push('');
  return [
    roles.title(spread(` ${sanitizeLine(blogName)}${note ? ` · ${note}` : ''}`, headerRight(state, shown, total), cols)),
    roles.border('─'.repeat(cols)),
    ...body.slice(0, rows),
    state.filter.editing ? footer : roles.status(footer),
  ];
}
