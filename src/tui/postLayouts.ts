// Posts laid out for a width, kept in a small cache by URL path and width, and asked of the
// renderer (the layout worker in the built app) when missing. No Ink or React here: the start-up
// path lays out the post of `read SLUG` before the full-screen framework has loaded.
import { sanitizeLine } from '../content/sanitize.js';
import type { PostEntry } from '../content/postEntry.js';
import type { RenderedPost, RenderOptions } from '../render/markdownRenderer.js';
import type { Look } from '../render/style.js';
import { listView, type AppState, type PostLayout } from './state/appReducer.js';
import type { PostSource, RenderFn } from './postSource.js';
import { readerGeometry } from './geometry.js';

const CACHE_LIMIT = 24;

export function layoutOf(rendered: RenderedPost, width: number): PostLayout {
  return { width, lineCount: rendered.lines.length, blockStarts: rendered.blockStarts, headings: rendered.headings, links: rendered.links };
}

/** A post shown as one line saying why its text is not shown. */
function notShown(error: unknown, file: string): RenderedPost {
  const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
  return { lines: [sanitizeLine(`This post cannot be shown: ${reason} (${file}).`)], blockStarts: [0], headings: [], links: [], anchors: new Map() };
}

/** The cache key of a post's layout at a width: by URL path, which stays when the list changes. */
export function layoutKey(entry: PostEntry, width: number): string {
  return `${entry.url}@${width}`;
}

/** A post with a web page of its own (a feed's post): the link list (`o`) offers the page first. */
function withWebPage(post: RenderedPost, link: string | undefined): RenderedPost {
  if (!link) return post;
  return { ...post, links: [{ kind: 'link', text: "the post's web page", href: link }, ...post.links.filter((l) => l.href !== link)] };
}

/** Layouts being made in the layout worker, by cache key. */
const pendingLayouts = new WeakMap<Map<string, RenderedPost>, Map<string, Promise<RenderedPost>>>();

/**
 * Renders a post for a width through a small cache; a post that cannot be read, or takes longer
 * than its budget to lay out, says why in one line. With a renderer that works in the background
 * the answer is a promise (the same one for the same post and width until it settles).
 */
export function renderPostCached(
  cache: Map<string, RenderedPost>,
  source: PostSource,
  render: (markdown: string, options: RenderOptions) => RenderedPost,
  index: number,
  width: number,
  color: boolean,
  hyperlinks?: boolean,
  look?: Look,
): RenderedPost;
export function renderPostCached(
  cache: Map<string, RenderedPost>,
  source: PostSource,
  render: RenderFn,
  index: number,
  width: number,
  color: boolean,
  hyperlinks?: boolean,
  look?: Look,
): RenderedPost | Promise<RenderedPost>;
export function renderPostCached(
  cache: Map<string, RenderedPost>,
  source: PostSource,
  render: RenderFn,
  index: number,
  width: number,
  color: boolean,
  hyperlinks = false,
  look?: Look,
): RenderedPost | Promise<RenderedPost> {
  const entry = source.posts[index]!;
  const key = layoutKey(entry, width);
  const hit = cache.get(key);
  if (hit) return hit;
  let pending = pendingLayouts.get(cache);
  if (!pending) pendingLayouts.set(cache, (pending = new Map()));
  const waiting = pending.get(key);
  if (waiting) return waiting;
  const keep = (laidOut: RenderedPost) => {
    const rendered = withWebPage(laidOut, entry.link);
    pending.delete(key);
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(key, rendered);
    return rendered;
  };
  let result: RenderedPost | Promise<RenderedPost>;
  try {
    result = render(source.readBody(entry), { width, color, hyperlinks, look, page: entry.url, ...(source.bodyFormat === 'html' ? { html: true } : {}) });
  } catch (error) {
    return keep(notShown(error, entry.file));
  }
  if (!(result instanceof Promise)) return keep(result);
  // A layout that was forgotten meanwhile (the post was edited) is handed back but not kept.
  const settle = (post: RenderedPost) => (pending.get(key) === later ? keep(post) : withWebPage(post, entry.link));
  const later: Promise<RenderedPost> = result.then(settle, (error: unknown) => settle(notShown(error, entry.file)));
  pending.set(key, later);
  return later;
}

/** Forgets every layout of a post, done and under way, so that the next one reads its file again. */
export function forgetPost(cache: Map<string, RenderedPost>, entry: PostEntry): void {
  const prefix = `${entry.url}@`;
  for (const key of [...cache.keys()]) if (key.startsWith(prefix)) cache.delete(key);
  const pending = pendingLayouts.get(cache);
  if (pending) for (const key of [...pending.keys()]) if (key.startsWith(prefix)) pending.delete(key);
}

/** Posts longer than this are not laid out ahead of Enter: the layout could hold a key up. */
export const AHEAD_MAX_WORDS = 20_000;

/**
 * Lays out the post selected in the list ahead of Enter, at the width the reader will ask for, so
 * that Enter only has to show it (with the layout worker's renderer: nothing of it on this thread);
 * then the posts up to `around` rows above and below it in the list, nearest first, which a key
 * or two select.
 */
export function layOutSelected(cache: Map<string, RenderedPost>, source: PostSource, render: RenderFn, state: AppState, color: boolean, hyperlinks: boolean, look: Look | undefined, around = 0): void {
  if (state.screen !== 'list') return;
  const view = listView(state);
  const selected = state.list.selected;
  for (let distance = 0; distance <= around; distance++) {
    for (const row of distance === 0 ? [selected] : [selected + distance, selected - distance]) {
      const index = view[row]?.index;
      const entry = index === undefined ? undefined : source.posts[index];
      if (index === undefined || !entry || entry.words > AHEAD_MAX_WORDS) continue;
      const width = readerGeometry(state.size, entry.title, state.maxTextWidth).textWidth;
      void renderPostCached(cache, source, render, index, width, color, hyperlinks, look);
    }
  }
}
