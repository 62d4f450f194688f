import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/content/feeds/article.js';
import { htmlWords } from '../../src/content/feeds/feedEntries.js';

const SENTENCE = 'A post on a blog is mostly paragraphs of text that a reader wants to see whole, without the page around it.';

/** A page as a blog theme writes it: the site's name in the banner, navigation, the post, a footer with a form. */
function page(title: string, content: string, site = 'Julia Writes', tags: string[] = []): string {
  const tagLine = tags.length ? `<div class="post-tags">${tags.map((t) => `• <a class="post-tag" href="/categories/${t}">${t}</a>`).join(' ')} •</div>` : '';
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title} - ${site}</title></head><body>
<header role="banner"><h1><a href="/">${site}</a></h1><ul class="header-links"><li><a href="/about">About</a></li><li><a href="/talks">Talks</a></li></ul></header>
<div id="main"><div id="content"><article class="hentry" role="article"><header><h1 class="entry-title">${title}</h1>${tagLine}</header>
<div class="entry-content">${content}</div>
<footer><form action="/subscribe"><input type="email" name="EMAIL"> Want a weekly digest of these posts? <input type="submit" value="Subscribe"></form></footer>
</article></div></div><footer role="contentinfo">© ${site}</footer></body></html>`;
}

describe('the article of a post\'s page', () => {
  it('leaves out the post\'s title when the page\'s title names the site too (a short title)', async () => {
    const content = `<p>${SENTENCE} ${SENTENCE}</p><p>${SENTENCE}</p>`;
    const article = await extractArticle(page('Why I like Rust', content), 'http://127.0.0.1/posts/rust/', 'Why I like Rust');
    expect(article!.html).not.toContain('Why I like Rust');
    expect(htmlWords(article!.html)).toBe(htmlWords(content));
  });

  it('keeps headings whose ids read like a page\'s header, menu or comments, with their ids', async () => {
    const content = [
      `<p>${SENTENCE} ${SENTENCE}</p>`,
      '<h2 id="gzip-headers-and-metadata">Gzip headers and metadata</h2>',
      `<p>${SENTENCE}</p>`,
      '<h3 id="related-work">Related work</h3>',
      `<p>${SENTENCE}</p>`,
      '<h3 id="comments-in-the-code">Comments in the code</h3>',
      `<p>${SENTENCE}</p>`,
    ].join('\n');
    const article = await extractArticle(page('How gzip works', content), 'http://127.0.0.1/posts/gzip/', 'How gzip works');
    for (const id of ['gzip-headers-and-metadata', 'related-work', 'comments-in-the-code']) expect(article!.html).toContain(`id="${id}"`);
    expect(article!.html).toContain('Gzip headers and metadata');
    expect(article!.html).not.toContain('data-blog-tui-heading-id');
    expect(htmlWords(article!.html)).toBe(htmlWords(content));
  });

  it('keeps a post of notes that are lists of links with words around them', async () => {
    const item = (i: number) => `<li>on system ${i}, learn the tracing tool first: I wrote <a href="/posts/tool-${i}/">a zine about it</a> that you can print and read</li>`;
    const list = (from: number) => `<ul>${Array.from({ length: 7 }, (_, i) => item(from + i)).join('')}</ul>`;
    const content = `<p>I gave a talk today! If you came, thanks for coming! Here are some notes and links.</p><h3 id="on-debugging">on debugging</h3>${list(1)}<h3 id="on-speed">on computers being fast</h3>${list(8)}`;
    const article = await extractArticle(page('A few notes on my talk', content), 'http://127.0.0.1/posts/talk/', 'A few notes on my talk');
    expect(article!.html).toContain('on system 14, learn');
    expect(htmlWords(article!.html)).toBe(htmlWords(content));
  });

  it('keeps a row of buttons that are only links (read it online, get the print version)', async () => {
    const content = [
      `<p>${SENTENCE} ${SENTENCE}</p>`,
      '<div align="center"><a class="button" href="/zine.pdf">Read the zine online!</a> <a class="button" href="/zine-print.pdf">Get the print version!</a></div>',
      `<p>${SENTENCE}</p>`,
    ].join('\n');
    const article = await extractArticle(page('A new zine', content), 'http://127.0.0.1/posts/zine/', 'A new zine');
    expect(article!.html).toContain('Get the print version!');
    expect(htmlWords(article!.html)).toBe(htmlWords(content));
  });

  it('keeps the whole post when a stray </div> in it closes the post\'s container half way', async () => {
    const slide = (i: number) => `<div class="container"><div class="slide"><a href="/slides/${i}.png"><img src="/slides/${i}-small.png"></a></div><div class="content"><p>Slide ${i}: ${SENTENCE}</p></div></div>`;
    const slides = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => slide(from + i)).join('\n');
    // The stray end tag closes the post's <div> as a browser closes it: the later slides sit beside it.
    const content = `<p>${SENTENCE}</p>\n${slides(1, 12)}\n</div>\n${slides(13, 20)}`;
    const article = await extractArticle(page('A talk and its slides', content), 'http://127.0.0.1/posts/talk/', 'A talk and its slides');
    expect(article!.html).toContain('Slide 20:');
    expect(article!.html).not.toContain('A talk and its slides');
    expect(article!.html).not.toContain('Want a weekly digest');
    expect(htmlWords(article!.html)).toBe(htmlWords(content));
  });

  it('keeps what an <xmp> shows as written, so its words count as in the post', async () => {
    const content = [
      `<p>${SENTENCE} ${SENTENCE}</p>`,
      '<xmp>\n<div id="app">\n  <h2 v-if="won()">YOU WIN</h2>\n</div>\n<style type="text/css">\n.circle { width: 50px; }\n</xmp>',
      `<p>${SENTENCE}</p>`,
    ].join('\n');
    const article = await extractArticle(page('A tiny game', content), 'http://127.0.0.1/posts/game/', 'A tiny game');
    expect(article!.html).toContain('<xmp>\n<div id="app">');
    expect(htmlWords(article!.html)).toBe(htmlWords(content));
  });

  it('leaves out the tags under the title of a short post', async () => {
    const content = '<p>I gave a talk about Rust! There is no video, but the slides are below.</p>';
    const article = await extractArticle(page('Why I like Rust', content, 'Julia Writes', ['rust', 'talks', 'favorite']), 'http://127.0.0.1/posts/rust/', 'Why I like Rust');
    expect(article!.html).not.toContain('favorite');
    expect(htmlWords(article!.html)).toBe(htmlWords(content));
  });
});
