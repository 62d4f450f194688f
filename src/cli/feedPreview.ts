// The first screen of a blog read by its address, from the head of its cached list, read before
// any module that fetches or parses feeds is loaded: the full-screen app paints it, then loads the
// list and asks the server for the feed (see cli/folderHead.ts for a posts folder's).
import { checkAddress } from '../content/feeds/address.js';
import { readFeedHead } from '../content/feeds/feedHead.js';
import type { FolderPreview } from './folderHead.js';

export interface FeedPreview extends FolderPreview {
  /** When the copy was fetched or last confirmed unchanged: the list's header says how long ago. */
  fetchedAt: string;
}

/** The first screen of the feed at `address` from its cache, or undefined when there is none to trust. */
export function feedPreview(address: string, env: NodeJS.ProcessEnv = process.env): FeedPreview | undefined {
  try {
    const key = checkAddress(address).href;
    const head = readFeedHead(key, env);
    if (!head) return undefined;
    return { id: key, name: head.title || new URL(key).host, screen: { title: head.title, count: head.count, posts: head.posts }, fetchedAt: head.fetchedAt };
  } catch {
    return undefined;
  }
}
