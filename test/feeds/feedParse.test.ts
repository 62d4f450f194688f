import { describe, expect, it } from 'vitest';
import { FeedParseError, feedDate, parseFeedText } from '../../src/content/feeds/feedParse.js';
import { alternateFeeds, feedIn } from '../../src/content/feeds/discover.js';
import { chooseText, feedEntries } from '../../src/content/feeds/feedEntries.js';
import { atom, jsonFeed, rdf, rss2, testPosts } from '../support/feedServer.js';

const BASE = 'http://127.0.0.1:9';
const posts = testPosts();

describe('the four feed formats', () => {
  const formats = {
    'RSS 2.0': rss2(BASE, 'Test & blog', posts),
    'Atom 1.0': atom(BASE, 'Test & blog', posts),
    'RSS 1.0': rdf(BASE, 'Test & blog', posts),
    'JSON Feed': jsonFeed(BASE, 'Test & blog', posts),
  };
  for (const [format, text] of Object.entries(formats)) {
    it(`reads ${format}: titles, absolute links, dates with their zone, tags and the full text`, () => {
      const feed = parseFeedText(text, `${BASE}/feed`);
      expect(feed.format).toBe(format);
      expect(feed.title).toBe('Test & blog');
      expect(feed.items.map((i) => i.title)).toEqual(posts.map((p) => p.title));
      expect(feed.items.map((i) => i.link)).toEqual(posts.map((p) => `${BASE}${p.path}`));
      expect(feed.items.map((i) => i.date)).toEqual(posts.map((p) => p.date));
      expect(feed.items.map((i) => i.tags)).toEqual(posts.map((p) => p.tags));
      expect(feed.items.map((i) => i.contentHtml?.replace(/\s+/g, ''))).toEqual(posts.map((p) => p.html.replace(/\s+/g, '')));
    });
  }

  it('gives every format the same list entries: words and reading time from the HTML, summary, key by URL path', () => {
    const lists = Object.values(formats).map((text) => feedEntries(parseFeedText(text, BASE).items.map((item) => ({ item, html: item.contentHtml! })), `${BASE}/`));
    for (const entries of lists.slice(1)) {
      expect(entries.map(({ title, date, words, readingMinutes, url, slug }) => ({ title, date, words, readingMinutes, url, slug }))).toEqual(
        lists[0]!.map(({ title, date, words, readingMinutes, url, slug }) => ({ title, date, words, readingMinutes, url, slug })),
      );
    }
    const [first] = lists[0]!;
    expect(first).toMatchObject({ url: '/posts/tables-and-code/', slug: 'tables-and-code', link: `${BASE}/posts/tables-and-code/`, summary: 'How tables and code arrive in a feed.' });
    expect(first!.words).toBeGreaterThan(20);
    expect(first!.pending).toBeUndefined();
  });

  it('marks a post whose text is not known yet as pending, with no figures', () => {
    const feed = parseFeedText(rss2(BASE, 'x', posts, false), BASE);
    expect(feed.items[0]!.contentHtml).toBeUndefined();
    const [entry] = feedEntries(feed.items.map((item) => ({ item })), BASE);
    expect(entry).toMatchObject({ pending: true, words: 0, readingMinutes: 0, summary: 'How tables and code arrive in a feed.' });
  });
});

describe('dates', () => {
  it('reads RFC 822 dates with offsets, zone names and without seconds, keeping the zone as written', () => {
    expect(feedDate('Mon, 02 Jan 2006 15:04:05 -0700')).toBe('2006-01-02T15:04:05-07:00');
    expect(feedDate('2 Jan 2006 15:04 GMT')).toBe('2006-01-02T15:04:00Z');
    expect(feedDate('Tue, 10 Jun 2003 04:00:00 EST')).toBe('2003-06-10T04:00:00-05:00');
    expect(feedDate('2024-03-05T09:30:00+01:00')).toBe('2024-03-05T09:30:00+01:00');
    expect(feedDate('31 Feb 2024 10:00:00 +0000')).toBeUndefined();
    expect(feedDate('yesterday')).toBeUndefined();
  });
});

describe('hostile and broken feeds', () => {
  it('never expands an entity bomb: the declared entity stays as written', () => {
    const levels = Array.from({ length: 10 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join('');
    const bomb = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY l0 "lol">${levels}]><rss version="2.0"><channel><title>&l10;</title><link>${BASE}/</link><description>d</description><item><title>t &l10;</title><link>${BASE}/a</link><description>&l9;</description></item></channel></rss>`;
    let text = '';
    try {
      text = JSON.stringify(parseFeedText(bomb, BASE));
    } catch (error) {
      expect(error).toBeInstanceOf(FeedParseError);
    }
    expect(text.length).toBeLessThan(10_000);
    expect(text).not.toContain('lollol');
  });

  it('never reads an external entity', () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel><title>x &secret;</title><link>${BASE}/</link><description>d</description><item><title>&secret;</title><link>${BASE}/a</link></item></channel></rss>`;
    let text = '';
    try {
      text = JSON.stringify(parseFeedText(xxe, BASE));
    } catch (error) {
      expect(error).toBeInstanceOf(FeedParseError);
    }
    expect(text).not.toContain('root:');
  });

  it('says a malformed feed cannot be read, and that an HTML page is not a feed', () => {
    expect(() => parseFeedText('<?xml version="1.0"?><rss version="2.0"><channel><title>x</tit', BASE)).toThrow(FeedParseError);
    expect(() => feedIn('{"version": "https://jsonfeed.org/version/1.1", "items": [', BASE)).toThrow(/malformed JSON/);
    expect(feedIn('<!DOCTYPE html><html><body>hi</body></html>', BASE)).toBeUndefined();
    expect(() => parseFeedText('<?xml version="1.0"?><html><body/></html>', BASE)).toThrow(/not a feed/);
  });

  it('finds the feeds a page names with <link rel="alternate">, resolved against the page', () => {
    const html = `<html><head><link rel="stylesheet" href="/a.css"><link rel="alternate" type="application/rss+xml" href="/index.xml"><link rel="alternate" type="application/atom+xml" href="atom.xml"><link rel="alternate" type="text/html" hreflang="fr" href="/fr/"><link rel="alternate" type="application/rss+xml" href="javascript:alert(1)"></head></html>`;
    expect(alternateFeeds(html, 'http://h.test/blog/')).toEqual(['http://h.test/index.xml', 'http://h.test/blog/atom.xml']);
  });
});

describe('a description: the whole post, or a summary', () => {
  const article = '<p>One two three four five six seven eight nine ten.</p><ul><li>eleven twelve</li></ul>';
  const item = (summaryHtml: string) => ({ title: 't', tags: [], authors: [], summaryHtml });
  it('keeps the feed\'s description when it is the whole post in HTML', () => {
    expect(chooseText(item('<p>One two three four five six seven eight nine ten.</p><p>eleven</p>'), article)).toMatchObject({ from: 'feed' });
  });
  it('takes the article when the description is a plain-text summary or much shorter', () => {
    expect(chooseText(item('One two three four five six seven eight nine ten. eleven'), article)).toMatchObject({ from: 'page', html: article });
    expect(chooseText(item('<p>One two three.</p>'), article)).toMatchObject({ from: 'page' });
    expect(chooseText(item('<p>One</p>'), undefined)).toBeUndefined();
  });
});

describe('an article shorter than the description', () => {
  it('is a page misread: the description is kept', () => {
    const item = { title: 't', tags: [], authors: [], summaryHtml: 'I gave a talk today! Here are some notes and links if you would like to learn more.' };
    expect(chooseText(item, '<div><form><p>Want a weekly digest?</p></form></div>')).toMatchObject({ from: 'feed' });
  });
});
