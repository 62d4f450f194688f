import React from 'react';
import { Box, Text } from 'ink';
import type { AppState } from '../state/appReducer.js';
import { readerGeometry } from '../geometry.js';
import { percentRead } from '../state/readerScroll.js';
import { sanitizeLine } from '../../content/sanitize.js';
import { postMeta } from '../../content/postMeta.js';
import { footerHints } from '../hints.js';
import { spread, truncateToWidth } from '../textFit.js';

const HINTS = footerHints('reader', [
  [['up', 'down'], 'line'],
  [['pageDown', 'pageUp'], 'page'],
  [['back'], 'back'],
  [['help'], 'help'],
]);

export function ReaderView({ state, lines }: { state: AppState; lines: readonly string[] }) {
  const reader = state.reader!;
  const post = state.posts[reader.index]!;
  const { cols } = state.size;
  const g = readerGeometry(state.size, sanitizeLine(post.title));
  const visible = lines.slice(reader.top, reader.top + g.viewHeight);
  const percent = percentRead(reader.top, reader.layout.lineCount, g.viewHeight);
  const pad = ' '.repeat(g.margin);
  return (
    <Box flexDirection="column">
      {g.titleLines.map((line, i) => (
        <Text key={`t${i}`} bold wrap="truncate-end">{pad}{line}</Text>
      ))}
      <Text dimColor wrap="truncate-end">{pad}{truncateToWidth(postMeta(post), g.textWidth)}</Text>
      <Text dimColor wrap="truncate-end">{pad}{'─'.repeat(g.textWidth)}</Text>
      <Box flexDirection="column" height={g.viewHeight}>
        {visible.map((line, i) => (
          <Text key={reader.top + i} wrap="truncate-end">{pad}{line === '' ? ' ' : line}</Text>
        ))}
      </Box>
      <Text dimColor wrap="truncate-end">{spread(` ${HINTS}`, `${percent}% `, cols)}</Text>
    </Box>
  );
}
