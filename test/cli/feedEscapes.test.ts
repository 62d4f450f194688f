// Escape sequences in a feed (raw bytes in JSON Feed strings, and numeric character references in
// an RSS feed's HTML) never reach the terminal raw: not in the list, the reader, or piped output.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliAsync } from '../support/runCli.js';
import { blogTui, runInPty } from '../support/ptyRun.js';
import { startFeedServer, type FeedServer } from '../support/feedServer.js';

const ESC = '\u001b';
const BEL = '\u0007';
/** Sequences a hostile feed carries: window title, clipboard write, title report, cursor report, DCS, C1 CSI. */
const PAYLOADS = [`${ESC}]0;PWNED${BEL}`, `${ESC}]52;c;UFdORUQ=${BEL}`, `${ESC}[21t`, `${ESC}[6n`, `${ESC}P1$qm${ESC}\\`, '\u009b6n'];
/** The same as HTML numeric character references. */
const REFERENCES = '&#27;]0;PWNED&#7; &#x1b;]52;c;UFdORUQ=&#x07; &#27;[21t &#x1B;[6n';

/** What must never be in the output: the start of each payload as the terminal would act on it. */
function expectNoRawSequences(output: string): void {
  expect(output).not.toMatch(/\u001b\](0|52);/);
  expect(output).not.toContain(`${ESC}[21t`);
  expect(output).not.toContain(`${ESC}[6n`);
  expect(output).not.toContain(`${ESC}P1$q`);
  expect(output).not.toContain('\u009b');
}

const jsonFeed = (base: string) =>
  JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: `Hostile ${PAYLOADS[0]} blog`,
    home_page_url: `${base}/`,
    items: [
      {
        id: `${base}/posts/raw/`,
        url: `${base}/posts/raw/`,
        title: `Raw ${PAYLOADS.join(' ')} title`,
        summary: `Summary ${PAYLOADS.join(' ')} end`,
        content_html: `<h2>Head ${PAYLOADS[1]}</h2><p>Body ${PAYLOADS.join(' ')} text with <a href="${base}/x${ESC}]0;LINK${BEL}">a link ${PAYLOADS[2]}</a>.</p><pre><code>code ${PAYLOADS.join(' ')}</code></pre><p>Refs ${REFERENCES} done.</p><table><tr><th>${PAYLOADS[3]}</th></tr><tr><td>cell ${PAYLOADS[0]}</td></tr></table>`,
        date_published: '2024-03-01T10:00:00Z',
        tags: [`tag${PAYLOADS[0]}`],
      },
      {
        id: `${base}/posts/%1B%5D0%3BSLUG%07/`,
        url: `${base}/posts/%1B%5D0%3BSLUG%07/`,
        title: 'A post whose address holds an escape',
        content_html: '<p>Plain words.</p>',
        date_published: '2024-02-01T10:00:00Z',
      },
    ],
  });

const rssFeed = (base: string) =>
  `<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Refs</title><link>${base}/</link><description>d</description>` +
  `<item><title>Entity &amp;#27;]0;PWNED&amp;#7; title</title><link>${base}/posts/refs/</link><guid>${base}/posts/refs/</guid><pubDate>Fri, 01 Mar 2024 10:00:00 +0000</pubDate>` +
  `<description>Summary &amp;#x1b;]52;c;UFdORUQ=&amp;#x07; end</description><content:encoded><![CDATA[<p>Refs ${REFERENCES} done.</p><pre><code>${REFERENCES}</code></pre>]]></content:encoded></item></channel></rss>\n`;

let server: FeedServer;
let home: string;
let env: Record<string, string>;

beforeAll(async () => {
  server = await startFeedServer();
  server.routes.set('/feed.json', { body: jsonFeed(server.url), type: 'application/feed+json' });
  server.routes.set('/index.xml', { body: rssFeed(server.url), type: 'application/rss+xml' });
  home = mkdtempSync(join(tmpdir(), 'blog-tui-feedesc-'));
  env = { HOME: home, XDG_CACHE_HOME: join(home, 'cache'), BLOG_TUI_STATE_DIR: join(home, 'state'), COLUMNS: '100' };
});

afterAll(async () => {
  await server.close();
  rmSync(home, { recursive: true, force: true });
});

describe('escape sequences in a feed', () => {
  it('are shown as visible text in the printed list and in piped posts, plain or coloured', async () => {
    for (const feed of ['/feed.json', '/index.xml']) {
      const address = `${server.url}${feed}`;
      const list = await runCliAsync([address, 'list'], env);
      expect(list.code, list.stderr).toBe(0);
      expectNoRawSequences(list.stdout + list.stderr);
      expect(list.stdout).toContain('^[]0;PWNED^G');
      const slug = feed === '/feed.json' ? 'raw' : 'refs';
      for (const args of [['read', slug], ['read', slug, '--color=always']]) {
        const read = await runCliAsync([address, ...args], env);
        expect(read.code, read.stderr).toBe(0);
        expectNoRawSequences(read.stdout + read.stderr);
        expect(read.stdout).toContain('Refs ^[]0;PWNED^G ^[]52;c;UFdORUQ=^G ^[[21t ^[[6n done.');
      }
    }
    const escaped = await runCliAsync([`${server.url}/feed.json`, 'read', 'SLUG'], env);
    expect(escaped.code, escaped.stderr).toBe(0);
    expectNoRawSequences(escaped.stdout + escaped.stderr);
    expect(escaped.stdout).toContain('Plain words.');
  });

  it('are shown as visible text in the full-screen list and reader', { timeout: 30_000 }, async () => {
    const address = `${server.url}/feed.json`;
    const result = await runInPty({
      argv: blogTui(address),
      env,
      cols: 100,
      steps: [{ wait: 'A post whose address' }, { send: '\r' }, { wait: 'Refs ^[]0;PWNED^G' }, { send: 'q' }, { wait: 'A post whose address', from: 'now' }, { send: 'q' }],
    });
    expect(result.exitCode, result.error ?? '').toBe(0);
    expectNoRawSequences(result.output);
    expect(result.output).toContain('Raw ^[]0;PWNED^G');
    expect(result.output).toContain('Summary ^[]0;PWNED^G');
  });
});
