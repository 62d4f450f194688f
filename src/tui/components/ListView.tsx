import React from 'react';
import { Box, Text } from 'ink';
import type { AppState } from '../state/appReducer.js';
import { listGeometry } from '../geometry.js';
import { sanitizeLine } from '../../content/sanitize.js';
import { postMeta } from '../../content/postMeta.js';
import { footerHints } from '../hints.js';
import { spread, truncateToWidth } from '../textFit.js';

const HINTS = footerHints('list', [
  [['up', 'down'], 'move'],
  [['open'], 'open'],
  [['help'], 'help'],
  [['quit'], 'quit'],
]);

export function ListView({ state, blogName }: { state: AppState; blogName: string }) {
  const { cols } = state.size;
  const geometry = listGeometry(state.size);
  const { posts, list } = state;
  const visible = posts.slice(list.top, list.top + geometry.perPage);
  const count = `${posts.length} ${posts.length === 1 ? 'post' : 'posts'}`;
  const textWidth = cols - 2;
  return (
    <Box flexDirection="column" height={geometry.bodyRows + 3}>
      <Text bold wrap="truncate-end">{spread(` ${sanitizeLine(blogName)}`, `${count} `, cols)}</Text>
      <Text dimColor wrap="truncate-end">{'─'.repeat(cols)}</Text>
      <Box flexDirection="column" height={geometry.bodyRows}>
        {posts.length === 0 ? <Text dimColor> No posts.</Text> : null}
        {visible.map((post, i) => {
          const index = list.top + i;
          const selected = index === list.selected;
          const mark = selected ? '▌' : ' ';
          return (
            <Box key={post.slug} flexDirection="column" height={geometry.entryHeight} flexShrink={0}>
              <Text wrap="truncate-end">
                <Text color="cyan">{mark}</Text> <Text bold inverse={selected}>{truncateToWidth(sanitizeLine(post.title), textWidth)}</Text>
              </Text>
              <Text wrap="truncate-end">
                <Text color="cyan">{mark}</Text> <Text dimColor>{truncateToWidth(postMeta(post), textWidth)}</Text>
              </Text>
              {geometry.showSummary ? (
                <Text wrap="truncate-end">
                  <Text color="cyan">{mark}</Text> {truncateToWidth(sanitizeLine(post.summary), textWidth)}
                </Text>
              ) : null}
            </Box>
          );
        })}
      </Box>
      <Text dimColor wrap="truncate-end">
        {spread(` ${HINTS}`, posts.length ? `${list.selected + 1}/${posts.length} ` : '', cols)}
      </Text>
    </Box>
  );
}
