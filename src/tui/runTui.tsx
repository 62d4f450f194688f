import { render } from 'ink';
import { supportsHyperlink } from 'supports-hyperlinks';
import { App } from './components/App.js';
import { renderPostCached, layoutOf } from './components/App.js';
import { initialState, standaloneState, type StartOptions } from './state/appReducer.js';
import { SORT_ORDERS } from './state/listView.js';
import { withBindings } from './keymap.js';
import { chooseStyle } from './chooseStyle.js';
import { withoutLateAnswers } from './terminalBackground.js';
import { terminalLevel, type Depth, type StyleSetting } from '../render/style.js';
import { colorDepth } from '../config/colorDepth.js';
import { readerGeometry } from './geometry.js';
import { startTerminalSession, scrollbackSafe } from './terminalSession.js';
import type { PostSource, RenderFn } from './postSource.js';
import type { PostEntry } from '../content/postEntry.js';
import { sanitizeLine } from '../content/sanitize.js';
import type { RenderedPost } from '../render/markdownRenderer.js';
import { openReadingStore } from '../state/readingStore.js';
import { RenderWorker, workerFile } from './renderWorkerClient.js';
import { fileProgressStore, memoryProgressStore } from './progressStore.js';

export interface TuiOptions {
  source: PostSource;
  /** Remember reading progress between runs (default; off with --no-state). */
  keepState?: boolean;
  /** Open the reader on this post and quit when leaving it (`blog-tui read <slug>`). */
  standaloneIndex?: number;
  color: boolean;
  /** The style setting: auto asks the terminal for its background (default auto). */
  style?: StyleSetting;
  /** The terminal's colour depth (default: chalk's, when `color`). */
  depth?: Depth;
  /** Key bindings from the config file. */
  keys?: ReadonlyArray<{ scope: string; action: string; keys: readonly string[] }>;
  /** The widest the reader's text column gets. */
  maxTextWidth?: number;
  /** The list's order at start. */
  sort?: string;
  /** Report the mouse wheel and clicks (default on; off with --no-mouse or mouse = false). */
  mouse?: boolean;
  /** Mistakes found in the config file (listed on stderr before the app started). */
  configProblems?: number;
  /** Where keys come from, when standard input is not the terminal (`read -`): /dev/tty. */
  stdin?: NodeJS.ReadStream;
}

let rendererPromise: Promise<RenderFn> | undefined;
let layoutWorker: RenderWorker | undefined;
/**
 * The renderer: the layout worker of the built app (so that no post can hold up keys and
 * signals), else, where there is no built worker, renderMarkdown in this thread.
 */
function loadRenderer(): Promise<RenderFn> {
  const file = workerFile();
  if (file) {
    layoutWorker ??= new RenderWorker(file);
    const worker = layoutWorker;
    rendererPromise ??= Promise.resolve((markdown, options) => worker.render(markdown, options));
  }
  rendererPromise ??= Promise.all([import('../render/markdownRenderer.js'), import('../render/codeHighlight.js').then((m) => m.loadHighlighter())]).then(
    ([m]) => m.renderMarkdown,
  );
  return rendererPromise;
}

/** Runs the full-screen app until the user quits; resolves with the process exit code. */
export async function runTui(options: TuiOptions): Promise<number> {
  const { source } = options;
  const hyperlinks = options.color && supportsHyperlink(process.stdout);
  // Settled before the first frame, and before Ink reads the input: the terminal's answer comes on stdin.
  const depth = options.color ? Math.max(1, options.depth ?? colorDepth(process.stdout, process.env, terminalLevel()).depth) as Depth : 0;
  const chosen = await chooseStyle(options.style ?? 'auto', depth, { stdin: options.stdin ?? process.stdin, stdout: process.stdout });
  const look = chosen.look;
  // Every screen is drawn in the look; without colour that is the plain style.
  const color = true;
  const size = { cols: process.stdout.columns || 80, rows: process.stdout.rows || 24 };
  const cache = new Map<string, RenderedPost>();
  // Warnings while the full screen is up would be drawn over; they are printed after it.
  const warnings: string[] = [];
  const warn = (line: string) => void warnings.push(line);
  const store = options.keepState !== false
    ? fileProgressStore(openReadingStore({ warn }))
    : memoryProgressStore();
  const progress = store.load(source.id, source.posts);
  let renderer: RenderFn | undefined;
  const problems = options.configProblems ?? 0;
  const start: StartOptions = {
    sort: SORT_ORDERS.find((s) => s === options.sort),
    maxTextWidth: options.maxTextWidth,
    message: problems > 0 ? `The config file has ${problems === 1 ? 'a mistake' : `${problems} mistakes`}: blog-tui config lists them` : null,
  };
  const keymap = withBindings(options.keys ?? []);
  let state = initialState(source.posts, size, progress, start);
  if (options.standaloneIndex !== undefined) {
    renderer = await loadRenderer();
    const index = options.standaloneIndex;
    const width = readerGeometry(size, source.posts[index]!.title, options.maxTextWidth).textWidth;
    const rendered = await renderPostCached(cache, source, renderer, index, width, color, hyperlinks, look);
    state = standaloneState(source.posts, size, index, layoutOf(rendered, width), progress, start);
  }

  const stdin = options.stdin ?? process.stdin;
  const terminal = startTerminalSession(stdin, { beforeRestore: () => store.flush(), mouse: options.mouse !== false });
  const restore = () => {
    terminal.restore();
    for (const line of warnings.splice(0)) process.stderr.write(`${line}\n`);
  };
  let exitKind = 'quit' as 'quit' | 'interrupt';
  // The posts of a folder checked after the first frame, handed to the app when they changed.
  let listener: ((posts: PostEntry[]) => void) | undefined;
  let changed: PostEntry[] | undefined;
  const postsUpdates = (listen: (posts: PostEntry[]) => void) => {
    listener = listen;
    if (changed) listen(changed);
    return () => {
      listener = undefined;
    };
  };
  const instance = render(
    <App
      source={source}
      initialState={state}
      renderer={renderer}
      loadRenderer={loadRenderer}
      color={color}
      hyperlinks={hyperlinks}
      cache={cache}
      store={store}
      terminal={terminal}
      keymap={keymap}
      look={look}
      postsUpdates={postsUpdates}
      onExit={(kind) => {
        exitKind = kind;
      }}
    />,
    { stdout: scrollbackSafe(process.stdout), stdin: chosen.late ? withoutLateAnswers(stdin) : stdin, exitOnCtrlC: false, patchConsole: true, incrementalRendering: false },
  );
  const refresh = source.refresh;
  const leaving = new AbortController();
  if (refresh) {
    setTimeout(() => {
      refresh(leaving.signal).then(
        (update) => {
          warnings.push(...update.lines);
          if (!update.posts) return;
          changed = update.posts;
          listener?.(update.posts);
        },
        (error: unknown) => warn(`blog-tui: the folder could not be checked: ${sanitizeLine(String((error as Error)?.message ?? error))}`),
      );
    }, 0);
  }
  try {
    await instance.waitUntilExit();
  } finally {
    leaving.abort();
    restore();
    layoutWorker?.close();
  }
  return exitKind === 'interrupt' ? 130 : 0;
}
