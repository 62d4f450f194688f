// The folder-check worker thread (a separate entry of the bundle: dist/folder-check.mjs). The
// full-screen app starts on the cached index of a --posts folder and starts this thread after
// its first frame: it walks the folder, compares it with the cache, reads what changed and
// writes the cache again, off the thread that answers keys.
import { parentPort, workerData } from 'node:worker_threads';
import type { PostEntry } from '../content/postEntry.js';
import { checkFolderNow, type FolderCheckRequest } from './folderPosts.js';

const request = workerData as FolderCheckRequest;
const partial = request.partial ? (entries: PostEntry[]) => parentPort!.postMessage({ partial: entries }) : undefined;
checkFolderNow(request.dir, request.options, process.env, request.files, partial).then(
  (update) => parentPort!.postMessage(update),
  (error: unknown) => parentPort!.postMessage({ error: String((error as Error)?.message ?? error) }),
);
