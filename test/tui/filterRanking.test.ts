// The list filter's order: whole words of titles, then word starts, then tags and summaries,
// then loose (fuzzy) title matches, then posts found by their text; snippets as plain text.
import { describe, expect, it } from 'vitest';
import { buildView, rankingBuild } from '../../src/tui/state/listView.js';
import { plainMarkdownLine, snippetOf } from '../../src/content/textSearch.js';
import { fuzzyMatch } from '../../src/content/fuzzy.js';
import { makePosts } from '../support/fixtures.js';

const TITLES = [
  'Trusting the compiler', // "rust" inside a word
  'Rustaceans at work', // a word starts with "rust"
  'Why Rust, and when', // "rust" as a whole word
  'Notes on ownership', // "rust" only in the tags
  'A garbage collector', // "rust" only in the body
  'Running unit server tests', // letters of "rust" at word starts
];
const posts = makePosts(TITLES.length).map((p, i) => ({ ...p, title: TITLES[i]!, tags: i === 3 ? ['rust'] : ['misc'] }));
const view = (filter: string, bodyHits: ReadonlyMap<number, string> = new Map()) =>
  buildView({ posts, filter, bodyHits, bodyQuery: filter, sort: 'newest', tag: null, bookmarked: null }).map((e) => posts[e.index]!.title);

describe('the list filter', () => {
  it('ranks a whole title word first, then a word start, then tags and summary, then abbreviations, then body hits', () => {
    expect(view('rust', new Map([[4, 'a line with rust in it']]))).toEqual([
      'Why Rust, and when',
      'Rustaceans at work',
      'Notes on ownership',
      // Inside a word, or as an abbreviation: loose title matches, in the list's order.
      'Trusting the compiler',
      'Running unit server tests',
      'A garbage collector',
    ]);
  });

  it('does not take letters scattered over a title for a match', () => {
    expect(fuzzyMatch('rag', 'Trusting the garbage collector')).toBeNull();
    expect(fuzzyMatch('rag', 'Retrieval-Augmented Generation')?.positions).toEqual([0, 10, 20]);
    expect(view('rag')).toEqual([]);
  });

  it('keeps the list order within each rank', () => {
    const same = makePosts(3).map((p, i) => ({ ...p, title: `Rust part ${i + 1}` }));
    const oldest = buildView({ posts: same, filter: 'rust', bodyHits: new Map(), bodyQuery: 'rust', sort: 'oldest', tag: null, bookmarked: null });
    expect(oldest.map((e) => e.index)).toEqual([2, 1, 0]);
  });
});

describe('snippets of posts found by their text', () => {
  it('are plain text: no table pipes, link syntax, emphasis, code marks or HTML', () => {
    expect(snippetOf('intro\n| Container Escape | **high** | `runc` |\n', 'escape')).toBe('Container Escape high runc');
    expect(snippetOf('See [the docs](https://example.com/x) and <b>more</b>.', 'docs')).toBe('See the docs and more.');
    expect(snippetOf('## A *heading* with rust', 'rust')).toBe('A heading with rust');
    expect(snippetOf('- [ ] a task about rust[^1]', 'rust')).toBe('a task about rust');
  });

  it('cut long lines around the match', () => {
    const long = `${'word '.repeat(100)}needle ${'more '.repeat(100)}`;
    const snippet = snippetOf(long, 'needle', 60)!;
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet).toContain('needle');
    expect(snippet.length).toBeLessThanOrEqual(61);
  });

  it('keep a line that is only Markdown marks readable', () => {
    expect(plainMarkdownLine('|---|:---:|')).toBe('');
    expect(snippetOf('|---|', '---')).toBe('|---|');
  });
});

describe('ranking a long list in slices', () => {
  const many = makePosts(20_000).map((p, i) => ({ ...p, title: `Post ${i} about ${i % 3 === 0 ? 'rust' : 'go'}` }));
  const query = { posts: many, filter: 'rust', sort: 'newest' as const, tag: null, bookmarked: null };

  it('stops at the clock and goes on from there, to the ranking buildView makes at once', () => {
    const build = rankingBuild(query);
    let steps = 0;
    let ranking;
    // A clock already past: each step ranks one chunk of posts.
    while (!(ranking = build.step(0))) steps++;
    expect(steps).toBeGreaterThan(10);
    expect(ranking.ranked).toEqual(buildView({ ...query, bodyHits: new Map(), bodyQuery: 'rust' }));
  });
});
