import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { RenderedPost, RenderOptions } from '../render/markdownRenderer.js';
import { WORKER_LIMITS } from './workerLimits.js';
import type { RenderReply, RenderRequest } from '../render/renderWorker.js';

/** How long one post may take to lay out before its worker is ended (BLOG_TUI_RENDER_BUDGET, seconds). */
export function renderBudgetMs(env: NodeJS.ProcessEnv = process.env): number {
  const seconds = Number(env.BLOG_TUI_RENDER_BUDGET);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 15_000;
}

/** The built worker: dist/render-worker.mjs, next to the bundle or one folder up from a chunk. */
export function workerFile(): string | undefined {
  for (const relative of ['./render-worker.mjs', '../render-worker.mjs']) {
    const path = fileURLToPath(new URL(relative, import.meta.url));
    if (existsSync(path)) return path;
  }
  return undefined;
}

/** Why a post is shown as one line instead of its text. */
export class RenderTooLong extends Error {}
export class RenderFailed extends Error {}

interface Job {
  request: RenderRequest;
  resolve: (post: RenderedPost) => void;
  reject: (error: Error) => void;
}

/**
 * Lays posts out in a worker thread, one at a time, each within a time budget: a post that takes
 * longer ends the worker (the next post starts a new one) and rejects with RenderTooLong. The
 * worker starts with the first post, not before, so it costs the first frame nothing.
 */
export class RenderWorker {
  #worker: Worker | undefined;
  #queue: Job[] = [];
  #running: { job: Job; timer: NodeJS.Timeout } | undefined;
  #nextId = 1;

  constructor(
    private readonly file: string,
    private readonly budgetMs = renderBudgetMs(),
  ) {}

  render(markdown: string, options: RenderOptions): Promise<RenderedPost> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ request: { id: this.#nextId++, markdown, options }, resolve, reject });
      this.#pump();
    });
  }

  /** Ends the worker thread (on exit). */
  close(): void {
    void this.#worker?.terminate();
    this.#worker = undefined;
  }

  #start(): Worker {
    const worker = new Worker(this.file, { resourceLimits: WORKER_LIMITS });
    // The worker must never keep the process alive, nor its errors end it.
    worker.unref();
    worker.on('message', (reply: RenderReply) => this.#settle(reply));
    worker.on('error', (error) => this.#fail(worker, error));
    worker.on('exit', () => this.#fail(worker, new RenderFailed('the layout thread stopped')));
    return worker;
  }

  #pump(): void {
    if (this.#running) return;
    const job = this.#queue.shift();
    if (!job) return;
    this.#worker ??= this.#start();
    const timer = setTimeout(() => this.#timeOut(), this.budgetMs);
    timer.unref();
    this.#running = { job, timer };
    // Referenced while it works, so that waiting for a post keeps the process alive.
    this.#worker.ref();
    this.#worker.postMessage(job.request);
  }

  #settle(reply: RenderReply): void {
    const running = this.#running;
    if (!running || running.job.request.id !== reply.id) return;
    clearTimeout(running.timer);
    this.#running = undefined;
    this.#worker?.unref();
    if ('post' in reply) running.job.resolve(reply.post);
    else running.job.reject(new RenderFailed(reply.error));
    this.#pump();
  }

  #timeOut(): void {
    const running = this.#running;
    if (!running) return;
    this.#running = undefined;
    const worker = this.#worker;
    this.#worker = undefined;
    void worker?.terminate();
    running.job.reject(new RenderTooLong(`it took longer than ${Math.round(this.budgetMs / 100) / 10} s to lay out`));
    this.#pump();
  }

  #fail(worker: Worker, error: Error): void {
    if (worker !== this.#worker) return;
    this.#worker = undefined;
    const running = this.#running;
    this.#running = undefined;
    if (running) {
      clearTimeout(running.timer);
      running.job.reject(error instanceof RenderFailed ? error : new RenderFailed(error.message));
    }
    this.#pump();
  }
}
