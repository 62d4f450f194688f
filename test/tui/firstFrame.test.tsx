import { describe, expect, it } from 'vitest';
import { render, cleanup } from 'ink-testing-library';
import { afterEach } from 'vitest';
import fc from 'fast-check';
import { Box, Text } from 'ink';
import { ListView } from '../../src/tui/components/ListView.js';
import { UiContext } from '../../src/tui/components/uiContext.js';
import { initialState, reduce, type AppState } from '../../src/tui/state/appReducer.js';
import { listLines } from '../../src/tui/listLines.js';
import { frameLine, frameText } from '../../src/tui/frameText.js';
import { KEYMAP, withBindings } from '../../src/tui/keymap.js';
import { PLAIN_ROLES, type Roles } from '../../src/render/style.js';
import { rolesFor } from '../../src/render/painters.js';
import { makePosts } from '../support/fixtures.js';

afterEach(() => cleanup());

const COLS = 100; // ink-testing-library's stdout is 100 columns wide

/** What Ink writes for the list (the frame it draws), and the first paint's frame of the same state. */
function bothFrames(state: AppState, roles: Roles, keymap = KEYMAP, name = 'Test blog') {
  const { lastFrame } = render(
    <UiContext.Provider value={{ keymap, roles }}>
      <ListView state={state} blogName={name} />
    </UiContext.Provider>,
  );
  return { ink: lastFrame(), early: frameText(listLines(state, name, keymap, roles)) };
}

/** Ink's own rendering of one line in a <Text>, for comparing single lines. */
function inkLine(line: string): string | undefined {
  const { lastFrame } = render(
    <Box width={COLS}>
      <Text wrap="truncate-end">{line}</Text>
    </Box>,
  );
  return lastFrame();
}

describe('the list painted before Ink is loaded', () => {
  const posts = makePosts(30);

  it('is the frame Ink draws, in every style and colour depth', () => {
    for (const roles of [PLAIN_ROLES, rolesFor(1, 'dark'), rolesFor(2, 'dark'), rolesFor(3, 'light'), rolesFor(2, 'plain')]) {
      const state = initialState(posts, { cols: COLS, rows: 30 });
      const { ink, early } = bothFrames(state, roles);
      expect(early).toBe(ink);
    }
  });

  it('is the frame Ink draws after moves, with read marks, a bookmark, a message and a short terminal', () => {
    const roles = rolesFor(2, 'dark');
    const progress = { '/post-2/': { read: true, percent: 100 }, '/post-3/': { percent: 42 }, '/post-4/': { bookmarked: true } } as unknown as AppState['progress'];
    let state = initialState(posts, { cols: COLS, rows: 12 }, progress, { message: 'The config file has 2 mistakes: blog-tui config lists them' });
    expect(bothFrames(state, roles).early).toBe(bothFrames(state, roles).ink);
    for (const action of ['down', 'down', 'pageDown', 'bottom'] as const) {
      state = reduce(state, { type: 'key', action, key: action });
      const { ink, early } = bothFrames(state, roles);
      expect(early).toBe(ink);
    }
  });

  it('is the frame Ink draws with key bindings from the config file, an empty list and wide titles', () => {
    const roles = rolesFor(3, 'dark');
    const keymap = withBindings([{ scope: 'list', action: 'quit', keys: ['x'] }]);
    const wide = makePosts(3).map((p, i) => ({ ...p, title: ['日本語のタイトル '.repeat(12), 'Emoji 🎉👩‍💻 title', 'Ünïcödé e\u0301 title'][i]! }));
    for (const state of [initialState(wide, { cols: COLS, rows: 24 }), initialState([], { cols: COLS, rows: 24 })]) {
      const { ink, early } = bothFrames(state, roles, keymap, 'Blog with a name longer than the header has room for '.repeat(3));
      expect(early).toBe(ink);
    }
  });

  it('writes any line of styled text as Ink writes it', () => {
    const sgr = fc.constantFrom('\u001b[1m', '\u001b[2m', '\u001b[22m', '\u001b[31m', '\u001b[39m', '\u001b[0m', '\u001b[7m', '\u001b[27m', '\u001b[38;5;208m', '\u001b[48;2;1;2;3m', '\u001b[1;4;38;5;12m', '\u001b[m', '\u001b[49m', '\u001b]8;;https://example.com/\u0007', '\u001b]8;;\u0007');
    const text = fc.constantFrom('a', 'word ', ' ', '  ', '日本', 'é', '\u0301', '·', '…', '▌', '─');
    fc.assert(
      fc.property(fc.array(fc.oneof(sgr, text), { maxLength: 14 }), (parts) => {
        const line = parts.join('');
        expect(frameLine(line)).toBe(inkLine(line));
        cleanup();
      }),
      { numRuns: 150 },
    );
  });
});
