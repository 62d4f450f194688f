import { Box, Text } from 'ink';
import { pickerCount, tagEntries, type AppState } from '../state/appReducer.js';
import { pickerGeometry } from '../geometry.js';
import { sanitizeLine } from '../../content/sanitize.js';
import { footerHints } from '../hints.js';
import { spread, truncateToWidth } from '../textFit.js';

import { useUi } from './uiContext.js';

type HintItems = Parameters<typeof footerHints>[1];
const HINT_ITEMS: HintItems = [[['up', 'down'], 'move'], [['choose'], 'choose'], [['back'], 'close']];
const TAG_HINT_ITEMS: HintItems = [[['up', 'down'], 'move'], [['choose'], 'choose'], [['filter'], 'filter'], [['back'], 'close']];
const INPUT_HINT_ITEMS: HintItems = [[['commit'], 'keep'], [['cancel'], 'clear']];

/** One line per entry of the open picker: tags with counts, headings by level, numbered links. */
function entryLines(state: AppState): string[] {
  if (state.screen === 'tags') {
    return tagEntries(state).map((t) => `${t.tag === null ? 'All posts' : `#${sanitizeLine(t.tag)}`}  (${t.count})`);
  }
  const layout = state.reader!.layout;
  if (state.screen === 'toc') {
    const top = layout.headings.reduce((least, h) => Math.min(least, h.level), 6);
    return layout.headings.map((h) => `${'  '.repeat(h.level - top)}${sanitizeLine(h.text)}`);
  }
  const width = String(layout.links.length).length;
  // Jumps and notes stay in the post: an arrow says so, and their #anchor is not worth showing.
  return layout.links.map((l, i) =>
    l.kind === 'jump' || l.kind === 'note'
      ? `${String(i + 1).padStart(width)}. → ${sanitizeLine(l.text)}${l.line === undefined ? '  (not in this post)' : ''}`
      : `${String(i + 1).padStart(width)}. ${l.text === l.href ? '' : `${sanitizeLine(l.text)}  `}${sanitizeLine(l.href)}`,
  );
}

const TITLES = { tags: 'Tags', toc: 'Contents', links: 'Links' } as const;

export function PickerView({ state }: { state: AppState }) {
  const { keymap, roles } = useUi();
  const HINTS = footerHints('picker', HINT_ITEMS, keymap);
  const TAG_HINTS = footerHints('picker', TAG_HINT_ITEMS, keymap);
  const INPUT_HINTS = footerHints('input', INPUT_HINT_ITEMS, keymap);
  const { cols } = state.size;
  const { bodyRows } = pickerGeometry(state.size);
  const lines = entryLines(state);
  const { selected, top } = state.picker;
  const screen = state.screen as keyof typeof TITLES;
  const post = state.reader ? sanitizeLine(state.posts[state.reader.index]!.title) : '';
  const filter = screen === 'tags' ? state.tagFilter : null;
  const heading = screen === 'tags' ? ` Tags${filter?.text && !filter.editing ? ` · /${sanitizeLine(filter.text)}` : ''}` : ` ${TITLES[screen]} · ${post}`;
  let footer = spread(` ${screen === 'tags' ? TAG_HINTS : HINTS}`, lines.length ? `${selected + 1}/${lines.length} ` : '', cols);
  if (filter?.editing) footer = spread(` /${sanitizeLine(filter.text)}▏`, `${INPUT_HINTS} `, cols);
  else if (state.message) footer = ` ${sanitizeLine(state.message)}`;
  return (
    <Box flexDirection="column" height={bodyRows + 3}>
      <Text wrap="truncate-end">{roles.title(spread(heading, `${pickerCount(state)} `, cols))}</Text>
      <Text wrap="truncate-end">{roles.border('─'.repeat(cols))}</Text>
      <Box flexDirection="column" height={bodyRows}>
        {lines.length === 0 ? <Text>{roles.status(' No tag matches.')}</Text> : null}
        {lines.slice(top, top + bodyRows).map((line, i) => {
          const isSelected = top + i === selected;
          return (
            <Text key={top + i} wrap="truncate-end">
              {roles.selectionBar(isSelected ? '▌' : ' ')} {isSelected ? roles.selection(truncateToWidth(line, cols - 2)) : truncateToWidth(line, cols - 2)}
            </Text>
          );
        })}
      </Box>
      <Text wrap="truncate-end">{screen === 'tags' && state.tagFilter.editing ? footer : roles.status(footer)}</Text>
    </Box>
  );
}
