import { Box, Text } from 'ink';
import { listView, progressOf, type AppState } from '../state/appReducer.js';
import { displayTitles, SORT_LABELS } from '../state/listView.js';
import { listGeometry } from '../geometry.js';
import { sanitizeLine } from '../../content/sanitize.js';
import { postMeta } from '../../content/postMeta.js';
import { footerHints } from '../hints.js';
import { spread, truncateToWidth } from '../textFit.js';
import type { PostProgress } from '../state/progress.js';

import { useUi } from './uiContext.js';
import type { Roles } from '../../render/style.js';

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

function headerRight(state: AppState, shown: number): string {
  const total = state.posts.length;
  const noun = total === 1 ? 'post' : 'posts';
  const count = shown === total ? `${total} ${noun}` : `${shown} of ${total} ${noun}`;
  const parts = [count, SORT_LABELS[state.sort]];
  if (state.tag !== null) parts.push(`#${sanitizeLine(state.tag)}`);
  if (state.bookmarksOnly) parts.push('bookmarked');
  if (state.filter.text && !state.filter.editing) parts.push(`/${sanitizeLine(state.filter.text)}`);
  return parts.join(' · ') + ' ';
}

export function ListView({ state, blogName }: { state: AppState; blogName: string }) {
  const { keymap, roles } = useUi();
  const HINTS = footerHints('list', HINT_ITEMS, keymap);
  const INPUT_HINTS = footerHints('input', INPUT_HINT_ITEMS, keymap);
  const { cols } = state.size;
  const geometry = listGeometry(state.size);
  const entries = listView(state);
  const { list } = state;
  const visible = entries.slice(list.top, list.top + geometry.perPage);
  const titles = displayTitles(state.posts);
  const markWidth = 5;
  const textWidth = Math.max(1, cols - 2 - markWidth);
  let footer = spread(` ${HINTS}`, entries.length ? `${list.selected + 1}/${entries.length} ` : '', cols);
  if (state.filter.editing) {
    // The old filter is shown selected (reverse video): typing replaces it.
    const text = sanitizeLine(state.filter.text);
    const ranking = state.filter.applied !== undefined ? 'filtering…  ' : '';
    footer = spread(` /${state.filter.selected ? `\u001b[7m${text}\u001b[27m` : text}▏`, `${ranking}${INPUT_HINTS} `, cols);
  }
  else if (state.message) footer = ` ${state.message}`;
  return (
    <Box flexDirection="column" height={geometry.bodyRows + 3}>
      <Text wrap="truncate-end">{roles.title(spread(` ${sanitizeLine(blogName)}`, headerRight(state, entries.length), cols))}</Text>
      <Text wrap="truncate-end">{roles.border('─'.repeat(cols))}</Text>
      <Box flexDirection="column" height={geometry.bodyRows}>
        {entries.length === 0 ? <Text>{roles.status(` ${state.posts.length === 0 ? 'No posts.' : 'No post matches.'}`)}</Text> : null}
        {visible.map((entry, i) => {
          const post = state.posts[entry.index]!;
          const selected = list.top + i === list.selected;
          const bar = roles.selectionBar(selected ? '▌' : ' ');
          const title = truncateToWidth(titles[entry.index]!, textWidth);
          const second = entry.snippet !== undefined ? `“${sanitizeLine(entry.snippet)}”` : sanitizeLine(post.summary);
          return (
            <Box key={post.url} flexDirection="column" height={geometry.entryHeight} flexShrink={0}>
              <Text wrap="truncate-end">
                {bar} {roles.progressMark(progressMark(progressOf(state, post.url)))}
                {titleText(title, entry.titleMatches?.filter((m) => m < title.length - 1 || title.length === titles[entry.index]!.length), selected, roles)}
              </Text>
              <Text wrap="truncate-end">
                {bar} {' '.repeat(markWidth)}{roles.dim(truncateToWidth(postMeta(post), textWidth))}
              </Text>
              {geometry.showSummary || entry.snippet !== undefined ? (
                <Text wrap="truncate-end">
                  {bar} {' '.repeat(markWidth)}
                  {entry.snippet !== undefined ? roles.snippet(truncateToWidth(second, textWidth)) : truncateToWidth(second, textWidth)}
                </Text>
              ) : null}
            </Box>
          );
        })}
      </Box>
      <Text wrap="truncate-end">{state.filter.editing ? footer : roles.status(footer)}</Text>
    </Box>
  );
}
