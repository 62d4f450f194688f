#!/usr/bin/env node
// The bench's blogs: a small HTTP server on 127.0.0.1 (a child of the bench, whose own thread
// is blocked while the driver runs) serving generated full-text RSS feeds as Hugo writes them,
// with an ETag and 304 Not Modified for a conditional request. Writes its address to the file
// named by its argument once it listens.
//
//   /big/index.xml          1,000 posts
//   /f0/index.xml … /f9/index.xml   100 posts each
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { renameSync, writeFileSync } from 'node:fs';

export const BIG_POSTS = 1000;
export const FEEDS = 10;
export const FEED_POSTS = 100;

const WORDS = 'feeds carry the text of each post so that a reader can show it without the web page around it and count its words'.split(' ');

function words(n, seed) {
  return Array.from({ length: n }, (_, i) => WORDS[(i * 7 + seed) % WORDS.length]).join(' ');
}

/** One post's HTML: about 450 words in paragraphs, a heading, a list and a code block. */
function postHtml(i) {
  const paragraphs = Array.from({ length: 4 }, (_, p) => `<p>${words(100, i + p)}.</p>`);
  return `${paragraphs.slice(0, 2).join('\n')}\n<h2 id="part-two">Part two of post ${i}</h2>\n<ul><li>${words(8, i)}</li><li>${words(9, i + 1)}</li></ul>\n<pre><code class="language-go">func post${i}() int {\n\treturn ${i}\n}\n</code></pre>\n${paragraphs.slice(2).join('\n')}`;
}

const cdata = (s) => `<![CDATA[${s}]]>`;

function rfc822(date) {
  return date.toUTCString().replace('GMT', '+0000');
}

/** An RSS 2.0 feed of `count` posts, newest first, each with its whole text in content:encoded. */
function feed(base, name, count) {
  const start = Date.UTC(2026, 0, 1);
  const items = [];
  for (let i = count; i >= 1; i--) {
    const link = `${base}/posts/${name}-post-${i}/`;
    items.push(`<item><title>Post ${i} of ${name}: ${words(6, i)}</title><link>${link}</link><guid>${link}</guid><pubDate>${rfc822(new Date(start - (count - i) * 86_400_000))}</pubDate><category>bench</category><description>${words(30, i)}</description><content:encoded>${cdata(postHtml(i))}</content:encoded></item>`);
  }
  return `<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Bench blog ${name}</title><link>${base}/${name}/</link><description>Generated for the bench</description>\n${items.join('\n')}\n</channel></rss>\n`;
}

const server = createServer((request, response) => {
  const body = routes.get(request.url ?? '/');
  if (!body) {
    response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    return;
  }
  if (request.headers['if-none-match'] === body.etag) {
    response.writeHead(304, { etag: body.etag }).end();
    return;
  }
  response.writeHead(200, { 'content-type': 'application/rss+xml', etag: body.etag, 'content-length': body.bytes.length }).end(body.bytes);
});
const routes = new Map();

server.listen(0, '127.0.0.1', () => {
  const base = `http://127.0.0.1:${server.address().port}`;
  const add = (name, count) => {
    const bytes = Buffer.from(feed(base, name, count));
    routes.set(`/${name}/index.xml`, { bytes, etag: `"${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}"` });
  };
  add('big', BIG_POSTS);
  for (let i = 0; i < FEEDS; i++) add(`f${i}`, FEED_POSTS);
  // Written whole, then renamed: the bench never reads half an address.
  const file = process.argv[2];
  writeFileSync(`${file}.tmp`, base);
  renameSync(`${file}.tmp`, file);
});
// The bench ends: so does the server.
process.on('disconnect', () => process.exit(0));
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
