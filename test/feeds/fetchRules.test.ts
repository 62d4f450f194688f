import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { FetchError, USER_AGENT, fetchLimited } from '../../src/content/feeds/http.js';
import { startFeedServer, type FeedServer } from '../support/feedServer.js';
import pkg from '../../package.json' with { type: 'json' };

let server: FeedServer;

beforeAll(async () => {
  server = await startFeedServer({
    '/ok': { body: 'hello', type: 'text/plain' },
    '/gone': { status: 404, body: 'nope' },
    '/broken': { status: 503, body: 'down' },
    '/cookie': { status: 302, body: '', headers: { location: '/echo', 'set-cookie': 'session=secret; Path=/' } },
    '/echo': (request, response) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(request.headers)),
    '/loop': { status: 302, body: '', headers: { location: '/loop' } },
    '/hop1': { status: 301, body: '', headers: { location: '/hop2' } },
    '/hop2': { status: 308, body: '', headers: { location: '/ok' } },
    '/nowhere': { status: 302, body: '' },
    '/ftp': { status: 302, body: '', headers: { location: 'ftp://127.0.0.1/x' } },
    '/silent': () => undefined,
    '/slow-body': (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.write('a little, then nothing');
    },
    '/huge': (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/xml' });
      const chunk = Buffer.alloc(64 * 1024, 'x');
      const send = () => {
        while (response.write(chunk)) if (response.writableLength > 4 * 1024 * 1024) break;
      };
      response.on('drain', send);
      send();
    },
    '/declared-huge': (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/xml', 'content-length': String(60 * 1024 * 1024) });
      response.write('<rss>');
    },
  });
});

afterAll(() => server.close());
afterEach(() => vi.unstubAllGlobals());

const get = (path: string, limits = {}) => fetchLimited({ url: server.url + path, limits });

describe('fetching a web address', () => {
  it('sends a User-Agent naming blog-tui and its version, and never a cookie the server set', async () => {
    const result = await get('/cookie');
    const headers = JSON.parse(result.body.toString()) as Record<string, string>;
    expect(USER_AGENT).toBe(`blog-tui/${pkg.version}`);
    expect(headers['user-agent']).toBe(USER_AGENT);
    expect(headers.cookie).toBeUndefined();
    expect(result.url).toBe(`${server.url}/echo`);
  });

  it('follows redirects up to the limit and says when there are more', async () => {
    expect((await get('/hop1')).body.toString()).toBe('hello');
    await expect(get('/hop1', { maxRedirects: 1 })).rejects.toThrow(/redirects more than 1 times/);
    await expect(get('/loop')).rejects.toThrow(/redirects more than 5 times/);
    await expect(get('/nowhere')).rejects.toThrow(/without a Location/);
  });

  it('reads only http and https, and never follows a redirect from https to http', async () => {
    await expect(fetchLimited({ url: 'file:///etc/passwd' })).rejects.toThrow(/only http and https/);
    await expect(fetchLimited({ url: 'ftp://127.0.0.1/' })).rejects.toThrow(/only http and https/);
    await expect(get('/ftp')).rejects.toThrow(/only http and https/);
    // An https server that redirects to http: answered here, without any network.
    const seen: string[] = [];
    vi.stubGlobal('fetch', async (url: URL) => {
      seen.push(url.href);
      return new Response(null, { status: 302, headers: { location: `${server.url}/ok` } });
    });
    await expect(fetchLimited({ url: 'https://blog.example/feed.xml' })).rejects.toThrow(/from https to http/);
    expect(seen).toEqual(['https://blog.example/feed.xml']);
  });

  it('turns 4xx and 5xx answers into one line', async () => {
    await expect(get('/gone')).rejects.toThrow(new FetchError(`${server.url}/gone answered HTTP 404 Not Found`));
    await expect(get('/broken')).rejects.toThrow(/answered HTTP 503/);
  });

  it('gives up on a server that does not answer, or stops sending, within the time limit', async () => {
    await expect(get('/silent', { timeoutMs: 300 })).rejects.toThrow(/did not answer within 0.3 s/);
    await expect(get('/slow-body', { timeoutMs: 300 })).rejects.toThrow(/did not answer within 0.3 s/);
  });

  it('stops reading a body past the size limit, declared or streamed', async () => {
    await expect(get('/huge', { maxBytes: 1024 * 1024 })).rejects.toThrow(/larger than 1 MB/);
    await expect(get('/declared-huge')).rejects.toThrow(/larger than 50 MB/);
  });

  it('says when nothing listens, and when a TLS certificate is refused', async () => {
    const closed = await startFeedServer();
    const url = closed.url;
    await closed.close();
    await expect(fetchLimited({ url: `${url}/x` })).rejects.toThrow(/connection was refused/);

    const dir = mkdtempSync(join(tmpdir(), 'blog-tui-tls-'));
    try {
      execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=127.0.0.1', '-days', '1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
      const tls = createHttpsServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, (_q, r) => r.end('secret'));
      await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
      try {
        const { port } = tls.address() as AddressInfo;
        await expect(fetchLimited({ url: `https://127.0.0.1:${port}/` })).rejects.toThrow(/TLS certificate was refused \(DEPTH_ZERO_SELF_SIGNED_CERT\)/);
      } finally {
        tls.closeAllConnections();
        await new Promise((resolve) => tls.close(resolve));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
