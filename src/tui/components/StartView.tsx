import { useEffect, useRef, useState } from 'react';
import { Box, Text, useInput, useStdout } from 'ink';
import { sanitizeLine } from '../../content/sanitize.js';
import { bindingFor, keyNames, KEYMAP, type Keymap } from '../keymap.js';
import { pickerGeometry, type Size } from '../geometry.js';
import { moveList, settleList, type ListMove, type ListPosition } from '../state/listNavigation.js';
import { footerHints } from '../hints.js';
import { spread, truncateToWidth } from '../textFit.js';
import { UiContext, useUi } from './uiContext.js';
import type { Roles } from '../../render/style.js';

/** One source on the start screen: a subscription, a folder, the bundled posts. */
export interface SourceRow {
  name: string;
  /** The address or folder. */
  where: string;
  /** Posts, and those never read; undefined while not known (a feed not fetched yet). */
  posts?: number;
  unread?: number;
  /** "fetched 2 h ago", "fetching…", or why it could not be fetched. */
  note?: string;
}

export interface StartViewProps {
  rows: readonly SourceRow[];
  initialSelected?: number;
  onChoose(index: number): void;
  onQuit(kind: 'quit' | 'interrupt'): void;
  message?: string;
}

function useSize(): Size {
  const { stdout } = useStdout();
  const read = () => ({ cols: stdout.columns || 80, rows: stdout.rows || 24 });
  const [size, setSize] = useState(read);
  useEffect(() => {
    const onResize = () => setSize(read());
    // A resize between the first frame and this subscription is not missed.
    onResize();
    stdout.on('resize', onResize);
    return () => void stdout.off('resize', onResize);
  }, [stdout]);
  return size;
}

const MOVES: readonly ListMove[] = ['down', 'up', 'pageDown', 'pageUp', 'top', 'bottom'];

const HINT_ITEMS: Parameters<typeof footerHints>[1] = [[['up', 'down'], 'move'], [['choose'], 'open'], [['back'], 'quit']];

function rowText(row: SourceRow): string {
  const counts = row.posts === undefined ? 'not fetched yet' : `${row.unread ?? 0} unread of ${row.posts}`;
  return sanitizeLine(`${row.name}  ·  ${counts}${row.note ? `  ·  ${row.note}` : ''}`);
}

/**
 * The start screen when there is more than one source: each blog subscribed to (and the posts
 * folder or bundled posts) with its unread count; Enter opens one, q quits. Its keys are the
 * pickers' (the `picker` screen of the keymap).
 */
export function StartView({ rows, initialSelected = 0, onChoose, onQuit, message }: StartViewProps) {
  const { keymap, roles } = useUi();
  const size = useSize();
  const { bodyRows, perPage } = pickerGeometry({ cols: size.cols, rows: size.rows });
  // Two lines a source: the name with its counts, then its address.
  const perScreen = Math.max(1, Math.floor(perPage / 2));
  const [position, setPosition] = useState<ListPosition>(() => settleList({ selected: initialSelected, top: 0 }, rows.length, perScreen));
  // Keys can arrive faster than frames: each one acts on the position the last one left.
  const current = useRef(position);
  useInput((input, key) => {
    for (const name of keyNames(input, key)) {
      const action = bindingFor('picker', name, keymap)?.action;
      if (action === 'interrupt') onQuit('interrupt');
      else if (action === 'back') onQuit('quit');
      else if (action === 'choose') onChoose(current.current.selected);
      else if (action && (MOVES as readonly string[]).includes(action)) {
        current.current = moveList(current.current, action as ListMove, rows.length, perScreen);
        setPosition(current.current);
      }
    }
  });
  const { cols } = size;
  const unread = rows.reduce((n, r) => n + (r.unread ?? 0), 0);
  const footer = message ? ` ${sanitizeLine(message)}` : spread(` ${footerHints('picker', HINT_ITEMS, keymap)}`, `${position.selected + 1}/${rows.length} `, cols);
  const visible = rows.slice(position.top, position.top + perScreen);
  return (
    <Box flexDirection="column" height={bodyRows + 3}>
      <Text wrap="truncate-end">{roles.title(spread(' blog-tui · blogs', `${unread} unread `, cols))}</Text>
      <Text wrap="truncate-end">{roles.border('─'.repeat(cols))}</Text>
      <Box flexDirection="column" height={bodyRows}>
        {visible.map((row, i) => {
          const selected = position.top + i === position.selected;
          const bar = roles.selectionBar(selected ? '▌' : ' ');
          const text = truncateToWidth(rowText(row), cols - 2);
          return (
            <Box key={position.top + i} flexDirection="column">
              <Text wrap="truncate-end">{bar} {selected ? roles.selection(text) : text}</Text>
              <Text wrap="truncate-end">{bar} {roles.dim(truncateToWidth(sanitizeLine(row.where), cols - 2))}</Text>
            </Box>
          );
        })}
      </Box>
      <Text wrap="truncate-end">{roles.status(footer)}</Text>
    </Box>
  );
}

/** The start screen with the look and keys of the app. */
export function StartScreen(props: StartViewProps & { keymap?: Keymap; roles: Roles }) {
  const { keymap = KEYMAP, roles, ...rest } = props;
  return (
    <UiContext.Provider value={{ keymap, roles }}>
      <StartView {...rest} />
    </UiContext.Provider>
  );
}
