// The index-part worker thread (a separate entry of the bundle: dist/index-part.mjs). Indexing a
// folder that has many files to read starts it: it reads and parses files taken from the same
// shared counter as the thread that started it, so both cores index (src/cli/parallelRead.ts),
// and sends what it read in batches.
import { workerData } from 'node:worker_threads';
import { readRecord, type FileRecord } from '../content/indexBuild.js';
import { MAX_POST_BYTES, readBounded } from '../state/boundedRead.js';
import { folderSite, loadPostParser } from './folderPosts.js';
import { BATCH_MS, takeFiles, type IndexPartBatch, type IndexPartRequest } from './parallelRead.js';

const request = workerData as IndexPartRequest;
const send = (batch: IndexPartBatch) => request.port.postMessage(batch);

async function run(): Promise<void> {
  const parse = await loadPostParser(await folderSite(request.folder));
  const readFile = (path: string) => readBounded(path, MAX_POST_BYTES);
  let batch: Array<[number, FileRecord]> = [];
  let sentAt = performance.now();
  takeFiles(request.files, new Int32Array(request.next), (file) => readRecord(file, readFile, parse), (i, record) => {
    batch.push([i, record]);
    if (performance.now() - sentAt < BATCH_MS) return;
    send({ records: batch });
    batch = [];
    sentAt = performance.now();
  });
  send({ records: batch, done: true });
}

run().catch((error: unknown) => send({ records: [], error: String((error as Error)?.message ?? error) }));
