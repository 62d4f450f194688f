import wrapAnsi from 'wrap-ansi';
import type { PostEntry } from '../content/postEntry.js';
import { sanitizeLine } from '../content/sanitize.js';
import { postMeta } from '../content/postMeta.js';
import { renderMarkdown } from '../render/markdownRenderer.js';
import { loadHighlighter } from '../render/codeHighlight.js';

/** `blog-tui read <slug>` when not on a terminal: the header and the rendered body as text. */
export async function renderPostText(entry: PostEntry, body: string, width: number, color: boolean): Promise<string> {
  if (color) await loadHighlighter();
  const bold = (s: string) => (color ? `\u001b[1m${s}\u001b[22m` : s);
  const dim = (s: string) => (color ? `\u001b[2m${s}\u001b[22m` : s);
  const title = wrapAnsi(sanitizeLine(entry.title), width, { hard: true, trim: true }).split('\n').map(bold);
  const header = [...title, dim(wrapAnsi(postMeta(entry), width, { hard: true })), dim('─'.repeat(width)), ''];
  const { lines } = renderMarkdown(body, { width, color });
  return [...header, ...lines].join('\n') + '\n';
}
