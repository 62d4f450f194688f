import { Box, Text } from 'ink';
import type { AppState } from '../state/appReducer.js';
import { listLines } from '../listLines.js';
import { useUi } from './uiContext.js';

/** The post list: the lines of listLines, one <Text> a row (a blank row is a space, which Ink trims). */
export function ListView({ state, blogName }: { state: AppState; blogName: string }) {
  const { keymap, roles } = useUi();
  return (
    <Box flexDirection="column">
      {listLines(state, blogName, keymap, roles).map((line, i) => (
        <Text key={i} wrap="truncate-end">
          {line || ' '}
        </Text>
      ))}
    </Box>
  );
}
