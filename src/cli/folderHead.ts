// The first screen of a posts folder's list, read from the head of its cache before anything
// else of the folder is looked at (see content/indexCache.ts): the full-screen app paints it while
// the whole cache is read.
import { realpathSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import pkg from '../../package.json' with { type: 'json' };
import { cacheFile, readCacheHead, type FirstScreen } from '../content/indexCache.js';

export interface FolderPreview {
  /** The folder's real path: the posts' collection in the reading state. */
  id: string;
  /** The list's title: the site's, else the folder's name. */
  name: string;
  screen: FirstScreen;
}

/** The first screen of the folder `dir` from its cache's head, or undefined when there is none to trust. */
export function folderPreview(dir: string, env: NodeJS.ProcessEnv = process.env): FolderPreview | undefined {
  try {
    const folder = resolve(dir);
    const root = realpathSync(folder);
    const screen = readCacheHead(cacheFile(root, env), root, `blog-tui ${pkg.version}`);
    return screen && { id: root, name: screen.title ?? basename(folder), screen };
  } catch {
    return undefined;
  }
}
