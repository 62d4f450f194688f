import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Text, useApp, useInput, useStdout } from 'ink';
import { bindingFor, KEYMAP, keyNames, parseMouse, type Keymap, type MouseKey } from '../keymap.js';
import { MIN_COLS, MIN_ROWS, readerGeometry, tooSmall, type Size } from '../geometry.js';
import { keyScope, listEntryAtRow, listView, primeRanking, rankQuery, reduce, type AppAction, type AppState } from '../state/appReducer.js';
import { rankingBuild } from '../state/listView.js';
import { sanitizeLine } from '../../content/sanitize.js';
import { fetchedAgo } from '../../content/dates.js';
import type { LineMatch } from '../../content/textSearch.js';
import { plainLine, searchLines } from '../lineSearch.js';
import type { RenderedPost } from '../../render/markdownRenderer.js';
import type { PostSource, RenderFn, SourceUpdate } from '../postSource.js';
import { feedStatusAfter, feedStatusOf, listNote, readerNote } from '../feedNote.js';
import type { PostEntry } from '../../content/postEntry.js';
import type { ProgressStore } from '../progressStore.js';
import { BodyCache, MIN_BODY_QUERY, searchBodies } from '../bodySearch.js';
import { editorCommand, openLink, type OpenOptions } from '../openLink.js';
import type { TerminalSession } from '../terminalSession.js';
import { ListView } from './ListView.js';
import { ReaderView } from './ReaderView.js';
import { HelpView } from './HelpView.js';
import { PickerView } from './PickerView.js';
import { UiContext, type Ui } from './uiContext.js';
import { AHEAD_MAX_WORDS, forgetPost, layOutSelected, layoutKey, layoutOf, renderPostCached } from '../postLayouts.js';

export { layoutKey, layoutOf, renderPostCached } from '../postLayouts.js';
import { PLAIN_ROLES, type Look } from '../../render/style.js';
import { rolesFor, terminalLevel } from '../../render/painters.js';

export interface AppProps {
  source: PostSource;
  initialState: AppState;
  /** The Markdown renderer, when already loaded. */
  renderer?: RenderFn;
  /** Loads the renderer on first use (it is not needed to show the list). */
  loadRenderer: () => Promise<RenderFn>;
  color: boolean;
  /** Make links clickable (OSC 8) in terminals that support it. */
  hyperlinks?: boolean;
  /** Rendered posts by `url@width` (layoutKey), shared with whoever prepared the first screen. */
  cache?: Map<string, RenderedPost>;
  store?: ProgressStore;
  /** Opens a link in the browser; resolves with a one-line report. */
  open?: (href: string, options?: OpenOptions) => Promise<string>;
  /** The terminal: Ctrl-Z, and commands that take it over (the editor, a text browser). */
  terminal?: Pick<TerminalSession, 'suspend' | 'runForeground' | 'onResume'>;
  onExit: (kind: 'quit' | 'interrupt') => void;
  /** The keymap in force (the defaults with the config file's bindings). */
  keymap?: Keymap;
  /**
   * Subscribes to what a check after start found: the posts as the folder or feed holds them
   * when they changed (the list is updated in place), and when a feed was fetched.
   */
  postsUpdates?: (listener: (update: SourceUpdate) => void) => () => void;
  /** The style and colour depth of posts and screens (default: dark at the terminal's depth with colour, none without). */
  look?: Look;
}

/** The renderer is loaded this long after start, while the user looks at the list. */
const PRELOAD_DELAY_MS = 100;
/** The selected post is rendered ahead of Enter once the selection has rested this long (see layOutSelected). */
const PRERENDER_REST_MS = 150;
const CLEAR_SCREEN = '\u001b[H\u001b[2J';

/** Printable text of more than one character, with no key held: a paste, or keys faster than a frame. */
function isPaste(input: string, key: { ctrl?: boolean; meta?: boolean }): boolean {
  return input.length > 1 && !key.ctrl && !key.meta && !/[\u0000-\u001f\u007f-\u009f]/.test(input);
}

/** Calls `use` with the post: now when it is ready, else when it is. */
function whenReady(rendered: RenderedPost | Promise<RenderedPost>, use: (post: RenderedPost) => void): void {
  if (rendered instanceof Promise) void rendered.then(use);
  else use(rendered);
}


function terminalSize(stdout: NodeJS.WriteStream): Size {
  return { cols: stdout.columns || 80, rows: stdout.rows || 24 };
}

export function App(props: AppProps) {
  const keymap = props.keymap ?? KEYMAP;
  const { look, color } = props;
  const roles = useMemo(() => (look ? rolesFor(look.depth, look.style) : color ? rolesFor(terminalLevel()) : PLAIN_ROLES), [look, color]);
  const ui = useMemo<Ui>(() => ({ keymap, roles }), [keymap, roles]);
  return (
    <UiContext.Provider value={ui}>
      <Screens {...props} keymap={keymap} />
    </UiContext.Provider>
  );
}

const LAYING_OUT = 'Laying the post out…';

/** How long one slice of the list's ranking may take before keys are read again. */
const RANK_SLICE_MS = 8;

function Screens({ source: given, postsUpdates, initialState, renderer, loadRenderer, color, hyperlinks = false, cache: sharedCache, store, open = openLink, terminal, onExit, keymap, look }: AppProps) {
  const { exit } = useApp();
  const { stdout, write } = useStdout();
  // The reducer runs here synchronously so that every key sees the state left by the key
  // before it, however fast keys arrive.
  const store$ = useRef(initialState);
  const [state, setState] = useState(initialState);
  // The posts are the state's: the list may be updated in place after start.
  const source = useMemo<PostSource>(() => ({ ...given, get posts() { return store$.current.posts as PostEntry[]; } }), [given]);
  const rendererRef = useRef<RenderFn | undefined>(renderer);
  const cache = useRef(sharedCache ?? new Map<string, RenderedPost>());
  const bodies = useRef<BodyCache | null>(null);
  const cancelBodySearch = useRef<() => void>(() => undefined);
  const cancelLineSearch = useRef<() => void>(() => undefined);
  const redraw = useRef<() => void>(() => undefined);

  const dispatch = useCallback(
    (action: AppAction) => {
      const previous = store$.current;
      const next = reduce(previous, action);
      if (next === previous) return;
      store$.current = next;
      setState(next);
      if (store && next.progress !== previous.progress) {
        for (const [slug, progress] of Object.entries(next.progress)) {
          if (previous.progress[slug] !== progress) store.save(source.id, slug, progress);
        }
      }
      if (next.exit && !previous.exit) {
        store?.flush();
        onExit(next.exit);
        exit();
      }
    },
    [exit, onExit, store, source.id],
  );

  const renderedFor = useCallback(
    (render: RenderFn, index: number, size: Size) => {
      const width = readerGeometry(size, source.posts[index]!.title, store$.current.maxTextWidth).textWidth;
      return { width, rendered: renderPostCached(cache.current, source, render, index, width, color, hyperlinks, look) };
    },
    [source, color, hyperlinks, look],
  );

  /** The post at `index`, open in the reader, laid out again from its text (its layouts were forgotten). */
  const relayoutOpen = useCallback(
    (index: number) => {
      const reader = store$.current.reader;
      if (!reader || reader.index !== index || !rendererRef.current) return;
      const { width, rendered } = renderedFor(rendererRef.current, index, store$.current.size);
      whenReady(rendered, (post) => {
        if (store$.current.reader?.index === index) dispatch({ type: 'reload', layout: layoutOf(post, width) });
      });
    },
    [renderedFor, dispatch],
  );

  const currentRendered = useCallback((): RenderedPost | undefined => {
    const reader = store$.current.reader;
    return reader ? cache.current.get(layoutKey(store$.current.posts[reader.index]!, reader.layout.width)) : undefined;
  }, []);

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

  // The post last asked for: a layout that arrives after another post was asked for is not shown.
  const opening = useRef(0);
  const openPost = useCallback(
    (index: number) => {
      const ticket = ++opening.current;
      // The list may be replaced while the post is laid out (the folder checked after start):
      // the post is the one chosen, found again by its URL path.
      const url = store$.current.posts[index]?.url;
      const indexNow = () => (store$.current.posts[index]?.url === url ? index : store$.current.posts.findIndex((p) => p.url === url));
      withRenderer((render) => {
        const at = indexNow();
        if (at < 0) return;
        const { width, rendered } = renderedFor(render, at, store$.current.size);
        const slow = rendered instanceof Promise ? setTimeout(() => dispatch({ type: 'message', text: LAYING_OUT }), 150) : undefined;
        whenReady(rendered, (post) => {
          clearTimeout(slow);
          if (ticket !== opening.current || store$.current.exit) return;
          const now = indexNow();
          if (now < 0) return;
          dispatch({ type: 'open', index: now, layout: layoutOf(post, width) });
          // The post is there: the note that it was being laid out is over.
          if (store$.current.message === LAYING_OUT) dispatch({ type: 'message', text: null });
        });
      });
    },
    [withRenderer, renderedFor, dispatch],
  );

  /**
   * The list ranked for a new filter in slices of a few milliseconds: a short list is ranked in
   * the first slice and shown with the key; a long one shows the typed filter at once and its
   * posts when ranked. A newer filter drops an older ranking unfinished.
   */
  const cancelRanking = useRef<() => void>(() => undefined);
  const rankList = useCallback(
    (text: string) => {
      cancelRanking.current();
      const query = rankQuery(store$.current, text);
      const build = rankingBuild(query);
      let cancelled = false;
      cancelRanking.current = () => {
        cancelled = true;
      };
      const first = build.step(performance.now() + RANK_SLICE_MS);
      if (first) {
        primeRanking(query, first);
        dispatch({ type: 'input', text });
        return;
      }
      dispatch({ type: 'input', text, deferred: true });
      const step = () => {
        if (cancelled) return;
        const ranking = build.step(performance.now() + RANK_SLICE_MS);
        if (!ranking) {
          setTimeout(step, 0);
          return;
        }
        primeRanking(query, ranking);
        dispatch({ type: 'applyFilter', text });
      };
      setTimeout(step, 0);
    },
    [dispatch],
  );

  /** Searches the posts' bodies for the filter in the background. */
  const searchBodiesFor = useCallback(
    (text: string) => {
      cancelBodySearch.current();
      const query = text.trim();
      if (query.length < MIN_BODY_QUERY) return;
      bodies.current ??= new BodyCache(source);
      cancelBodySearch.current = searchBodies(bodies.current, source.posts.length, query, (hits) => {
        dispatch({ type: 'bodyHits', query, hits });
      });
    },
    [dispatch, source],
  );

  const filterChanged = useCallback(
    (text: string) => {
      cancelBodySearch.current();
      rankList(text);
      searchBodiesFor(text);
    },
    [rankList, searchBodiesFor],
  );

  // The posts as the folder holds them, checked after start: they replace the list's once the
  // open post (if one is open) is among them; the body search starts again over them.
  const waitingPosts = useRef<PostEntry[] | null>(null);
  // Files whose posts changed since their layouts were made: the open one is laid out again once the new posts are in.
  const changedFiles = useRef(new Set<string>());
  const applyPosts = useCallback(() => {
    const posts = waitingPosts.current;
    if (!posts) return;
    dispatch({ type: 'posts', posts });
    if (store$.current.posts !== posts) return;
    waitingPosts.current = null;
    cancelBodySearch.current();
    bodies.current = null;
    const reader = store$.current.reader;
    if (reader && changedFiles.current.has(posts[reader.index]!.file)) {
      forgetPost(cache.current, posts[reader.index]!);
      relayoutOpen(reader.index);
    }
    changedFiles.current.clear();
    searchBodiesFor(store$.current.filter.text);
  }, [dispatch, searchBodiesFor, relayoutOpen]);
  // A feed's copy: when it was fetched, and whether the fetch after the first frame answered.
  const [feedStatus, setFeedStatus] = useState(() => feedStatusOf(given));
  useEffect(
    () =>
      postsUpdates?.((update) => {
        setFeedStatus((status) => feedStatusAfter(status, update));
        if (update.offline) dispatch({ type: 'message', text: sanitizeLine(`Showing the copy ${fetchedAgo(update.fetchedAt ?? '')}: ${update.offline}`) });
        if (!update.posts) return;
        if (update.changed?.length) {
          const changed = new Set(update.changed);
          for (const post of [...store$.current.posts, ...update.posts]) if (changed.has(post.file)) forgetPost(cache.current, post);
          for (const file of changed) changedFiles.current.add(file);
        }
        if (update.samePlaces && !waitingPosts.current) {
          dispatch({ type: 'posts', posts: update.posts, samePlaces: true });
          return;
        }
        waitingPosts.current = update.posts;
        applyPosts();
      }),
    [postsUpdates, applyPosts, dispatch],
  );
  useEffect(() => {
    if (waitingPosts.current) applyPosts();
  }, [state.screen, applyPosts]);

  /**
   * The post searched for `query` in slices: `found` gets the matches at once when the first slice
   * reached the end (`late` false), else later (`late` true). Any search still under way is over.
   */
  const searchPost = useCallback((post: RenderedPost, query: string, found: (matches: LineMatch[], late: boolean) => void): boolean => {
    cancelLineSearch.current();
    let late = false;
    const search = searchLines(post.lines, query, (matches) => found(matches, late));
    late = true;
    cancelLineSearch.current = search.cancel;
    return search.finished;
  }, []);

  const searchChanged = useCallback(
    (text: string) => {
      const rendered = currentRendered();
      if (!rendered) {
        dispatch({ type: 'input', text, matches: [] });
        return;
      }
      const finished = searchPost(rendered, text, (matches, late) =>
        dispatch(late ? { type: 'searchDone', query: text, matches } : { type: 'input', text, matches }),
      );
      if (!finished) dispatch({ type: 'input', text, pending: true });
    },
    [currentRendered, dispatch, searchPost],
  );

  // The resize last asked for: a layout that arrives after another resize is not applied.
  const resizing = useRef(0);
  useEffect(() => {
    const onResize = () => {
      // The terminal has reflowed the old frame: clear it and let Ink draw a whole new one.
      write(CLEAR_SCREEN);
      const size = terminalSize(stdout);
      // Every resize is newer than any layout still on its way, even one answered at once.
      const ticket = ++resizing.current;
      const current = store$.current;
      if (current.reader && rendererRef.current) {
        const index = current.reader.index;
        const { width, rendered } = renderedFor(rendererRef.current, index, size);
        const apply = (post: RenderedPost) => {
          const query = store$.current.reader?.search?.query;
          if (!query) {
            dispatch({ type: 'resize', size, layout: layoutOf(post, width) });
            return;
          }
          const finished = searchPost(post, query, (matches, late) =>
            dispatch(late ? { type: 'searchDone', query, matches } : { type: 'resize', size, layout: layoutOf(post, width), matches }),
          );
          if (!finished) dispatch({ type: 'resize', size, layout: layoutOf(post, width), matches: [], pending: true });
        };
        if (rendered instanceof Promise) {
          // Laid out in the background: the new size with its layout when it is ready, so no
          // frame shows the old layout at the new size; the size alone only if the layout is
          // slow. Nothing is applied once the terminal was resized again.
          const interim = setTimeout(() => {
            if (ticket === resizing.current) dispatch({ type: 'resize', size });
          }, 150);
          void rendered.then((post) => {
            clearTimeout(interim);
            if (ticket !== resizing.current) return;
            if (store$.current.reader?.index === index) apply(post);
            else dispatch({ type: 'resize', size });
          });
        } else {
          apply(rendered);
        }
      } else {
        dispatch({ type: 'resize', size });
      }
    };
    stdout.on('resize', onResize);
    // Back from Ctrl-Z or from a command that had the terminal: draw everything again.
    const stopResume = terminal?.onResume(onResize);
    redraw.current = onResize;
    return () => {
      stdout.off('resize', onResize);
      stopResume?.();
    };
  }, [stdout, write, dispatch, renderedFor, terminal, searchPost]);

  useEffect(
    () => () => {
      cancelBodySearch.current();
      cancelLineSearch.current();
      cancelRanking.current();
    },
    [],
  );

  // Load the renderer in the background, so that the first post opens at once.
  const [rendererReady, setRendererReady] = useState(renderer !== undefined);
  useEffect(() => {
    const timer = setTimeout(() => withRenderer(() => setRendererReady(true)), PRELOAD_DELAY_MS);
    return () => clearTimeout(timer);
  }, [withRenderer]);

  // Render the selected post while the user decides, so that Enter only has to show it.
  const selected = state.screen === 'list' ? listView(state)[state.list.selected] : undefined;
  const selectedIndex = selected?.index;
  useEffect(() => {
    if (!rendererReady || selectedIndex === undefined || state.posts[selectedIndex]!.words > AHEAD_MAX_WORDS) return;
    const timer = setTimeout(() => {
      if (rendererRef.current) layOutSelected(cache.current, source, rendererRef.current, store$.current, color, hyperlinks, look);
    }, PRERENDER_REST_MS);
    return () => clearTimeout(timer);
  }, [rendererReady, selectedIndex, state.size, state.posts, source, color, hyperlinks, look]);

  /** `v`: the post's file in the editor, in the foreground; then the post read again. */
  const editPost = useCallback(
    (index: number) => {
      const entry = source.posts[index]!;
      const file = source.filePath?.(entry);
      if (!terminal || !file) {
        dispatch({ type: 'message', text: 'This post has no file to edit' });
        return;
      }
      const { command, args } = editorCommand(file);
      const result = terminal.runForeground(command, args);
      forgetPost(cache.current, entry);
      bodies.current = null;
      relayoutOpen(index);
      if (result.error) dispatch({ type: 'message', text: sanitizeLine(`Could not start ${command}: ${result.error}`) });
      else if (result.status !== 0) dispatch({ type: 'message', text: sanitizeLine(`${command} exited with status ${result.status ?? 'unknown'}`) });
    },
    [source, terminal, dispatch, relayoutOpen],
  );

  /** One edit of the filter or search being typed: a key, or a whole paste at once. */
  const editInput = useCallback(
    (edit: (text: string) => string) => {
      const current = store$.current;
      if (current.screen === 'list') {
        // The old filter is shown selected: typing replaces it.
        filterChanged(edit(current.filter.selected ? '' : current.filter.text));
      } else if (current.screen === 'tags') {
        dispatch({ type: 'input', text: edit(current.tagFilter.text) });
      } else {
        searchChanged(edit(current.reader?.search?.query ?? ''));
      }
    },
    [dispatch, filterChanged, searchChanged],
  );

  const onKey = useCallback(
    (name: string, at?: MouseKey) => {
      const current = store$.current;
      const scope = keyScope(current);
      const binding = bindingFor(scope, name, keymap);
      const action = binding?.action;
      if (scope === 'input' && (action === undefined || action === 'deleteChar')) {
        const typed = name === 'space' ? ' ' : [...name].length === 1 && name >= ' ' ? name : null;
        if (action !== 'deleteChar' && typed === null) return;
        editInput(action === 'deleteChar' ? (text) => [...text].slice(0, -1).join('') : (text) => text + typed);
        return;
      }
      if (!action) return;
      if (action === 'suspend') {
        terminal?.suspend();
        return;
      }
      if (action === 'redraw') {
        redraw.current();
        return;
      }
      if (action === 'edit') {
        const index = current.screen === 'reader' ? current.reader?.index : listView(current)[current.list.selected]?.index;
        if (index !== undefined) editPost(index);
        return;
      }
      if (scope === 'list' && name === 'click' && at) {
        const entry = listEntryAtRow(current, at.y);
        if (entry) openPost(entry.index);
        return;
      }
      if ((scope === 'input' && action === 'cancel' && current.screen === 'list') || (scope === 'list' && action === 'clearFilter')) {
        cancelBodySearch.current();
        cancelRanking.current();
      }
      if (scope === 'list' && action === 'open') {
        const entry = listView(current)[current.list.selected];
        if (entry) openPost(entry.index);
        return;
      }
      if (scope === 'reader' && (action === 'nextPost' || action === 'previousPost') && current.reader) {
        const entries = listView(current);
        const at = entries.findIndex((e) => e.index === current.reader!.index);
        const target = entries[at + (action === 'nextPost' ? 1 : -1)];
        if (target) openPost(target.index);
        else dispatch({ type: 'message', text: action === 'nextPost' ? 'This is the last post' : 'This is the first post' });
        return;
      }
      if (scope === 'picker' && action === 'choose' && current.screen === 'links' && current.reader) {
        const link = current.reader.layout.links[current.picker.selected];
        if (link && (link.kind === 'jump' || link.kind === 'note')) {
          dispatch({ type: 'key', action, key: name });
          return;
        }
        if (link) void open(link.href, { runForeground: terminal?.runForeground }).then((report) => dispatch({ type: 'message', text: sanitizeLine(report) }));
        return;
      }
      dispatch({ type: 'key', action, key: name, ...(binding.count === undefined ? {} : { count: binding.count }) });
    },
    [dispatch, editInput, openPost, open, terminal, editPost, keymap],
  );

  useInput((input, key) => {
    // Mouse reports arrive as one input each; they are keys too (the wheel, a click).
    const mouse = parseMouse(input);
    if (mouse !== undefined) {
      if (mouse) onKey(mouse.name, mouse);
      return;
    }
    // Ink delivers a paste as one input: typed into a prompt, it is one edit, not one per character.
    if (keyScope(store$.current) === 'input' && isPaste(input, key)) {
      editInput((text) => text + input);
      return;
    }
    for (const name of keyNames(input, key)) onKey(name);
  });

  if (tooSmall(state.size)) {
    const { cols, rows } = state.size;
    const full = `Terminal too small: ${cols}x${rows}, blog-tui needs ${MIN_COLS}x${MIN_ROWS}`;
    const message = full.length <= cols ? full : 'Too small';
    return <Text wrap="truncate-end">{message}</Text>;
  }
  if (state.screen === 'help') return <HelpView state={state} />;
  if (state.screen === 'tags' || state.screen === 'toc' || state.screen === 'links') return <PickerView state={state} />;
  if (state.screen === 'reader' && state.reader) {
    const { index, layout } = state.reader;
    const rendered = cache.current.get(layoutKey(state.posts[index]!, layout.width));
    return <ReaderView state={state} lines={rendered?.lines ?? []} note={readerNote(feedStatus)} />;
  }
  return <ListView state={state} blogName={source.name} note={feedStatus && listNote(feedStatus)} />;
}
