import React, { useCallback, useEffect, useRef, useState } from 'react';
import { Text, useApp, useInput, useStdout } from 'ink';
import { actionFor, keyNames, type Scope } from '../keymap.js';
import { MIN_COLS, MIN_ROWS, readerGeometry, tooSmall, type Size } from '../geometry.js';
import { reduce, type AppAction, type AppState, type PostLayout } from '../state/appReducer.js';
import { sanitizeLine } from '../../content/sanitize.js';
import type { RenderedPost } from '../../render/markdownRenderer.js';
import type { PostSource, RenderFn } from '../postSource.js';
import { ListView } from './ListView.js';
import { ReaderView } from './ReaderView.js';
import { HelpView } from './HelpView.js';

export interface AppProps {
  source: PostSource;
  initialState: AppState;
  /** The Markdown renderer, when already loaded. */
  renderer?: RenderFn;
  /** Loads the renderer on first use (it is not needed to show the list). */
  loadRenderer: () => Promise<RenderFn>;
  color: boolean;
  /** Rendered posts by `index@width`, shared with whoever prepared the first screen. */
  cache?: Map<string, RenderedPost>;
  onExit: (kind: 'quit' | 'interrupt') => void;
}

const CACHE_LIMIT = 24;
const CLEAR_SCREEN = '\u001b[H\u001b[2J';

export function layoutOf(rendered: RenderedPost, width: number): PostLayout {
  return { width, lineCount: rendered.lines.length, blockStarts: rendered.blockStarts };
}

/** Renders a post for a width through a small cache; a post that cannot be read says why. */
export function renderPostCached(
  cache: Map<string, RenderedPost>,
  source: PostSource,
  render: RenderFn,
  index: number,
  width: number,
  color: boolean,
): RenderedPost {
  const key = `${index}@${width}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const entry = source.posts[index]!;
  let rendered: RenderedPost;
  try {
    rendered = render(source.readBody(entry), { width, color });
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    rendered = { lines: [sanitizeLine(`This post cannot be shown: ${reason} (${entry.file}).`)], blockStarts: [0] };
  }
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(key, rendered);
  return rendered;
}

function terminalSize(stdout: NodeJS.WriteStream): Size {
  return { cols: stdout.columns || 80, rows: stdout.rows || 24 };
}

export function App({ source, initialState, renderer, loadRenderer, color, cache: sharedCache, onExit }: AppProps) {
  const { exit } = useApp();
  const { stdout, write } = useStdout();
  // The reducer runs here synchronously so that every key sees the state left by the key
  // before it, however fast keys arrive.
  const store = useRef(initialState);
  const [state, setState] = useState(initialState);
  const rendererRef = useRef<RenderFn | undefined>(renderer);
  const cache = useRef(sharedCache ?? new Map<string, RenderedPost>());

  const dispatch = useCallback(
    (action: AppAction) => {
      const previous = store.current;
      const next = reduce(previous, action);
      if (next === previous) return;
      store.current = next;
      setState(next);
      if (next.exit && !previous.exit) {
        onExit(next.exit);
        exit();
      }
    },
    [exit, onExit],
  );

  const layoutFor = useCallback(
    (render: RenderFn, index: number, size: Size) => {
      const width = readerGeometry(size, source.posts[index]!.title).textWidth;
      return layoutOf(renderPostCached(cache.current, source, render, index, width, color), width);
    },
    [source, color],
  );

  const withRenderer = useCallback(
    (use: (render: RenderFn) => void) => {
      if (rendererRef.current) return use(rendererRef.current);
      void loadRenderer().then((render) => {
        rendererRef.current = render;
        use(render);
      });
    },
    [loadRenderer],
  );

  useEffect(() => {
    const onResize = () => {
      // The terminal has reflowed the old frame: clear it and let Ink draw a whole new one.
      write(CLEAR_SCREEN);
      const size = terminalSize(stdout);
      const current = store.current;
      if (current.reader && rendererRef.current) {
        dispatch({ type: 'resize', size, layout: layoutFor(rendererRef.current, current.reader.index, size) });
      } else {
        dispatch({ type: 'resize', size });
      }
    };
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout, write, dispatch, layoutFor]);

  const onKey = useCallback(
    (name: string) => {
      const current = store.current;
      const action = actionFor(current.screen as Scope, name);
      if (!action) return;
      if (action === 'open' && current.screen === 'list') {
        const index = current.list.selected;
        if (index >= current.posts.length) return;
        withRenderer((render) => dispatch({ type: 'open', index, layout: layoutFor(render, index, store.current.size) }));
        return;
      }
      dispatch({ type: 'key', action });
    },
    [dispatch, layoutFor, withRenderer],
  );

  useInput((input, key) => {
    for (const name of keyNames(input, key)) onKey(name);
  });

  if (tooSmall(state.size)) {
    const { cols, rows } = state.size;
    const message = cols >= 40 ? `Terminal too small: ${cols}x${rows}, blog-tui needs ${MIN_COLS}x${MIN_ROWS}` : 'Too small';
    return <Text wrap="truncate-end">{message}</Text>;
  }
  if (state.screen === 'help') return <HelpView state={state} />;
  if (state.screen === 'reader' && state.reader) {
    const { index, layout } = state.reader;
    const rendered = cache.current.get(`${index}@${layout.width}`);
    return <ReaderView state={state} lines={rendered?.lines ?? []} />;
  }
  return <ListView state={state} blogName={source.name} />;
}
