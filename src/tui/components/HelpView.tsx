import { useMemo } from 'react';
import { Box, Text } from 'ink';
import type { AppState } from '../state/appReducer.js';
import { helpLines } from '../keymap.js';
import { helpViewHeight } from '../geometry.js';
import { footerHints } from '../hints.js';
import { spread } from '../textFit.js';

import { useUi } from './uiContext.js';

export function HelpView({ state }: { state: AppState }) {
  const { keymap } = useUi();
  const LINES = useMemo(() => helpLines(keymap), [keymap]);
  const HINTS = useMemo(() => footerHints('help', [[['up', 'down'], 'scroll'], [['back'], 'close']], keymap), [keymap]);
  const { cols } = state.size;
  const height = helpViewHeight(state.size);
  const visible = LINES.slice(state.helpTop, state.helpTop + height);
  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate-end"> Keys</Text>
      <Text dimColor wrap="truncate-end">{'─'.repeat(cols)}</Text>
      <Box flexDirection="column" height={height}>
        {visible.map((line, i) => (
          <Text key={state.helpTop + i} wrap="truncate-end" bold={!line.startsWith(' ') && line !== ''}>
            {' '}{line === '' ? ' ' : line}
          </Text>
        ))}
      </Box>
      <Text dimColor wrap="truncate-end">{spread(` ${HINTS}`, '', cols)}</Text>
    </Box>
  );
}
