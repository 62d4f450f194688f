import { fetchedAgo } from '../content/dates.js';
import type { PostSource, SourceUpdate } from './postSource.js';

/** Where the copy of a feed on screen stands. */
export interface FeedStatus {
  /** When it was fetched or last confirmed unchanged (ISO 8601). */
  fetchedAt: string;
  /** A fetch after the first frame is under way. */
  checking: boolean;
  /** Why the copy could not be brought up to date: it is shown as cached. */
  offline?: string;
  /** Fetched or confirmed unchanged by this run. */
  confirmed: boolean;
}

/** A feed source's status at start; undefined for a folder or the bundled posts. */
export function feedStatusOf(source: PostSource): FeedStatus | undefined {
  if (source.fetchedAt === undefined) return undefined;
  return {
    fetchedAt: source.fetchedAt,
    checking: source.refresh !== undefined,
    ...(source.offline ? { offline: source.offline } : {}),
    confirmed: source.confirmed === true,
  };
}

/** The status once the fetch after the first frame answered. */
export function feedStatusAfter(status: FeedStatus | undefined, update: SourceUpdate): FeedStatus | undefined {
  if (!status || update.fetchedAt === undefined) return status;
  return { fetchedAt: update.fetchedAt, checking: false, ...(update.offline ? { offline: update.offline } : {}), confirmed: !update.offline };
}

/** The list header's note: "fetched 3 h ago · checking…", "offline, fetched 3 h ago", "fetched just now". */
export function listNote(status: FeedStatus, now = Date.now()): string {
  const age = fetchedAgo(status.fetchedAt, now);
  if (status.checking) return `${age} · checking…`;
  return status.offline ? `offline, ${age}` : age;
}

/** The reader header's note: when the copy was fetched, for a copy this run has not confirmed (offline, or still cached). */
export function readerNote(status: FeedStatus | undefined, now = Date.now()): string | undefined {
  if (!status || (status.confirmed && !status.offline)) return undefined;
  const age = fetchedAgo(status.fetchedAt, now);
  return status.offline ? `offline, ${age}` : age;
}
