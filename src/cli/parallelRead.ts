import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import type { MessagePort, ResourceLimits, Worker } from 'node:worker_threads';
import { readRecord, type FileRecord, type ParsePost } from '../content/indexBuild.js';
import type { PostFile } from '../content/postFiles.js';
import { builtFile } from './workerTask.js';

/** Below this many files to read, a second thread costs more to start than it saves. */
export const PARALLEL_FROM = 48;

/**
 * How many threads index a folder: two when the machine has a core to spare beyond them for V8's
 * own threads (its optimizing compiler and garbage collector work beside each thread that runs
 * JavaScript). On two cores one thread was faster: the second thread's start and its compiler and
 * collector took the core the first thread's were using (a 1,263-post folder took 1.30 s on two
 * threads, 1.22 s on one). BLOG_TUI_INDEX_THREADS (1 or 2) decides instead.
 */
export function indexThreads(env: NodeJS.ProcessEnv = process.env, cores: number = availableParallelism()): 1 | 2 {
  const given = env.BLOG_TUI_INDEX_THREADS;
  if (given === '1' || given === '2') return given === '2' ? 2 : 1;
  return cores > 2 ? 2 : 1;
}

/** How often the second thread hands over what it has read, so that it can be shown. */
export const BATCH_MS = 150;

/**
 * The index-part worker's heap. Lexing every post of a folder makes garbage fast: with the small
 * young generation of the app's other workers (6 MB, src/tui/workerLimits.ts) the thread spent
 * about a sixth of its time collecting it, with 16 MB a tenth. The thread ends with the indexing.
 */
export const INDEX_PART_LIMITS: ResourceLimits = { maxYoungGenerationSizeMb: 16 };

/** What the index-part worker is given: the files to share, the counter both threads take them from, where to send records. */
export interface IndexPartRequest {
  folder: string;
  files: PostFile[];
  /** An Int32 in shared memory: the index of the next file nobody has taken yet. */
  next: SharedArrayBuffer;
  port: MessagePort;
}

/** A batch of records the index-part worker read, by index in `files`; `done` on its last one, `error` when it stopped. */
export interface IndexPartBatch {
  records: Array<[number, FileRecord]>;
  done?: boolean;
  error?: string;
}

/**
 * Takes files from the shared counter, one at a time, until none are left: the loop both
 * threads run, so each file is read by exactly one of them and a slow thread takes fewer.
 * `each` is called after every file with its index and record.
 */
export function takeFiles(files: readonly PostFile[], next: Int32Array, read: (file: PostFile) => FileRecord, each: (i: number, record: FileRecord) => void): void {
  for (let i = Atomics.add(next, 0, 1); i < files.length; i = Atomics.add(next, 0, 1)) each(i, read(files[i]!));
}

/**
 * Reads and parses `files` (with the parser `loadParser` gives) in this thread and, in the built app where `indexThreads` says two, in a second thread that takes
 * files from the same counter (dist/index-part.mjs): a folder seen for the first time is indexed
 * on both cores. Gives every file's record by file; `onRecord` hears of each as it is read (the
 * second thread's in batches). A second thread that fails or cannot start leaves its files to
 * this one.
 */
export async function readFilesInParallel(
  folder: string,
  files: readonly PostFile[],
  loadParser: () => Promise<ParsePost>,
  readFile: (path: string) => Buffer,
  onProgress?: (done: number, total: number) => void,
  onRecord?: (record: FileRecord) => void,
): Promise<Map<string, FileRecord>> {
  const records: Array<FileRecord | undefined> = new Array(files.length);
  const counter = new Int32Array(new SharedArrayBuffer(4));
  let done = 0;
  const keep = (i: number, record: FileRecord) => {
    if (records[i]) return;
    records[i] = record;
    onRecord?.(record);
    onProgress?.(++done, files.length);
  };
  const entry = files.length >= PARALLEL_FROM && indexThreads() === 2 ? builtFile('index-part.mjs') : undefined;
  let worker: Worker | undefined;
  let finished: Promise<void> = Promise.resolve();
  let port: MessagePort | undefined;
  /** Takes a batch the second thread sent; true when it was its last. */
  const take = (batch: IndexPartBatch): boolean => {
    for (const [i, record] of batch.records) keep(i, record);
    return batch.done === true || batch.error !== undefined;
  };
  // node:worker_threads is loaded when a second thread reads, not by every command that could.
  const threads = entry ? (createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads')) : undefined;
  if (entry && threads) {
    const { MessageChannel, Worker } = threads;
    const channel = new MessageChannel();
    port = channel.port1;
    const request: IndexPartRequest = { folder, files: [...files], next: counter.buffer as SharedArrayBuffer, port: channel.port2 };
    worker = new Worker(entry, { workerData: request, transferList: [channel.port2], resourceLimits: INDEX_PART_LIMITS });
    worker.unref();
    const w = worker;
    const p = port;
    finished = new Promise((resolve) => {
      p.on('message', (batch: IndexPartBatch) => {
        if (take(batch)) resolve();
      });
      w.once('error', () => resolve());
      w.once('exit', () => resolve());
    });
  }
  // The second thread starts first: it loads while this one loads the parser.
  const parse = await loadParser();
  takeFiles(files, counter, (file) => readRecord(file, readFile, parse), (i, record) => {
    keep(i, record);
    // The second thread's batches, taken while this one reads: they are shown as they come.
    for (let batch = port && threads?.receiveMessageOnPort(port); batch; batch = threads?.receiveMessageOnPort(port!)) take(batch.message as IndexPartBatch);
  });
  if (worker) {
    // Files the second thread took are still being read: wait for them (or for it to fail).
    if (records.some((r) => r === undefined)) await finished;
    port!.close();
    void worker.terminate();
  }
  const byFile = new Map<string, FileRecord>();
  files.forEach((file, i) => {
    if (!records[i]) keep(i, readRecord(file, readFile, parse));
    byFile.set(file.file, records[i]!);
  });
  return byFile;
}
