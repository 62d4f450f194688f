// The worker thread that lays posts out (a separate entry of the bundle: dist/render-worker.mjs).
// The main thread sends a post's Markdown and the options, and gets back what renderMarkdown
// returns (the parts of the renderer a post needs are loaded with the first post that needs them); it gives each post a time budget and ends this thread when a post takes longer, so
// keys and signals are always answered however long a post takes.
import { parentPort } from 'node:worker_threads';
import { renderPost, type RenderedPost, type RenderOptions } from './postRender.js';
import { loadHighlighter } from './codeHighlight.js';

export interface RenderRequest {
  id: number;
  markdown: string;
  options: RenderOptions;
}

export type RenderReply = { id: number; post: RenderedPost } | { id: number; error: string };

parentPort?.on('message', (request: RenderRequest) => {
  void (async () => {
    try {
      if (request.options.color) await loadHighlighter();
      parentPort!.postMessage({ id: request.id, post: await renderPost(request.markdown, request.options) } satisfies RenderReply);
    } catch (error) {
      parentPort!.postMessage({ id: request.id, error: String((error as Error)?.message ?? error) } satisfies RenderReply);
    }
  })();
});
