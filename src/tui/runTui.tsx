import { render } from 'ink';
import { supportsHyperlink } from 'supports-hyperlinks';
import { App } from './components/App.js';
import { renderPostCached, layoutOf } from './components/App.js';
import { initialState, standaloneState, type AppState, type StartOptions } from './state/appReducer.js';
import { SORT_ORDERS } from './state/listView.js';
import { withBindings } from './keymap.js';
import { chooseStyle } from './chooseStyle.js';
import { withoutLateAnswers } from './terminalBackground.js';
import { rolesFor, terminalLevel, type Depth, type Roles, type StyleSetting } from '../render/style.js';
import { colorDepth } from '../config/colorDepth.js';
import { readerGeometry } from './geometry.js';
import { startTerminalSession, scrollbackSafe } from './terminalSession.js';
import type { PostSource, RenderFn, SourceOption } from './postSource.js';
import type { PostEntry } from '../content/postEntry.js';
import { sanitizeLine } from '../content/sanitize.js';
import { StartScreen, type SourceRow } from './components/StartView.js';
import type { RenderedPost } from '../render/markdownRenderer.js';
import { openReadingStore } from '../state/readingStore.js';
import { RenderWorker, workerFile } from './renderWorkerClient.js';
import { fileProgressStore, memoryProgressStore } from './progressStore.js';

export interface TuiOptions {
  /** The posts to show; with `sources`, the start screen comes first instead. */
  source?: PostSource;
  /** More than one source: a start screen lists them with unread counts; q in a list comes back to it. */
  sources?: readonly SourceOption[];
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
  let renderer: RenderFn | undefined;
  const problems = options.configProblems ?? 0;
  const start: StartOptions = {
    sort: SORT_ORDERS.find((s) => s === options.sort),
    maxTextWidth: options.maxTextWidth,
    message: problems > 0 ? `The config file has ${problems === 1 ? 'a mistake' : `${problems} mistakes`}: blog-tui config lists them` : null,
  };
  const keymap = withBindings(options.keys ?? []);
  const firstState = async (source: PostSource) => {
    const progress = store.load(source.id, source.posts);
    if (options.standaloneIndex === undefined) return initialState(source.posts, size, progress, start);
    renderer = await loadRenderer();
    const index = options.standaloneIndex;
    const width = readerGeometry(size, source.posts[index]!.title, options.maxTextWidth).textWidth;
    const rendered = await renderPostCached(cache, source, renderer, index, width, color, hyperlinks, look);
    return standaloneState(source.posts, size, index, layoutOf(rendered, width), progress, start);
  };
  const state = options.source ? await firstState(options.source) : undefined;

  const stdin = options.stdin ?? process.stdin;
  const terminal = startTerminalSession(stdin, { beforeRestore: () => store.flush(), mouse: options.mouse !== false });
  const restore = () => {
    terminal.restore();
    for (const line of warnings.splice(0)) process.stderr.write(`${line}\n`);
  };
  const inkOptions = { stdout: scrollbackSafe(process.stdout), stdin: chosen.late ? withoutLateAnswers(stdin) : stdin, exitOnCtrlC: false, patchConsole: true, incrementalRendering: false };
  const leaving = new AbortController();
  const showApp = async (source: PostSource, initial: AppState): Promise<'quit' | 'interrupt'> => {
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
        initialState={initial}
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
      inkOptions,
    );
    const refresh = source.refresh;
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
    await instance.waitUntilExit();
    return exitKind;
  };
  try {
    if (state && options.source) return (await showApp(options.source, state)) === 'interrupt' ? 130 : 0;
    return await startScreen(options.sources ?? [], { store, roles: rolesFor(look.depth, look.style), keymap, inkOptions, show: async (source) => {
      // Layouts are kept by URL path: another source's must not be shown for this one's.
      cache.clear();
      return showApp(source, await firstState(source));
    } });
  } finally {
    leaving.abort();
    restore();
    layoutWorker?.close();
  }
}

interface StartContext {
  store: ReturnType<typeof memoryProgressStore>;
  roles: Roles;
  keymap: ReturnType<typeof withBindings>;
  inkOptions: Parameters<typeof render>[1];
  show(source: PostSource): Promise<'quit' | 'interrupt'>;
}

/**
 * The start screen: every source with its unread count, from what is at hand (folders, feeds'
 * caches) at once, while the feeds are refreshed in the background, three at a time, the rows
 * following as each one answers. Enter opens a source's list; q in that list comes back here.
 */
async function startScreen(options: readonly SourceOption[], ctx: StartContext): Promise<number> {
  const sources: Array<PostSource | undefined> = await Promise.all(options.map((o) => o.cached().catch(() => undefined)));
  const notes: Array<string | undefined> = options.map((o, i) => (sources[i] ? o.age?.(sources[i]!) : undefined));
  const refreshing = new Map<number, Promise<void>>();
  let redraw: (() => void) | undefined;
  const refreshOne = async (i: number) => {
    notes[i] = 'fetching…';
    redraw?.();
    const result = await options[i]!.refresh!().catch((error: unknown) => ({ problem: String((error as Error)?.message ?? error), source: undefined }));
    if (result.source) sources[i] = result.source;
    notes[i] = result.problem ? `offline: ${result.problem}` : sources[i] ? options[i]!.age?.(sources[i]!) : undefined;
    redraw?.();
  };
  const queue = options.flatMap((o, i) => (o.refresh ? [i] : []));
  const runners = Array.from({ length: Math.min(3, queue.length) }, async () => {
    for (let i = queue.shift(); i !== undefined; i = queue.shift()) {
      const job = refreshOne(i);
      refreshing.set(i, job);
      await job;
    }
  });
  void Promise.all(runners);

  const rows = (): SourceRow[] =>
    options.map((o, i) => {
      const source = sources[i];
      if (!source) return { name: o.name, where: o.where, ...(notes[i] ? { note: notes[i] } : {}) };
      const progress = ctx.store.load(source.id, source.posts);
      const unread = source.posts.filter((p) => !progress[p.url]?.read).length;
      return { name: source.name || o.name, where: o.where, posts: source.posts.length, unread, ...(notes[i] ? { note: notes[i] } : {}) };
    });

  let selected = 0;
  for (;;) {
    const choice = await new Promise<number | 'quit' | 'interrupt'>((resolve) => {
      let settled = false;
      const finish = (value: number | 'quit' | 'interrupt') => {
        if (settled) return;
        settled = true;
        redraw = undefined;
        instance.unmount();
        resolve(value);
      };
      const view = (message?: string) => <StartScreen rows={rows()} initialSelected={selected} keymap={ctx.keymap} roles={ctx.roles} onChoose={(i) => choose(i)} onQuit={finish} {...(message ? { message } : {})} />;
      const instance = render(view(), ctx.inkOptions);
      redraw = () => instance.rerender(view());
      const choose = (i: number) => {
        selected = i;
        if (sources[i]) finish(i);
        else if (refreshing.has(i)) {
          instance.rerender(view(`fetching ${options[i]!.name}…`));
          void refreshing.get(i)!.then(() => (sources[i] ? finish(i) : instance.rerender(view(`${options[i]!.name}: ${notes[i] ?? 'no posts'}`))));
        } else instance.rerender(view(`${options[i]!.name}: nothing to show`));
      };
    });
    if (choice === 'quit') return 0;
    if (choice === 'interrupt') return 130;
    if ((await ctx.show(sources[choice]!)) === 'interrupt') return 130;
  }
}
