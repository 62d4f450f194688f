import type { PostEntry } from '../content/postEntry.js';
import type { RenderedPost, RenderOptions } from '../render/markdownRenderer.js';

/** Where the app's posts come from: the index, and each post's Markdown body on demand. */
export interface PostSource {
  /** Identifies the collection, so that per-post state of two folders never mixes: 'bundled', or a folder's real path. */
  id: string;
  /** The blog's name for the header. */
  name: string;
  /** Newest first, as every index is sorted (src/content/postOrder.ts). */
  posts: PostEntry[];
  /** The body (front matter removed), in `bodyFormat`. Throws when it cannot be read. */
  readBody(entry: PostEntry): string;
  /** The post's file, to open in an editor; absent when there is no file (standard input, a feed). */
  filePath?(entry: PostEntry): string;
  /**
   * Checks the posts' files again, off the thread that answers keys: the posts when they
   * changed, and lines for stderr (files that could not be used). Given when `posts` came from
   * a cache that was not checked first. `signal` stops the check. `onPosts` is given the posts
   * as they stand while a long check is under way (the figures of a folder seen for the first
   * time, filled in as they are computed).
   */
  refresh?(signal?: AbortSignal, onPosts?: (posts: PostEntry[]) => void): Promise<SourceUpdate & { lines: string[] }>;
  /** What readBody returns: Markdown (the default), or HTML (a feed's posts). */
  bodyFormat?: 'markdown' | 'html';
  /** A feed's address, shown in the header. */
  address?: string;
  /** When a feed was last fetched (ISO 8601), shown in the header. */
  fetchedAt?: string;
  /** Why a feed's copy could not be brought up to date (no network, an error): it is shown as it was. */
  offline?: string;
  /** Whether a feed's copy was fetched or confirmed unchanged by this run (else it is shown as cached). */
  confirmed?: boolean;
}

/** What the app is told after start: the posts when they changed; for a feed, when it was fetched and whether it could be. */
export interface SourceUpdate {
  posts?: PostEntry[];
  /** The same posts in the same places as before, their figures filled in. */
  samePlaces?: boolean;
  /** The files of posts whose text changed since they were shown: their layouts are made again. */
  changed?: string[];
  fetchedAt?: string;
  offline?: string;
}

/** Lays a post out: at once (in this thread), or later (in the layout worker, src/tui/renderWorkerClient.ts). */
export type RenderFn = (markdown: string, options: RenderOptions) => RenderedPost | Promise<RenderedPost>;

/** One source the start screen offers: a blog subscribed to, a folder, the bundled posts. */
export interface SourceOption {
  name: string;
  /** The address or folder, shown under the name. */
  where: string;
  /** The posts at once (a folder, a feed's cache); undefined when there is no copy yet. */
  cached(): Promise<PostSource | undefined>;
  /** Brings the posts up to date (the network), in the background: the new posts, or why not. */
  refresh?(): Promise<{ source?: PostSource; problem?: string }>;
  /** When the copy was fetched: "fetched 2 h ago". */
  age?(source: PostSource): string | undefined;
}
