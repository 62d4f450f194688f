import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the test server answers for a path: a body with headers, or a handler of its own. */
export type Route =
  | { status?: number; type?: string; body: string | Buffer; headers?: Record<string, string> }
  | ((request: IncomingMessage, response: ServerResponse) => void);

/** An HTTP server on 127.0.0.1 inside the test process: nothing reaches beyond the loopback. */
export interface FeedServer {
  url: string;
  routes: Map<string, Route>;
  /** Every request received, in order. */
  requests: IncomingMessage[];
  close(): Promise<void>;
}

export async function startFeedServer(routes: Record<string, Route> = {}): Promise<FeedServer> {
  const table = new Map(Object.entries(routes));
  const requests: IncomingMessage[] = [];
  const server: Server = createServer((request, response) => {
    requests.push(request);
    const route = table.get(request.url ?? '/');
    if (!route) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    if (typeof route === 'function') {
      route(request, response);
      return;
    }
    response.writeHead(route.status ?? 200, { 'content-type': route.type ?? 'text/html; charset=utf-8', ...route.headers }).end(route.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    routes: table,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** One post of a generated feed. */
export interface TestPost {
  title: string;
  /** Path on the server, e.g. /posts/one/. */
  path: string;
  /** ISO date with time and zone. */
  date: string;
  html: string;
  summary: string;
  tags: string[];
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const cdata = (s: string) => `<![CDATA[${s.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;

/** RFC 822, as RSS writes dates: "Mon, 02 Jan 2006 15:04:05 -0700". */
export function rfc822(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2}:\d{2})([+-]\d{2}):(\d{2})$/.exec(iso)!;
  const day = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  const names = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${names[day.getUTCDay()]}, ${m[3]} ${months[Number(m[2]) - 1]} ${m[1]} ${m[4]} ${m[5]}${m[6]}`;
}

/** RSS 2.0 as Hugo writes it: the full text in content:encoded (`full`), else only the summary in description. */
export function rss2(base: string, title: string, posts: readonly TestPost[], full = true): string {
  const items = posts.map((p) => `<item><title>${esc(p.title)}</title><link>${base}${p.path}</link><guid>${base}${p.path}</guid><pubDate>${rfc822(p.date)}</pubDate>${p.tags.map((t) => `<category>${esc(t)}</category>`).join('')}<description>${esc(p.summary)}</description>${full ? `<content:encoded>${cdata(p.html)}</content:encoded>` : ''}</item>`);
  return `<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>${esc(title)}</title><link>${base}/</link><description>A test blog</description>${items.join('\n')}</channel></rss>\n`;
}

/** Atom 1.0 with relative links (resolved against the feed) and HTML content. */
export function atom(base: string, title: string, posts: readonly TestPost[]): string {
  const entries = posts.map((p) => `<entry><title type="html">${esc(esc(p.title))}</title><link rel="alternate" type="text/html" href="${p.path}"/><id>tag:test,2024:${p.path}</id><published>${p.date}</published><updated>${p.date}</updated>${p.tags.map((t) => `<category term="${esc(t)}"/>`).join('')}<summary>${esc(p.summary)}</summary><content type="html">${esc(p.html)}</content></entry>`);
  return `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>${esc(title)}</title><link href="${base}/"/><id>${base}/</id><updated>2024-01-01T00:00:00Z</updated>${entries.join('\n')}</feed>\n`;
}

/** RSS 1.0 (RDF) with Dublin Core dates and content:encoded. */
export function rdf(base: string, title: string, posts: readonly TestPost[]): string {
  const items = posts.map((p) => `<item rdf:about="${base}${p.path}"><title>${esc(p.title)}</title><link>${base}${p.path}</link><description>${esc(p.summary)}</description><dc:date>${p.date}</dc:date>${p.tags.map((t) => `<dc:subject>${esc(t)}</dc:subject>`).join('')}<content:encoded>${cdata(p.html)}</content:encoded></item>`);
  return `<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel rdf:about="${base}/"><title>${esc(title)}</title><link>${base}/</link><description>A test blog</description></channel>${items.join('\n')}</rdf:RDF>\n`;
}

/** JSON Feed 1.1. */
export function jsonFeed(base: string, title: string, posts: readonly TestPost[]): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title,
    home_page_url: `${base}/`,
    items: posts.map((p) => ({ id: `${base}${p.path}`, url: `${base}${p.path}`, title: p.title, content_html: p.html, summary: p.summary, date_published: p.date, tags: p.tags })),
  });
}

/** A web page holding a post as a blog theme would: navigation, the article, a footer. */
export function postPage(post: TestPost): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${esc(post.title)} | Test blog</title></head><body><header><nav><a href="/">Home</a> <a href="/tags/">Tags</a> <a href="/about/">About</a></nav></header><main><article><h1>${esc(post.title)}</h1><div class="post-content">${post.html}</div></article></main><footer>© Test blog · <a href="/index.xml">RSS</a></footer></body></html>`;
}

const PARAGRAPH = 'Feeds carry the text of each post so that a reader can show it without the web page around it, and';

/** Posts with HTML of every kind the renderer draws: lists, a table, code, an image, links (one relative). */
export function testPosts(): TestPost[] {
  return [
    {
      title: 'Tables & code in feeds',
      path: '/posts/tables-and-code/',
      date: '2024-03-05T09:30:00+01:00',
      summary: 'How tables and code arrive in a feed.',
      tags: ['feeds', 'html'],
      html: `<p>${PARAGRAPH} a <a href="/posts/lists/">relative link</a> to the next post.</p>\n<h2 id="a-table">A table</h2>\n<table><thead><tr><th>Format</th><th>Year</th></tr></thead><tbody><tr><td>RSS 2.0</td><td>2002</td></tr><tr><td>Atom</td><td>2005</td></tr></tbody></table>\n<pre><code class="language-go">func main() {\n\tfmt.Println("hi")\n}\n</code></pre>\n<p><img src="/images/chart.png" alt="a chart"></p>`,
    },
    {
      title: 'Lists <and> entities',
      path: '/posts/lists/',
      date: '2024-02-01T18:00:00-05:00',
      summary: 'Ordered and unordered lists.',
      tags: ['html'],
      html: `<p>${PARAGRAPH} lists:</p>\n<ol start="3"><li>three</li><li>four<ul><li>nested &mdash; inner</li></ul></li></ol>\n<blockquote><p>A quote &amp; more.</p></blockquote>`,
    },
    {
      title: 'Hello feeds',
      path: '/posts/hello/',
      date: '2023-12-24T08:00:00+00:00',
      summary: 'The first post.',
      tags: [],
      html: Array.from({ length: 8 }, (_, i) => `<p>Paragraph ${i + 1}. ${PARAGRAPH} more words follow here to fill the page for the article reader.</p>`).join('\n'),
    },
  ];
}
