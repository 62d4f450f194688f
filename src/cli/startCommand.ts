// `blog-tui` with no command: the full-screen app over the posts (bundled, a folder, a blog by its
// address, or the start screen of the subscriptions) on a terminal, else the list printed. Run by
// the parser (main.ts) and, for the command lines it need not see, by quickStart.ts.
import type { Settings } from '../config/settings.js';
import { interactive, loadSource, tuiSettings, useColor, write, type GlobalOptions } from './commandSupport.js';
import { listJson, listTable } from './listOutput.js';

/** `blog-tui list`: the posts as a table, or as JSON. */
export async function runList(json: boolean, settings: Settings, globals: GlobalOptions): Promise<number> {
  const { posts } = await loadSource(settings, globals);
  const width = process.stdout.isTTY ? process.stdout.columns : undefined;
  await write(json ? listJson(posts) : listTable(posts, width));
  return 0;
}

/** The program without a command: the exit code. */
export async function runStart(settings: Settings, g: GlobalOptions): Promise<number> {
  // Without a terminal (a pipe, CI, TERM=dumb) there is no full screen: print the list instead.
  if (!interactive()) return runList(false, settings, g);
  const folder = settings.posts.value;
  const byHead = folder && g.url === undefined && settings.feeds.length === 0 && !g.drafts && !g.future && !g.verbose;
  // The module that reads a cache's head loads alongside the app's, not after it.
  const feedHead = g.url !== undefined && !g.verbose ? import('./feedPreview.js') : undefined;
  const folderHead = byHead ? import('./folderHead.js') : undefined;
  const { runTui } = await import('../tui/tuiSetup.js');
  const common = { ...tuiSettings(settings), color: useColor(process.stdout, g), keepState: g.state !== false };
  // A folder's list: its first screen from the head of its cache, painted while the rest of
  // the cache is read (the posts of other options, or anything said on stderr, wait for it).
  // A blog's address: the first screen from the head of its cached list, the same way.
  if (feedHead) {
    const { feedPreview } = await feedHead;
    const preview = feedPreview(g.url!);
    if (preview) return runTui({ ...common, preview, loadSource: () => loadSource(settings, g, 'later') });
  }
  if (folder && folderHead) {
    const { folderPreview } = await folderHead;
    const preview = folderPreview(folder);
    if (preview) return runTui({ ...common, preview, loadSource: () => loadSource(settings, g, 'later') });
  }
  // The cached list at once; the folder is checked from its first frame on.
  const source = await loadSource(settings, g, 'later');
  // Subscriptions: a start screen lists them after the posts folder (or the bundled posts).
  if (settings.feeds.length > 0 && g.url === undefined) {
    const { subscriptionOptions } = await import('./feedPosts.js');
    const local = { name: source.name, where: settings.posts.value ?? 'the bundled posts', cached: async () => source };
    return runTui({ ...common, sources: [local, ...subscriptionOptions(settings.feeds)] });
  }
  return runTui({ ...common, source });
}
