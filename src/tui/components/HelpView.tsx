import { useMemo } from 'react';
import { Box, Text } from 'ink';
import type { AppState } from '../state/appReducer.js';
import { helpLines } from '../keymap.js';
import { helpViewHeight } from '../geometry.js';
import { footerHints } from '../hints.js';
import { spread } from '../textFit.js';

import { useUi } from './uiContext.js';

export function HelpView({ state }: { state: AppState }) {
  const { keymap, roles } = useUi();
  const LINES = useMemo(() => helpLines(keymap), [keymap]);
  const HINTS = useMemo(() => footerHints('help', [[['up', 'down'], 'scroll'], [['back'], 'close']], keymap), [keymap]);
  const { cols } = state.size;
  const height = helpViewHeight(state.size);
  const visible = LINES.slice(state.helpTop, state.helpTop + height);
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end">{roles.title(' Keys')}</Text>
      <Text wrap="truncate-end">{roles.border('─'.repeat(cols))}</Text>
      <Box flexDirection="column" height={height}>
        {visible.map((line, i) => (
          <Text key={state.helpTop + i} wrap="truncate-end">
            {' '}{line === '' ? ' ' : !line.startsWith(' ') ? roles.title(line) : line}
          </Text>
        ))}
      </Box>
      <Text wrap="truncate-end">{roles.status(spread(` ${HINTS}`, '', cols))}</Text>
    </Box>
  );
}
