import pkg from '../../../package.json' with { type: 'json' };
import { checkAddress, FetchError } from './address.js';

export { checkAddress, FetchError };

/** What blog-tui says it is to every server. */
export const USER_AGENT = `blog-tui/${pkg.version}`;

/** What a feed request accepts: the feed types first, then a page to find the feed from. */
export const FEED_ACCEPT = 'application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, text/html;q=0.7, */*;q=0.5';

/** Limits of one request; tests make them small. */
export interface FetchLimits {
  /** The whole request, redirects and body included. */
  timeoutMs: number;
  /** The largest body read, counted as it streams in (after decompression). */
  maxBytes: number;
  maxRedirects: number;
}

export const DEFAULT_LIMITS: FetchLimits = { timeoutMs: 20_000, maxBytes: 50 * 1024 * 1024, maxRedirects: 5 };

export interface FetchRequest {
  url: string;
  accept?: string;
  /** Conditional request: the ETag and Last-Modified of the copy in the cache. */
  etag?: string;
  lastModified?: string;
  limits?: Partial<FetchLimits>;
}

export interface FetchResult {
  /** The address the body came from, after redirects. */
  url: string;
  status: number;
  /** 304: the cached copy is still good; the body is empty. */
  notModified: boolean;
  body: Buffer;
  contentType: string;
  etag?: string;
  lastModified?: string;
}

/** Gets one address; tests give their own. */
export type Fetcher = (request: FetchRequest) => Promise<FetchResult>;



const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** Node's fetch reports network failures as "fetch failed" with the reason in `cause`. */
function networkReason(error: unknown): string {
  let cause = error as { code?: string; message?: string; cause?: unknown } | undefined;
  for (let depth = 0; cause && depth < 4; depth++) {
    if (typeof cause.code === 'string') return describeCode(cause.code, cause.message);
    if (!cause.cause) break;
    cause = cause.cause as typeof cause;
  }
  return cause?.message ?? String(error);
}

function describeCode(code: string, message = ''): string {
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'the host name is not known (no network?)';
  if (code === 'ECONNREFUSED') return 'the connection was refused';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return 'the connection was cut';
  if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/.test(code)) return `the TLS certificate was refused (${code})`;
  return message ? `${message} (${code})` : code;
}

/** Reads a body up to `maxBytes`, stopping (and cancelling the stream) at once past it. */
async function readLimited(response: Response, maxBytes: number, shown: string): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new FetchError(`${shown} is larger than ${formatBytes(maxBytes)}`);
  }
  if (!response.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new FetchError(`${shown} is larger than ${formatBytes(maxBytes)}`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${Math.round(bytes / 1024)} KB`;
}

/**
 * GET an http or https address with blog-tui's rules: a time limit for the whole request, a
 * size limit on the body as it streams in, redirects followed by hand up to a limit and never
 * from https to http, no cookies kept or sent, a User-Agent naming blog-tui. A 4xx or 5xx answer,
 * a network or TLS failure, too many redirects or a body too large is a FetchError with one line.
 */
export async function fetchLimited(request: FetchRequest): Promise<FetchResult> {
  const limits = { ...DEFAULT_LIMITS, ...request.limits };
  let url = checkAddress(request.url);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
  const shown = () => url.href;
  try {
    for (let redirects = 0; ; redirects++) {
      const headers: Record<string, string> = { 'user-agent': USER_AGENT, accept: request.accept ?? '*/*' };
      if (request.etag) headers['if-none-match'] = request.etag;
      if (request.lastModified) headers['if-modified-since'] = request.lastModified;
      let response: Response;
      try {
        response = await fetch(url, { headers, redirect: 'manual', signal: controller.signal, credentials: 'omit' });
      } catch (error) {
        if (controller.signal.aborted) throw new FetchError(`${shown()} did not answer within ${limits.timeoutMs / 1000} s`);
        throw new FetchError(`cannot reach ${shown()}: ${networkReason(error)}`);
      }
      if (REDIRECTS.has(response.status)) {
        await response.body?.cancel().catch(() => undefined);
        const location = response.headers.get('location');
        if (!location) throw new FetchError(`${shown()} redirects nowhere (HTTP ${response.status} without a Location)`);
        if (redirects >= limits.maxRedirects) throw new FetchError(`${shown()} redirects more than ${limits.maxRedirects} times`);
        const next = checkAddress(location, url.href);
        if (url.protocol === 'https:' && next.protocol === 'http:') throw new FetchError(`${shown()} redirects from https to http (${next.href}): not followed`);
        url = next;
        continue;
      }
      const result = { url: url.href, status: response.status, contentType: response.headers.get('content-type') ?? '' };
      const etag = response.headers.get('etag') ?? undefined;
      const lastModified = response.headers.get('last-modified') ?? undefined;
      const validators = { ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) };
      if (response.status === 304) {
        await response.body?.cancel().catch(() => undefined);
        return { ...result, notModified: true, body: Buffer.alloc(0), ...validators };
      }
      if (response.status >= 400) {
        await response.body?.cancel().catch(() => undefined);
        throw new FetchError(`${shown()} answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
      }
      if (response.status < 200 || response.status >= 300) {
        await response.body?.cancel().catch(() => undefined);
        throw new FetchError(`${shown()} answered HTTP ${response.status}`);
      }
      try {
        const body = await readLimited(response, limits.maxBytes, shown());
        return { ...result, notModified: false, body, ...validators };
      } catch (error) {
        if (error instanceof FetchError) throw error;
        if (controller.signal.aborted) throw new FetchError(`${shown()} did not answer within ${limits.timeoutMs / 1000} s`);
        throw new FetchError(`cannot read ${shown()}: ${networkReason(error)}`);
      }
    }
  } finally {
    clearTimeout(timer);
  }
}
