import { Box, Text } from 'ink';
import type { AppState } from '../state/appReducer.js';
import { listLines } from '../listLines.js';
import { useUi } from './uiContext.js';

/**
 * The post list: the lines of listLines, one <Text> a row (a blank row is a space, which Ink trims).
 * `note`: when a feed's copy was fetched and whether it is being fetched again (src/tui/feedNote.ts).
 */
export function ListView({ state, blogName, note }: { state: AppState; blogName: string; note?: string | undefined }) {
  const { keymap, roles } = useUi();
  return (
    <Box flexDirection="column">
      {listLines(state, blogName, keymap, roles, undefined, note).map((line, i) => (
        <Text key={i} wrap="truncate-end">
          {line || ' '}
        </Text>
      ))}
    </Box>
  );
}
