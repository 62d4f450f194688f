import { render } from 'ink';
import { App } from './components/App.js';
import type { AppState } from './state/appReducer.js';
import { withBindings } from './keymap.js';
import { withoutLateAnswers } from './terminalBackground.js';
import type { Roles } from '../render/style.js';
import { rolesFor } from '../render/painters.js';
import { scrollbackSafe } from './terminalSession.js';
import type { PostSource, SourceOption, SourceUpdate } from './postSource.js';
import type { PostEntry } from '../content/postEntry.js';
import { sanitizeLine } from '../content/sanitize.js';
import { StartScreen, type SourceRow } from './components/StartView.js';
import { loadRenderer, type Prepared } from './tuiSetup.js';
import type { memoryProgressStore } from './progressStore.js';
import { startSourceUpdates } from './sourceUpdates.js';

/** Shows the app prepared by prepareTui (tuiSetup.ts) until the user quits; resolves with the exit code. */
export async function showTui(prepared: Prepared): Promise<number> {
  const { options, chosen, look, hyperlinks, cache, warnings, warn, store, keymap, firstState, state, stdin, terminal } = prepared;
  // Every screen is drawn in the look; without colour that is the plain style.
  const color = true;
  const inkOptions = { stdout: scrollbackSafe(process.stdout), stdin: chosen.late ? withoutLateAnswers(stdin) : stdin, exitOnCtrlC: false, patchConsole: true, incrementalRendering: false };
  const leaving = prepared.leaving;
  const showApp = async (source: PostSource, initial: AppState): Promise<'quit' | 'interrupt'> => {
    let exitKind = 'quit' as 'quit' | 'interrupt';
    // What a folder check or a feed's fetch after the first frame found, handed to the app: started
    // with the first frame for the list shown then, else now.
    const early = prepared.updates?.source === source ? prepared.updates : undefined;
    const updates = early ?? startSourceUpdates(source, leaving.signal, warnings, warn);
    const postsUpdates = (listen: (update: SourceUpdate) => void) => (updates ? updates.subscribe(listen) : () => undefined);
    const instance = render(
      <App
        source={source}
        initialState={initial}
        renderer={prepared.renderer}
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
