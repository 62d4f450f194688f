import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { ResourceLimits } from 'node:worker_threads';
import { WORKER_LIMITS } from '../tui/workerLimits.js';

/** A file built next to this one (dist/), or undefined when running from the sources. */
export function builtFile(name: string): string | undefined {
  for (const relative of [`./${name}`, `../${name}`]) {
    const path = fileURLToPath(new URL(relative, import.meta.url));
    if (existsSync(path)) return path;
  }
  return undefined;
}

/**
 * Work started after the first frame, off the thread that answers keys: the built worker entry
 * `name` (dist/NAME.mjs) given `data`, which answers with one message (`{ error }` for a
 * failure); it never keeps the process alive, stops on `signal`, and has the heap `limits`
 * (src/tui/workerLimits.ts: the app's workers' unless said). Messages `{ partial }` before the answer go to `onPartial`.
 * Without a built entry (the tests run the sources), `inThread` runs in this thread after the
 * current task.
 */
export function workerTask<T, P = never>(name: string, data: unknown, inThread: () => Promise<T>, signal?: AbortSignal, onPartial?: (partial: P) => void, limits: ResourceLimits = WORKER_LIMITS): Promise<T> {
  const file = builtFile(`${name}.mjs`);
  if (!file) return new Promise((done, fail) => setImmediate(() => inThread().then(done, fail)));
  return new Promise((done, fail) => {
    // node:worker_threads is loaded by the first task, not by every command that could start one.
    const { Worker } = createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads');
    const worker = new Worker(file, { workerData: data, resourceLimits: limits });
    worker.unref();
    // The app is leaving: the thread stops now rather than when the process exits.
    signal?.addEventListener('abort', () => void worker.terminate(), { once: true });
    const answered = (answer: T | { error: string } | { partial: P }) => {
      // Work in progress (`{ partial }`) before the one answer.
      if (answer && typeof answer === 'object' && 'partial' in answer) {
        onPartial?.(answer.partial);
        return;
      }
      worker.off('message', answered);
      void worker.terminate();
      if (answer && typeof answer === 'object' && 'error' in answer) fail(new Error(answer.error));
      else done(answer as T);
    };
    worker.on('message', answered);
    worker.once('error', fail);
  });
}
