import { Box, Text } from 'ink';
import stringWidth from 'string-width';
import sliceAnsi from 'slice-ansi';
import type { AppState } from '../state/appReducer.js';
import { readerGeometry } from '../geometry.js';
import { percentRead } from '../state/readerScroll.js';
import { sanitizeLine } from '../../content/sanitize.js';
import { postHeader } from '../../content/postMeta.js';
import type { LineMatch } from '../../content/textSearch.js';
import { footerHints } from '../hints.js';
import { spread, truncateToWidth } from '../textFit.js';
import type { Roles } from '../../render/style.js';

import { useUi } from './uiContext.js';
import { plainLine } from '../lineSearch.js';

const HINT_ITEMS: Parameters<typeof footerHints>[1] = [
  [['up', 'down'], 'line'],
  [['pageDown', 'pageUp'], 'page'],
  [['search'], 'search'],
  [['toc'], 'contents'],
  [['back'], 'back'],
  [['help'], 'help'],
];
/** `blog-tui read <slug>`: leaving the reader quits, and the footer says so. */
const STANDALONE_HINT_ITEMS: Parameters<typeof footerHints>[1] = [
  [['up', 'down'], 'line'],
  [['pageDown', 'pageUp'], 'page'],
  [['search'], 'search'],
  [['toc'], 'contents'],
  [['back'], 'quit'],
  [['help'], 'help'],
];
const INPUT_HINT_ITEMS: Parameters<typeof footerHints>[1] = [[['commit'], 'keep'], [['cancel'], 'clear']];

/** Marks the matches on one rendered line: reverse video, the current match in yellow. */
function highlight(line: string, plain: string, matches: readonly LineMatch[], current: LineMatch | undefined, roles: Roles): string {
  let out = line;
  // From the right, so earlier columns stay valid.
  for (const m of [...matches].sort((a, b) => b.start - a.start)) {
    const from = stringWidth(plain.slice(0, m.start));
    const to = from + stringWidth(plain.slice(m.start, m.end));
    const paint = m === current ? roles.matchCurrent : roles.match;
    out = sliceAnsi(out, 0, from) + paint(plain.slice(m.start, m.end)) + sliceAnsi(out, to);
  }
  return out;
}

/** The first match at or below `line`, by halving: the matches are in reading order. */
function firstMatchFrom(matches: readonly LineMatch[], line: number): number {
  let low = 0;
  let high = matches.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (matches[mid]!.line < line) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** `note`: when a feed's copy was fetched, for a copy not confirmed by this run (src/tui/feedNote.ts). */
export function ReaderView({ state, lines, note }: { state: AppState; lines: readonly string[]; note?: string | undefined }) {
  const { keymap, roles } = useUi();
  const HINTS = footerHints('reader', HINT_ITEMS, keymap);
  const INPUT_HINTS = footerHints('input', INPUT_HINT_ITEMS, keymap);
  const STANDALONE_HINTS = footerHints('reader', STANDALONE_HINT_ITEMS, keymap);
  const reader = state.reader!;
  const post = state.posts[reader.index]!;
  const { cols } = state.size;
  const g = readerGeometry(state.size, sanitizeLine(post.title), state.maxTextWidth);
  const percent = percentRead(reader.top, reader.layout.lineCount, g.viewHeight);
  const pad = ' '.repeat(g.margin);
  const search = reader.search;
  const current = search && search.current >= 0 ? search.matches[search.current] : undefined;
  const byLine = new Map<number, LineMatch[]>();
  if (search) {
    const { matches } = search;
    for (let i = firstMatchFrom(matches, reader.top); i < matches.length && matches[i]!.line < reader.top + g.viewHeight; i++) {
      const m = matches[i]!;
      byLine.set(m.line, [...(byLine.get(m.line) ?? []), m]);
    }
  }
  const visible = lines.slice(reader.top, reader.top + g.viewHeight).map((line, i) => {
    const matches = byLine.get(reader.top + i);
    return matches ? highlight(line, plainLine(lines, reader.top + i), matches, current, roles) : line;
  });

  let left = ` ${state.standalone ? STANDALONE_HINTS : HINTS}`;
  let right = `${percent}% `;
  if (search?.editing) {
    left = ` /${sanitizeLine(search.query)}▏`;
    const found = search.pending ? 'searching…' : search.matches.length ? `${search.matches.length} ${search.matches.length === 1 ? 'match' : 'matches'}` : search.query ? 'no match' : '';
    right = `${found}  ${INPUT_HINTS} `;
  } else if (search) {
    const where = search.pending ? `searching for "${sanitizeLine(search.query)}"…` : search.matches.length ? `match ${search.current + 1} of ${search.matches.length}` : `no match for "${sanitizeLine(search.query)}"`;
    right = `${where} · ${percent}% `;
    left = ' n/N next/previous · Esc clear';
  }
  if (state.message) left = ` ${sanitizeLine(state.message)}`;
  return (
    <Box flexDirection="column">
      {g.titleLines.map((line, i) => (
        <Text key={`t${i}`} wrap="truncate-end">{pad}{roles.title(line)}</Text>
      ))}
      <Text wrap="truncate-end">{pad}{roles.dim(truncateToWidth(sanitizeLine(postHeader(post, note)), g.textWidth))}</Text>
      <Text wrap="truncate-end">{pad}{roles.border('─'.repeat(g.textWidth))}</Text>
      <Box flexDirection="column" height={g.viewHeight}>
        {/* Keyed by row on screen: a move changes the text of the same nodes, where keys by line
            number made a page down unmount every row and mount new ones (fibers and layout nodes). */}
        {visible.map((line, i) => (
          <Text key={i} wrap="truncate-end">{pad}{line === '' ? ' ' : line}</Text>
        ))}
      </Box>
      <Text wrap="truncate-end">{search?.editing ? spread(left, right, cols) : roles.status(spread(left, right, cols))}</Text>
    </Box>
  );
}
