// The feed-sync worker thread (a separate entry of the bundle: dist/feed-sync.mjs). A screen that
// shows a feed's cached copy starts this thread after its first frame: it makes the conditional
// request, reads and parses a changed feed and the pages of its summary-only posts, and writes
// the cache, off the thread that answers keys.
import { parentPort, workerData } from 'node:worker_threads';
import { syncForScreen, type FeedSyncRequest } from './feedPosts.js';

const request = workerData as FeedSyncRequest;
syncForScreen(request.address, process.env).then(
  (answer) => parentPort!.postMessage(answer),
  (error: unknown) => parentPort!.postMessage({ error: String((error as Error)?.message ?? error) }),
);
