// The full-screen app up to its first frame, without Ink or React: the look, the reading state,
// the first state, the terminal session, and, for the post list, the first frame painted as Ink
// will draw it. Ink loads after that (runTui.tsx) and draws the same frame over it, so the list is
// on screen while the framework loads; keys typed meanwhile wait in the terminal (raw mode is on
// from the first frame, so they are not echoed) until Ink reads them.
import { supportsHyperlink } from 'supports-hyperlinks';
import { initialState, standaloneState, type AppState, type StartOptions } from './state/appReducer.js';
import { SORT_ORDERS } from './state/listView.js';
import { withBindings, type Keymap } from './keymap.js';
import { chooseStyle, type Chosen } from './chooseStyle.js';
import { rolesFor, terminalLevel, type Depth, type Look, type StyleSetting } from '../render/style.js';
import { colorDepth } from '../config/colorDepth.js';
import { readerGeometry, tooSmall } from './geometry.js';
import { startTerminalSession, type TerminalSession } from './terminalSession.js';
import type { PostSource, RenderFn, SourceOption } from './postSource.js';
import type { RenderedPost } from '../render/markdownRenderer.js';
import { openReadingStore } from '../state/readingStore.js';
import { RenderWorker, workerFile } from './renderWorkerClient.js';
import { fileProgressStore, memoryProgressStore, type ProgressStore } from './progressStore.js';
import { layoutOf, renderPostCached } from './postLayouts.js';
import { listLines } from './listLines.js';
import { frameText } from './frameText.js';

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

/** Everything settled before the first frame, handed to the full-screen app. */
export interface Prepared {
  options: TuiOptions;
  chosen: Chosen;
  look: Look;
  hyperlinks: boolean;
  /** Layouts by URL path and width, shared by the first screen and the app. */
  cache: Map<string, RenderedPost>;
  /** Lines for stderr once the full screen is down. */
  warnings: string[];
  warn(line: string): void;
  store: ProgressStore;
  /** The renderer, when the first screen needed it (`read SLUG`). */
  renderer?: RenderFn;
  keymap: Keymap;
  /** The first state of one source's posts (the list, or the reader of `read SLUG`). */
  firstState(source: PostSource): Promise<AppState>;
  /** The first state of `options.source`; undefined with `sources` (the start screen). */
  state?: AppState;
  stdin: NodeJS.ReadStream;
  terminal: TerminalSession;
  /** The terminal given back and the warnings printed (idempotent). */
  restore(): void;
}

let rendererPromise: Promise<RenderFn> | undefined;
let layoutWorker: RenderWorker | undefined;
/**
 * The renderer: the layout worker of the built app (so that no post can hold up keys and
 * signals), else, where there is no built worker, renderMarkdown in this thread.
 */
export function loadRenderer(): Promise<RenderFn> {
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

/** Ends the layout worker, if one was started. */
export function closeRenderer(): void {
  layoutWorker?.close();
}

/** Ink 6 writes each frame between these (synchronized output), except in CI. */
const BEGIN_SYNC = '\u001b[?2026h';
const END_SYNC = '\u001b[?2026l';
const HIDE_CURSOR = '\u001b[?25l';
const HOME = '\u001b[H';

/** Whether Ink draws frames as they change here; in CI (is-in-ci's test) it writes only the last one. */
function inkDrawsFrames(env: NodeJS.ProcessEnv = process.env): boolean {
  const set = (name: string) => name in env && env[name] !== '0' && env[name] !== 'false';
  return !set('CI') && !set('CONTINUOUS_INTEGRATION');
}

/**
 * The list's first frame, written as Ink writes its first frame (synchronized, cursor hidden,
 * the frame and a newline), then the cursor sent home, where Ink starts its own first frame: the
 * same bytes over the same cells. Nothing for another screen, a terminal too small, or CI.
 */
export function paintFirstFrame(state: AppState, source: PostSource, prepared: Pick<Prepared, 'keymap' | 'look' | 'stdin' | 'terminal'>, write: (text: string) => void): boolean {
  if (state.screen !== 'list' || tooSmall(state.size) || !inkDrawsFrames()) return false;
  const lines = listLines(state, source.name, prepared.keymap, rolesFor(prepared.look.depth, prepared.look.style));
  write(`${BEGIN_SYNC}${HIDE_CURSOR}${frameText(lines)}\n${END_SYNC}${HOME}`);
  return true;
}

/** Settles everything the first frame needs and starts the terminal session. */
export async function prepareTui(options: TuiOptions): Promise<Prepared> {
  const hyperlinks = options.color && supportsHyperlink(process.stdout);
  // Settled before the first frame, and before Ink reads the input: the terminal's answer comes on stdin.
  const depth = options.color ? Math.max(1, options.depth ?? colorDepth(process.stdout, process.env, terminalLevel()).depth) as Depth : 0;
  const stdin = options.stdin ?? process.stdin;
  // Keys typed from now on wait in the terminal for the app, not echoed (Node gives the terminal
  // its modes back on exit, whatever happens before the session below takes over).
  if (stdin.isTTY) stdin.setRawMode(true);
  const chosen = await chooseStyle(options.style ?? 'auto', depth, { stdin, stdout: process.stdout });
  const look = chosen.look;
  // Every screen is drawn in the look; without colour that is the plain style.
  const color = true;
  const size = { cols: process.stdout.columns || 80, rows: process.stdout.rows || 24 };
  const cache = new Map<string, RenderedPost>();
  // Warnings while the full screen is up would be drawn over; they are printed after it.
  const warnings: string[] = [];
  const warn = (line: string) => void warnings.push(line);
  const store = options.keepState !== false ? fileProgressStore(openReadingStore({ warn })) : memoryProgressStore();
  const problems = options.configProblems ?? 0;
  const start: StartOptions = {
    sort: SORT_ORDERS.find((s) => s === options.sort),
    maxTextWidth: options.maxTextWidth,
    message: problems > 0 ? `The config file has ${problems === 1 ? 'a mistake' : `${problems} mistakes`}: blog-tui config lists them` : null,
  };
  const keymap = withBindings(options.keys ?? []);
  const prepared: Partial<Prepared> = {};
  const firstState = async (source: PostSource) => {
    const progress = store.load(source.id, source.posts);
    if (options.standaloneIndex === undefined) return initialState(source.posts, size, progress, start);
    const renderer = (prepared.renderer = await loadRenderer());
    const index = options.standaloneIndex;
    const width = readerGeometry(size, source.posts[index]!.title, options.maxTextWidth).textWidth;
    const rendered = await renderPostCached(cache, source, renderer, index, width, color, hyperlinks, look);
    return standaloneState(source.posts, size, index, layoutOf(rendered, width), progress, start);
  };
  const state = options.source ? await firstState(options.source) : undefined;
  const terminal = startTerminalSession(stdin, { beforeRestore: () => store.flush(), mouse: options.mouse !== false });
  const restore = () => {
    terminal.restore();
    for (const line of warnings.splice(0)) process.stderr.write(`${line}\n`);
  };
  return Object.assign(prepared, { options, chosen, look, hyperlinks, cache, warnings, warn, store, keymap, firstState, state, stdin, terminal, restore });
}

/**
 * Runs the full-screen app until the user quits; resolves with the process exit code. The post
 * list is on screen before the full-screen framework has loaded.
 */
export async function runTui(options: TuiOptions): Promise<number> {
  const prepared = await prepareTui(options);
  try {
    if (prepared.state && options.source) {
      paintFirstFrame(prepared.state, options.source, prepared, (text) => process.stdout.write(text));
    }
    const { showTui } = await import('./runTui.js');
    return await showTui(prepared);
  } finally {
    prepared.restore();
    closeRenderer();
  }
}
