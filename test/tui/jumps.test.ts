import { describe, expect, it } from 'vitest';
import { initialState, reduce, type AppState, type PostLayout } from '../../src/tui/state/appReducer.js';
import { makePosts } from '../support/fixtures.js';
import type { KeyAction } from '../../src/tui/keymap.js';
import { renderMarkdown } from '../../src/render/markdownRenderer.js';

const size = { cols: 80, rows: 24 };
const key = (state: AppState, ...actions: KeyAction[]) => actions.reduce((s, action) => reduce(s, { type: 'key', action }), state);

/** A long post with a contents list, a footnote and a link to nowhere, rendered for real. */
function openedPost(): AppState {
  const filler = Array.from({ length: 60 }, (_, i) => `Paragraph ${i}.`).join('\n\n');
  const markdown = `- [Far](#far-away)\n- [Nowhere](#nowhere)\n\nClaim[^1].\n\n${filler}\n\n## Far away\n\n${filler}\n\n[^1]: The note.\n`;
  const rendered = renderMarkdown(markdown, { width: 76, color: false });
  const layout: PostLayout = { width: 76, lineCount: rendered.lines.length, blockStarts: rendered.blockStarts, headings: rendered.headings, links: rendered.links };
  return reduce(initialState(makePosts(1), size), { type: 'open', index: 0, layout });
}

function chooseLink(state: AppState, text: string): AppState {
  const links = state.reader!.layout.links;
  const at = links.findIndex((l) => l.text.startsWith(text));
  let s = key(state, 'links');
  for (let i = 0; i < at; i++) s = key(s, 'down');
  return key(s, 'choose');
}

describe('jumps within a post', () => {
  it('moves the reader to the heading an in-page link names, and back', () => {
    const state = key(openedPost(), 'down', 'down');
    const jumped = chooseLink(state, 'Far');
    const far = jumped.reader!.layout.headings.find((h) => h.text === 'Far away')!;
    expect(jumped.screen).toBe('reader');
    expect(jumped.reader!.top).toBe(far.line);
    const back = key(jumped, 'jumpBack');
    expect(back.reader!.top).toBe(2);
  });

  it('moves to a footnote from the link list, and back', () => {
    const state = openedPost();
    const jumped = chooseLink(state, 'note 1');
    const note = jumped.reader!.layout.links.find((l) => l.kind === 'note')!;
    expect(jumped.reader!.top).toBeGreaterThan(0);
    expect(Math.abs(jumped.reader!.top - note.line!)).toBeLessThanOrEqual(24);
    expect(key(jumped, 'jumpBack').reader!.top).toBe(0);
  });

  it('goes back through several jumps in turn, then says there is nothing to go back to', () => {
    const twice = chooseLink(key(chooseLink(openedPost(), 'Far'), 'top'), 'note 1');
    const once = key(twice, 'jumpBack');
    expect(once.reader!.top).toBe(0);
    const none = key(once, 'jumpBack', 'jumpBack');
    expect(none.message).toBe('No jump to go back from');
  });

  it('says so when an in-page link leads nowhere in the post', () => {
    const state = chooseLink(openedPost(), 'Nowhere');
    expect(state.screen).toBe('reader');
    expect(state.reader!.top).toBe(0);
    expect(state.message).toBe('This post has no place called #nowhere');
  });

  it('jumps from the table of contents can be gone back from too', () => {
    const state = openedPost();
    const toc = key(state, 'toc', 'choose');
    expect(toc.reader!.top).toBeGreaterThan(0);
    expect(key(toc, 'jumpBack').reader!.top).toBe(0);
  });
});
