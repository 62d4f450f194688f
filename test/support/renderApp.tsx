import { render, cleanup } from 'ink-testing-library';
import { afterEach, vi } from 'vitest';
import { App, type AppProps } from '../../src/tui/components/App.js';
import { initialState, standaloneState, type AppState, type StartOptions } from '../../src/tui/state/appReducer.js';
import type { Keymap } from '../../src/tui/keymap.js';
import { renderMarkdown } from '../../src/render/markdownRenderer.js';
import type { PostEntry } from '../../src/content/postEntry.js';
import type { PostSource, RenderFn } from '../../src/tui/postSource.js';
import { readerGeometry, type Size } from '../../src/tui/geometry.js';
import { layoutOf, renderPostCached } from '../../src/tui/components/App.js';
import type { RenderedPost } from '../../src/render/markdownRenderer.js';

afterEach(() => {
  cleanup();
});

export const KEYS = {
  down: '\u001b[B',
  up: '\u001b[A',
  right: '\u001b[C',
  left: '\u001b[D',
  pageDown: '\u001b[6~',
  pageUp: '\u001b[5~',
  home: '\u001b[H',
  end: '\u001b[F',
  enter: '\r',
  escape: '\u001b',
  backspace: '\u007f',
  ctrlC: '\u0003',
};

export interface AppOptions {
  posts: PostEntry[];
  bodies?: Record<string, string>;
  size?: Size;
  /** Open this post in a reader that quits on leaving, as `read <slug>` does. */
  standaloneIndex?: number;
  /** Opens links (default: a function that records them). */
  open?: (href: string) => Promise<string>;
  /** The keymap in force (default: the defaults). */
  keymap?: Keymap;
  /** Settings that shape the first state (sort, text width). */
  start?: StartOptions;
  /** Posts handed to the app after start, as a folder checked in the background hands them. */
  postsUpdates?: AppProps['postsUpdates'];
  /** What the bodies are: Markdown (default) or HTML, as a feed's. */
  bodyFormat?: 'markdown' | 'html';
  /** Lays posts out (default: renderMarkdown, at once); a slow one returns a promise. */
  renderer?: RenderFn;
  /** A feed's copy: when it was fetched, whether it could be refreshed (see PostSource). */
  feed?: Pick<PostSource, 'fetchedAt' | 'offline' | 'confirmed' | 'refresh'>;
}

/** Renders the app as the CLI does, on a fake terminal of the given size. */
export function renderApp({ posts, bodies = {}, size = { cols: 80, rows: 24 }, standaloneIndex, open, keymap, start, postsUpdates, bodyFormat, renderer = renderMarkdown, feed }: AppOptions) {
  const source: PostSource = {
    id: 'test',
    name: 'Test blog',
    posts,
    ...(bodyFormat ? { bodyFormat } : {}),
    ...feed,
    readBody: (entry) => {
      const body = bodies[entry.slug];
      if (body === undefined) throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
      return body;
    },
  };
  const cache = new Map<string, RenderedPost>();
  let state: AppState = initialState(posts, size, {}, start);
  if (standaloneIndex !== undefined) {
    const width = readerGeometry(size, posts[standaloneIndex]!.title, start?.maxTextWidth).textWidth;
    state = standaloneState(posts, size, standaloneIndex, layoutOf(renderPostCached(cache, source, renderMarkdown, standaloneIndex, width, false), width), {}, start);
  }
  const onExit = vi.fn();
  const opened: string[] = [];
  const openLink = open ?? (async (href: string) => {
    opened.push(href);
    return `Opened ${href}`;
  });
  const instance = render(
    <App
      source={source}
      initialState={state}
      renderer={renderer}
      loadRenderer={async () => renderer}
      color={false}
      cache={cache}
      open={openLink}
      onExit={onExit}
      keymap={keymap}
      postsUpdates={postsUpdates}
    />,
  );
  const setSize = (next: Size) => {
    Object.defineProperty(instance.stdout, 'columns', { value: next.cols, configurable: true });
    Object.defineProperty(instance.stdout, 'rows', { value: next.rows, configurable: true });
    instance.stdout.emit('resize');
  };
  setSize(size);

  /** The text of the last frame, as the screen shows it. */
  const screen = () => (instance.lastFrame() ?? '').replace(/\u001b\[[0-9;]*[A-Za-z]/g, '');

  /** Waits until the screen satisfies the predicate; fails with the screen it last saw. */
  const waitForScreen = async (predicate: (text: string) => boolean, timeout = 3000) => {
    await vi.waitFor(
      () => {
        const text = screen();
        if (!predicate(text)) throw new Error(`screen never matched; last screen:\n${text}`);
      },
      { timeout, interval: 5 },
    );
    return screen();
  };

  /** Types keys one at a time, each delivered on its own macrotask, as a terminal would. */
  const press = async (...keys: string[]) => {
    for (const key of keys) {
      instance.stdin.write(key);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  };

  return { ...instance, screen, waitForScreen, press, setSize, onExit, opened };
}
