// The worker thread that lays posts out (a separate entry of the bundle: dist/render-worker.js).
// The main thread sends a post's Markdown and the options, and gets back what renderMarkdown
// returns; it gives each post a time budget and ends this thread when a post takes longer, so
// keys and signals are always answered however long a post takes.
import { parentPort } from 'node:worker_threads';
import { renderMarkdown, type RenderOptions } from './markdownRenderer.js';
import { loadHighlighter } from './codeHighlight.js';

export interface RenderRequest {
  id: number;
  markdown: string;
  options: RenderOptions;
}

export type RenderReply = { id: number; post: ReturnType<typeof renderMarkdown> } | { id: number; error: string };

parentPort?.on('message', (request: RenderRequest) => {
  void (async () => {
    try {
      if (request.options.color) await loadHighlighter();
      parentPort!.postMessage({ id: request.id, post: renderMarkdown(request.markdown, request.options) } satisfies RenderReply);
    } catch (error) {
      parentPort!.postMessage({ id: request.id, error: String((error as Error)?.message ?? error) } satisfies RenderReply);
    }
  })();
});
