// The full-screen app up to its first frame, without Ink or React: the look, the reading state,
// the first state, the terminal session, and, for the post list, the first frame painted as Ink
// will draw it. Ink loads after that (runTui.tsx) and draws the same frame over it, so the list is
// on screen while the framework loads; keys typed meanwhile wait in the terminal (raw mode is on
// from the first frame, so they are not echoed) until Ink reads them.
import { supportsHyperlink } from 'supports-hyperlinks';
import { initialState, reduce, standaloneState, type AppState, type StartOptions } from './state/appReducer.js';
import { SORT_ORDERS } from './state/listView.js';
import { bindingFor, withBindings, type KeyAction, type Keymap } from './keymap.js';
import { chooseStyle, type Chosen } from './chooseStyle.js';
import type { Depth, Look, StyleSetting } from '../render/style.js';
import { rolesFor, terminalLevel } from '../render/painters.js';
import { colorDepth } from '../config/colorDepth.js';
import { readerGeometry, tooSmall } from './geometry.js';
import { startTerminalSession, type TerminalSession } from './terminalSession.js';
import type { PostSource, RenderFn, SourceOption } from './postSource.js';
import type { RenderedPost } from '../render/markdownRenderer.js';
import type { PostEntry } from '../content/postEntry.js';
import { openReadingStore } from '../state/readingStore.js';
import { RenderWorker, workerFile } from './renderWorkerClient.js';
import { fileProgressStore, memoryProgressStore, type ProgressStore } from './progressStore.js';
import { layOutSelected, layoutOf, renderPostCached } from './postLayouts.js';
import { listLines } from './listLines.js';
import { frameLine, frameText } from './frameText.js';
import { listGeometry } from './geometry.js';
import type { FirstScreen } from '../content/indexCache.js';
import { feedStatusOf, listNote } from './feedNote.js';
import { COLLECT_FROM_POSTS, collectGarbage } from './memory.js';
import { startSourceUpdates, type SourceUpdates } from './sourceUpdates.js';

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
  /**
   * The list's first screen, known before the posts (a posts folder's cache head): painted while
   * `loadSource` reads them. With it, `source` is what `loadSource` gives.
   */
  preview?: { id: string; name: string; screen: FirstScreen; fetchedAt?: string };
  loadSource?: () => Promise<PostSource>;
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
  /** The list's first state for some of a collection's posts (a preview's). */
  listState(id: string, posts: PostEntry[]): AppState;
  stdin: NodeJS.ReadStream;
  terminal: TerminalSession;
  /** Aborted when the app leaves: work started for it stops. */
  leaving: AbortController;
  /** The folder check or feed fetch of the list on screen, started with its first frame. */
  updates?: SourceUpdates;
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
  const inWorker = workerRenderer();
  if (inWorker) rendererPromise ??= Promise.resolve(inWorker);
  rendererPromise ??= Promise.all([import('../render/markdownRenderer.js'), import('../render/codeHighlight.js').then((m) => m.loadHighlighter())]).then(
    ([m]) => m.renderMarkdown,
  );
  return rendererPromise;
}

let workerRender: RenderFn | undefined;
/** The layout worker's renderer in the built app; undefined where there is no built worker. */
function workerRenderer(): RenderFn | undefined {
  if (workerRender) return workerRender;
  const file = workerFile();
  if (!file) return undefined;
  layoutWorker ??= new RenderWorker(file);
  const worker = layoutWorker;
  return (workerRender = (markdown, options) => worker.render(markdown, options));
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
const CLEAR = '\u001b[2J\u001b[H';

/** Whether Ink draws frames as they change here; in CI (is-in-ci's test) it writes only the last one. */
function inkDrawsFrames(env: NodeJS.ProcessEnv = process.env): boolean {
  const set = (name: string) => name in env && env[name] !== '0' && env[name] !== 'false';
  return !set('CI') && !set('CONTINUOUS_INTEGRATION');
}

/**
 * The list's first frame, written as Ink writes its first frame (synchronized, cursor hidden,
 * the frame and a newline), then the cursor sent home, where Ink starts its own first frame: the
 * same bytes over the same cells. Nothing for another screen, a terminal too small, or CI.
 * `count`: the posts of the state are the first of this many; `note`: how old a feed's copy is.
 * Returns the lines painted.
 */
export function paintFirstFrame(state: AppState, name: string, prepared: Pick<Prepared, 'keymap' | 'look'>, write: (text: string) => void, count?: number, note?: string): string[] | undefined {
  if (state.screen !== 'list' || tooSmall(state.size) || !inkDrawsFrames()) return undefined;
  const lines = listLines(state, name, prepared.keymap, rolesFor(prepared.look.depth, prepared.look.style), count, note);
  write(`${BEGIN_SYNC}${HIDE_CURSOR}${frameText(lines)}\n${END_SYNC}${HOME}`);
  return lines;
}

/**
 * The first screen of a preview painted, when it holds every post that screen shows in the
 * list's default order; the lines painted, or undefined.
 */
function paintPreview(preview: NonNullable<TuiOptions['preview']>, prepared: Prepared, write: (text: string) => void): string[] | undefined {
  const { screen } = preview;
  if ((prepared.options.sort ?? 'newest') !== 'newest' || prepared.options.standaloneIndex !== undefined) return undefined;
  const state = prepared.listState(preview.id, screen.posts);
  if (screen.posts.length < Math.min(screen.count, listGeometry(state.size).perPage)) return undefined;
  // A feed's copy is asked for after the first frame: the header says so from the start.
  const note = preview.fetchedAt === undefined ? undefined : listNote({ fetchedAt: preview.fetchedAt, checking: true, confirmed: false });
  return paintFirstFrame(state, preview.name, prepared, write, screen.count, note);
}

/** How many posts above and below the selected one are laid out ahead of Enter from the first frame on. */
const AHEAD_AROUND = 2;
/** How long after the first frame the selected post starts being laid out, unless the list is left sooner. */
const AHEAD_AFTER_MS = 50;

/** The list's moves, answered before Ink has loaded; and leaving. */
const EARLY_ACTIONS = new Set<KeyAction>(['down', 'up', 'pageDown', 'pageUp', 'halfPageDown', 'halfPageUp', 'top', 'bottom', 'quit', 'interrupt']);
/** Ink loads once no key has come for this long after the first frame (or at a key not answered before). */
const EARLY_IDLE_MS = 250;
/** Keys as a terminal sends them, by the names the keymap uses. */
const SEQUENCES: ReadonlyArray<[string, string]> = [
  ['\u001b[A', 'up'], ['\u001b[B', 'down'], ['\u001b[5~', 'pageup'], ['\u001b[6~', 'pagedown'],
  ['\u001b[H', 'home'], ['\u001b[1~', 'home'], ['\u001bOH', 'home'], ['\u001b[F', 'end'], ['\u001b[4~', 'end'], ['\u001bOF', 'end'],
  ['\u001bOA', 'up'], ['\u001bOB', 'down'],
];

/** The first key of `text` and its length; undefined when it is not one the list answers early (or a count's digit). */
function earlyKey(text: string): { name: string; length: number } | undefined {
  for (const [sequence, name] of SEQUENCES) if (text.startsWith(sequence)) return { name, length: sequence.length };
  const code = text.charCodeAt(0);
  if (code >= 0x21 && code <= 0x7e && !(code >= 0x30 && code <= 0x39)) return { name: text[0]!, length: 1 };
  if (code === 0x20) return { name: 'space', length: 1 };
  if (code >= 1 && code <= 26 && code !== 8 && code !== 9 && code !== 10 && code !== 13) return { name: `ctrl+${String.fromCharCode(code + 96)}`, length: 1 };
  return undefined;
}

/**
 * Answers the list's moves (and q, Ctrl-C) typed after the first frame, before Ink has loaded,
 * with the app's reducer and frames drawn as Ink draws them, line by line; resolves with the
 * state reached once no key has come for EARLY_IDLE_MS, at the first key it does not answer (left
 * in the input, with what follows it, for Ink), or at a resize (the screen cleared for Ink).
 */
function answerEarlyKeys(first: AppState, painted: string[], name: string, prepared: Prepared, write: (text: string) => void, note?: string): Promise<AppState> {
  const { stdin, keymap } = prepared;
  const roles = rolesFor(prepared.look.depth, prepared.look.style);
  let state = first;
  let shown = painted;
  return new Promise((resolve) => {
    const finish = (rest = '') => {
      clearTimeout(timer);
      stdin.off('data', onData);
      process.stdout.off('resize', onResize);
      stdin.pause();
      if (rest) stdin.unshift(Buffer.from(rest, 'latin1'));
      resolve(state);
    };
    let timer = setTimeout(finish, EARLY_IDLE_MS);
    const draw = () => {
      const lines = listLines(state, name, keymap, roles, undefined, note);
      let out = '';
      lines.forEach((line, i) => {
        if (line !== shown[i]) out += `\u001b[${i + 1};1H${frameLine(line)}\u001b[K`;
      });
      shown = lines;
      if (out) write(`${BEGIN_SYNC}${out}${END_SYNC}${HOME}`);
    };
    const onData = (chunk: Buffer) => {
      let text = chunk.toString('latin1');
      while (text) {
        const key = earlyKey(text);
        const action = key && bindingFor('list', key.name, keymap)?.action;
        if (!key || !action || !EARLY_ACTIONS.has(action)) {
          // Ink draws its first frame over the screen as it stands: the state it is given first.
          draw();
          return finish(text);
        }
        state = reduce(state, { type: 'key', action, key: key.name });
        text = text.slice(key.length);
        if (state.exit) return finish(text);
      }
      draw();
      clearTimeout(timer);
      timer = setTimeout(finish, EARLY_IDLE_MS);
    };
    const onResize = () => {
      state = reduce(state, { type: 'resize', size: { cols: process.stdout.columns || 80, rows: process.stdout.rows || 24 } });
      write(CLEAR);
      finish();
    };
    stdin.on('data', onData);
    // Paused by the question of the background colour, if it was asked: attaching does not resume.
    stdin.resume();
    process.stdout.on('resize', onResize);
  });
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
  const listState = (id: string, posts: PostEntry[]) => initialState(posts, size, store.peek(id, posts), start);
  const leaving = new AbortController();
  return Object.assign(prepared, { options, chosen, look, hyperlinks, cache, warnings, warn, store, keymap, firstState, state, listState, stdin, terminal, leaving, restore });
}

/**
 * Runs the full-screen app until the user quits; resolves with the process exit code. The post
 * list is on screen before the full-screen framework has loaded.
 */
export async function runTui(options: TuiOptions): Promise<number> {
  const prepared = await prepareTui(options);
  const write = (text: string) => void process.stdout.write(text);
  // A feed's list says in its header how old its copy is, from the first frame on.
  const noteOf = (source: PostSource) => {
    const feed = feedStatusOf(source);
    return feed && listNote(feed);
  };
  let note = options.source && noteOf(options.source);
  try {
    let painted: string[] | undefined;
    if (options.preview && options.loadSource) {
      painted = paintPreview(options.preview, prepared, write);
      const source = await options.loadSource();
      prepared.options = { ...options, source };
      prepared.state = await prepared.firstState(source);
      note = noteOf(source);
      // The whole cache has the last word: a first screen it does not draw the same is cleared.
      const lines = painted && listLines(prepared.state, source.name, prepared.keymap, rolesFor(prepared.look.depth, prepared.look.style), undefined, note);
      if (painted && (lines!.length !== painted.length || lines!.some((line, i) => line !== painted![i]))) {
        write(CLEAR);
        painted = undefined;
      }
    } else if (prepared.state && options.source) {
      painted = paintFirstFrame(prepared.state, options.source.name, prepared, write, undefined, note);
    }
    const source = prepared.options.source;
    // A large list's cache, read and parsed, is garbage from here on: given back before the
    // layout worker and the folder check add their threads' heaps.
    if (source && source.posts.length >= COLLECT_FROM_POSTS) await collectGarbage();
    if (painted && prepared.state && source && prepared.stdin.isTTY) {
      // The folder is checked (or the feed fetched) from now on, while keys are answered here: a
      // large folder's check is done before Ink loads, rather than beside it.
      prepared.updates = startSourceUpdates(source, prepared.leaving.signal, prepared.warnings, prepared.warn);
      // The selected post and its neighbours are laid out in the layout worker from the first
      // frame on, while the list answers its moves here and Ink loads, so that Enter finds them ready.
      const render = workerRenderer();
      const ahead = (state: AppState) => render && layOutSelected(prepared.cache, source, render, state, true, prepared.hyperlinks, prepared.look, AHEAD_AROUND);
      const first = prepared.state;
      // A moment after the first frame rather than at once: starting the worker and reading the
      // post take this thread for a few milliseconds, which a key typed straight away waited for.
      const early = setTimeout(() => ahead(first), AHEAD_AFTER_MS);
      // The list answers its moves at once while nothing else is asked of it; Ink loads after.
      prepared.state = await answerEarlyKeys(prepared.state, painted, source.name, prepared, write, note);
      clearTimeout(early);
      if (prepared.state.exit) return prepared.state.exit === 'interrupt' ? 130 : 0;
      ahead(prepared.state);
      prepared.renderer ??= render;
    }
    const { showTui } = await import('./runTui.js');
    return await showTui(prepared);
  } finally {
    prepared.leaving.abort();
    prepared.restore();
    closeRenderer();
  }
}
