// Property-based: random sequences of keys (every key of every scope of the keymap, and typed
// characters for the filter and the search) and resizes (1x1 up to 300x100) go through the
// reducer, with layouts rendered from real posts, and through the rendered app. Nothing
// throws, every position stays in range, and no frame is wider than the terminal or taller
// than rows - 1. The seed is fixed; FC_SEED and FC_RUNS give other seeds and more runs:
//   FC_RUNS=2000 npx vitest run test/tui/randomKeys.test.ts
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import stringWidth from 'string-width';
import stripAnsi from 'strip-ansi';
import { describe, expect, it } from 'vitest';
import { renderMarkdown, type RenderedPost } from '../../src/render/markdownRenderer.js';
import { splitFrontMatter } from '../../src/content/frontMatter.js';
import { buildIndex, readPostSource } from '../../src/content/postIndex.js';
import type { PostEntry } from '../../src/content/postEntry.js';
import { findInLines } from '../../src/content/textSearch.js';
import { sanitizeLine } from '../../src/content/sanitize.js';
import { KEYMAP, actionFor } from '../../src/tui/keymap.js';
import { helpLines } from '../../src/tui/keymap.js';
import { helpViewHeight, listGeometry, pickerGeometry, readerGeometry, tooSmall, type Size } from '../../src/tui/geometry.js';
import { maxTop } from '../../src/tui/state/readerScroll.js';
import { initialState, keyScope, listView, pickerCount, reduce, type AppState, type PostLayout } from '../../src/tui/state/appReducer.js';
import { layoutOf } from '../../src/tui/components/App.js';
import { renderApp, KEYS } from '../support/renderApp.js';
import { HOSTILE } from '../support/hostile.js';

const SEED = Number(process.env.FC_SEED ?? 20260306);
const RUNS = Number(process.env.FC_RUNS ?? 300);
const APP_RUNS = Math.max(3, Math.round(RUNS / 25));

// Posts: the bundled ones and the hostile fixtures (escape sequences, bidi controls and a
// 2,000-character title). Bodies: a long bundled post and the hostile post with escapes.
const BUNDLED = new URL('../../posts/', import.meta.url);
const bundledIndex = JSON.parse(readFileSync(new URL('index.json', BUNDLED), 'utf8')) as { posts: PostEntry[] };
const hostile = buildIndex(HOSTILE).index.posts;
const POSTS: PostEntry[] = [...bundledIndex.posts, ...hostile];
const LONG = splitFrontMatter(readFileSync(new URL(bundledIndex.posts.find((p) => p.slug.includes('cors'))!.file, BUNDLED), 'utf8')).body;
const ESCAPES = splitFrontMatter(readPostSource(HOSTILE, hostile.find((p) => p.slug === 'escapes')!)).body;
const bodyOf = (index: number) => (index % 2 === 0 ? LONG : ESCAPES);

const rendered = new Map<string, RenderedPost>();
function renderedFor(index: number, size: Size): { layout: PostLayout; post: RenderedPost } {
  const width = readerGeometry(size, POSTS[index]!.title).textWidth;
  const key = `${index % 2}@${width}`;
  let post = rendered.get(key);
  if (!post) {
    post = renderMarkdown(bodyOf(index), { width, color: false });
    rendered.set(key, post);
  }
  return { layout: layoutOf(post, width), post };
}

/** Every key name of the keymap, and characters to type (some of them hostile). */
const KEY_NAMES = [...new Set(Object.values(KEYMAP).flatMap((bindings) => bindings.flatMap((b) => b.keys)))];
const TYPED = ['a', 'e', 'o', 's', 'C', 'O', 'R', 'S', ' ', '1', 'é', '中', '🎉', '\u202e', '^', '['];

type Step =
  | { kind: 'key'; name: string }
  | { kind: 'resize'; size: Size }
  | { kind: 'hits'; count: number };

const sizeArb = fc.oneof(
  fc.constantFrom<Size>({ cols: 1, rows: 1 }, { cols: 20, rows: 5 }, { cols: 20, rows: 6 }, { cols: 300, rows: 100 }, { cols: 80, rows: 24 }, { cols: 19, rows: 40 }),
  fc.record({ cols: fc.integer({ min: 1, max: 300 }), rows: fc.integer({ min: 1, max: 100 }) }),
);
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(...KEY_NAMES).map((name): Step => ({ kind: 'key', name })) },
  { weight: 4, arbitrary: fc.constantFrom(...TYPED).map((name): Step => ({ kind: 'key', name })) },
  { weight: 2, arbitrary: sizeArb.map((size): Step => ({ kind: 'resize', size })) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: POSTS.length }).map((count): Step => ({ kind: 'hits', count })) },
);

/** What the app's key handler does with a key name (App.tsx onKey), with the reducer alone. */
function press(state: AppState, name: string): AppState {
  const scope = keyScope(state);
  const action = actionFor(scope, name);
  if (scope === 'input' && (action === undefined || action === 'deleteChar')) {
    const text =
      state.screen === 'list' ? (state.filter.selected ? '' : state.filter.text) : state.screen === 'tags' ? state.tagFilter.text : (state.reader?.search?.query ?? '');
    const typed = name === 'space' ? ' ' : [...name].length === 1 && name >= ' ' ? name : null;
    if (action !== 'deleteChar' && typed === null) return state;
    const next = action === 'deleteChar' ? [...text].slice(0, -1).join('') : text + typed;
    if (state.screen === 'list' || state.screen === 'tags') return reduce(state, { type: 'input', text: next });
    const post = rendered.get(`${state.reader!.index % 2}@${state.reader!.layout.width}`)!;
    return reduce(state, { type: 'input', text: next, matches: findInLines(post.lines, next) });
  }
  if (!action) return state;
  if (scope === 'list' && action === 'open') {
    const entry = listView(state)[state.list.selected];
    return entry ? reduce(state, { type: 'open', index: entry.index, layout: renderedFor(entry.index, state.size).layout }) : state;
  }
  if (scope === 'reader' && (action === 'nextPost' || action === 'previousPost')) {
    const entries = listView(state);
    const at = entries.findIndex((e) => e.index === state.reader!.index);
    const target = entries[at + (action === 'nextPost' ? 1 : -1)];
    return target ? reduce(state, { type: 'open', index: target.index, layout: renderedFor(target.index, state.size).layout }) : state;
  }
  if (scope === 'picker' && action === 'choose' && state.screen === 'links') return state;
  if (action === 'suspend' || action === 'redraw' || action === 'edit') return state;
  return reduce(state, { type: 'key', action, key: name });
}

function apply(state: AppState, step: Step): AppState {
  if (step.kind === 'key') return press(state, step.name);
  if (step.kind === 'resize') {
    if (!state.reader) return reduce(state, { type: 'resize', size: step.size });
    const { layout, post } = renderedFor(state.reader.index, step.size);
    const query = state.reader.search?.query;
    return reduce(state, { type: 'resize', size: step.size, layout, matches: query ? findInLines(post.lines, query) : undefined });
  }
  // Body search results for the current filter arrive and only ever grow, as searchBodies reports them.
  const query = state.filter.text.trim();
  if (query.length < 2) return state;
  const hits = new Map(state.bodyQuery === query ? state.bodyHits : []);
  for (let i = 0; i < step.count; i++) if (!hits.has(i)) hits.set(i, `a line with ${query}`);
  return reduce(state, { type: 'bodyHits', query, hits });
}

const HELP_LINES = helpLines().length;

/** Every position is in range for the state's own size and lists. */
function checkRanges(state: AppState): void {
  const count = listView(state).length;
  const perPage = Math.max(1, listGeometry(state.size).perPage);
  const { selected, top } = state.list;
  const where = () => JSON.stringify({ screen: state.screen, size: state.size, list: state.list, picker: state.picker, count, perPage });
  if (count === 0) expect(state.list, where()).toEqual({ selected: 0, top: 0 });
  else {
    expect(selected >= 0 && selected < count, `list selection out of range: ${where()}`).toBe(true);
    expect(top >= 0 && top <= selected && selected < top + perPage, `list selection off screen: ${where()}`).toBe(true);
  }
  if (state.screen === 'tags' || state.screen === 'toc' || state.screen === 'links') {
    const n = pickerCount(state);
    const page = Math.max(1, pickerGeometry(state.size).perPage);
    const p = state.picker;
    // A tag filter may match no tag: then nothing is selected.
    if (n === 0) expect(p, `picker: ${where()}`).toEqual({ selected: 0, top: 0 });
    else expect(p.selected >= 0 && p.selected < n && p.top <= p.selected && p.selected < p.top + page, `picker: ${where()}`).toBe(true);
  }
  expect(state.helpTop >= 0 && state.helpTop <= Math.max(0, HELP_LINES - helpViewHeight(state.size)), `help scroll: ${state.helpTop}`).toBe(true);
  if (state.reader) {
    const { top: readerTop, layout, search, index } = state.reader;
    // The reader view's geometry: the title as it is shown, sanitized.
    const geometry = readerGeometry(state.size, sanitizeLine(POSTS[index]!.title));
    expect(layout.width, 'the layout is for the current width').toBe(geometry.textWidth);
    expect(readerTop >= 0 && readerTop <= maxTop(layout.lineCount, geometry.viewHeight), `reader top ${readerTop} of ${layout.lineCount} lines, ${geometry.viewHeight} rows`).toBe(true);
    if (search) expect(search.current >= -1 && search.current < search.matches.length, 'search position').toBe(true);
  }
}

/** After End in the reader, the last line of the post is on screen, as the view lays it out. */
function expectLastLineShown(state: AppState): void {
  const { top, layout, index } = state.reader!;
  const geometry = readerGeometry(state.size, sanitizeLine(POSTS[index]!.title));
  expect(top + geometry.viewHeight, `End leaves the last line of ${layout.lineCount} off screen (top ${top}, ${geometry.viewHeight} rows)`).toBeGreaterThanOrEqual(layout.lineCount);
}

/** Counterexamples fast-check found with other seeds, kept as fixed cases. */
const key = (...names: string[]): Step[] => names.map((name) => ({ kind: 'key', name }));
const REGRESSIONS: Array<[string, Size, Step[]]> = [
  ['a bookmark removed while only bookmarks are listed', { cols: 1, rows: 1 }, key('*', 'down', '*', 'B', 'down', '*')],
  ['a bookmark removed in the reader, then back to the bookmarks', { cols: 80, rows: 24 }, key('*', 'down', '*', 'B', 'down', 'enter', '*', 'escape')],
  ['the reader on the shortest terminal that is not too small', { cols: 20, rows: 6 }, key('l', 'down', 'end')],
  ['the reader opened on a 1x1 terminal, then resized to 20x6', { cols: 1, rows: 1 }, [...key('enter'), { kind: 'resize', size: { cols: 20, rows: 6 } }, ...key('down', 'end')]],
];

function runReducer(size: Size, steps: Step[]): void {
  let state = initialState(POSTS, size);
  for (const step of steps) {
    // G without a count (with one it goes to line N).
    const bottom = step.kind === 'key' && keyScope(state) === 'reader' && actionFor('reader', step.name) === 'bottom' && state.count === '';
    state = apply(state, step);
    checkRanges(state);
    if (bottom) expectLastLineShown(state);
    if (state.exit) break;
  }
}

describe('random keys and resizes through the reducer (fast-check)', () => {
  for (const [name, size, steps] of REGRESSIONS) {
    it(`keeps positions in range: ${name}`, () => runReducer(size, steps));
  }

  it(`never throws and keeps every position in range (seed ${SEED}, ${RUNS} runs)`, { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(sizeArb, fc.array(stepArb, { minLength: 1, maxLength: 150, size: 'max' }), (size, steps) => runReducer(size, steps)),
      { seed: SEED, numRuns: RUNS },
    );
  });
});

/** The bytes a terminal sends for a key name. */
const KEY_INPUT: Record<string, string> = {
  down: KEYS.down, up: KEYS.up, left: KEYS.left, right: KEYS.right, pagedown: KEYS.pageDown, pageup: KEYS.pageUp,
  home: KEYS.home, end: KEYS.end, enter: KEYS.enter, escape: KEYS.escape, space: ' ', backspace: '\u007f',
};
/** Keys for the rendered app: every key except the ones that end it. */
const APP_KEYS = KEY_NAMES.filter((k) => k !== 'q' && k !== 'ctrl+c');
const appStepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 10, arbitrary: fc.constantFrom(...APP_KEYS).map((name): Step => ({ kind: 'key', name })) },
  { weight: 3, arbitrary: fc.constantFrom(...TYPED).map((name): Step => ({ kind: 'key', name })) },
  { weight: 2, arbitrary: sizeArb.map((size): Step => ({ kind: 'resize', size })) },
);

const BODIES = Object.fromEntries(POSTS.map((p, i) => [p.slug, bodyOf(i)]));

/** Sends the steps to the rendered app; after each, the last frame fits the terminal. */
async function runApp(start: Size, steps: Step[]): Promise<void> {
  const app = renderApp({ posts: POSTS, bodies: BODIES, size: start });
  let size = start;
  try {
    for (const step of steps) {
      if (step.kind === 'resize') {
        size = step.size;
        app.setSize(size);
        await new Promise((resolve) => setTimeout(resolve, 0));
      } else if (step.kind === 'key') {
        await app.press(KEY_INPUT[step.name] ?? step.name);
      }
      const lines = stripAnsi(app.lastFrame() ?? '').split('\n');
      const shown = () => `after ${JSON.stringify(step)} at ${size.cols}x${size.rows}:\n${lines.join('\n')}`;
      for (const line of lines) expect(stringWidth(line), shown()).toBeLessThanOrEqual(size.cols);
      if (!tooSmall(size)) expect(lines.length, shown()).toBeLessThanOrEqual(size.rows - 1);
    }
  } finally {
    app.unmount();
    app.cleanup();
  }
}

describe('random keys and resizes through the rendered app (fast-check)', () => {
  for (const [name, size, steps] of REGRESSIONS) {
    it(`fits the terminal: ${name}`, { timeout: 20_000 }, () => runApp(size, steps));
  }

  it(`draws no line wider than the terminal and no frame taller than rows - 1 (seed ${SEED}, ${APP_RUNS} runs)`, { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(sizeArb, fc.array(appStepArb, { minLength: 1, maxLength: 40, size: 'max' }), runApp),
      { seed: SEED, numRuns: APP_RUNS },
    );
  });
});
