import { decodeHTML } from 'entities';
import type { PostEntry } from '../postEntry.js';
import { countHtmlWords, readingMinutes, stripHtmlLikeHugo } from '../wordCount.js';
import { cutAtWord, SUMMARY_LIMIT, slugify } from '../generators/common.js';
import type { FeedItem } from './feedParse.js';

/** A feed post as the cache keeps it: the item, and its text once known. */
export interface CachedItem {
  item: FeedItem;
  /** The post's whole text as HTML: from the feed, or the article of its page. Absent while not known. */
  html?: string;
  /** Where `html` came from. */
  from?: 'feed' | 'page';
  /** The words of `html` (Hugo's count), kept so that a start need not count them again. */
  words?: number;
  /** Why the page could not be read, when it could not. */
  problem?: string;
}

/** How much of a description or post is read to make its summary line. */
const SUMMARY_SOURCE_CHARS = 4096;

/** The words of HTML as Hugo counts them. */
export function htmlWords(html: string): number {
  return countHtmlWords(html);
}

/** HTML as one line of text. */
export function htmlPlain(html: string): string {
  return decodeHTML(stripHtmlLikeHugo(html)).replace(/\s+/g, ' ').trim();
}

/**
 * Whether an item carries its whole post: a content element, or a description (summary) that
 * is most of the page's article. An item with only a description needs its page read first.
 */
export function feedHasText(item: FeedItem): boolean {
  return item.contentHtml !== undefined;
}

const BLOCK_TAG = /<(p|pre|ul|ol|h[1-6]|blockquote|table|div|figure)\b/i;

/**
 * The text to keep for an item whose page was read: the feed's description when it is the whole
 * post (at least 90 % of the article's words, and HTML with paragraphs where the article has
 * them: a summary such as Hugo's is plain text), else the article. An article shorter than the
 * description is a page Readability misread (a sign-up form taken for the post): the description
 * is kept then.
 */
export function chooseText(item: FeedItem, article: string | undefined): { html: string; from: 'feed' | 'page' } | undefined {
  const description = item.summaryHtml;
  if (article === undefined) return undefined;
  if (description === undefined) return { html: article, from: 'page' };
  const [own, page] = [htmlWords(description), htmlWords(article)];
  const whole = own > page || (own >= 0.9 * page && (BLOCK_TAG.test(description) || !BLOCK_TAG.test(article)));
  return whole ? { html: description, from: 'feed' } : { html: article, from: 'page' };
}

/** The URL path that identifies a post within its feed (its page's path, else its GUID), as `read` and the state key it. */
function postKey(item: FeedItem, site: URL | undefined, index: number): string {
  if (item.link) {
    const url = new URL(item.link);
    const path = url.pathname + url.search;
    return site && url.host !== site.host ? `/${url.host}${path}` : path;
  }
  if (item.id) return `/${encodeURIComponent(item.id)}`;
  return `/${index + 1}/`;
}

function slugOf(item: FeedItem, key: string): string {
  const segment = key.split(/[/?]/).filter(Boolean).pop();
  const decoded = segment ? safeDecode(segment).replace(/\.html?$/, '') : '';
  return decoded || slugify(item.title) || 'post';
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * The index entries of a feed's posts, newest first: titles, dates and tags from the feed, word
 * count and reading time (Hugo's rule) from the post's text when it is known, else marked
 * `pending`; summary from the description, else the text's start.
 */
export function feedEntries(items: readonly CachedItem[], siteUrl: string | undefined): PostEntry[] {
  let site: URL | undefined;
  try {
    site = siteUrl ? new URL(siteUrl) : undefined;
  } catch {
    site = undefined;
  }
  const seen = new Set<string>();
  return items.map(({ item, html, words: counted }, index) => {
    let url = postKey(item, site, index);
    if (seen.has(url)) url = `${url}#${index + 1}`;
    seen.add(url);
    const words = html === undefined ? 0 : (counted ?? htmlWords(html));
    const summarySource = item.summaryHtml && (!html || item.summaryHtml !== html) ? item.summaryHtml : html ?? '';
    const entry: PostEntry = {
      slug: slugOf(item, url),
      url,
      title: item.title || item.link || '(untitled)',
      ...(item.date ? { date: item.date } : {}),
      tags: item.tags,
      // A summary is a line: the start of a whole post is plenty to make it from.
      summary: cutAtWord(htmlPlain(summarySource.slice(0, SUMMARY_SOURCE_CHARS)), SUMMARY_LIMIT),
      words,
      readingMinutes: html === undefined ? 0 : readingMinutes(words),
      file: item.link ?? url,
    };
    if (item.link) entry.link = item.link;
    if (html === undefined) entry.pending = true;
    if (item.authors.length) entry.authors = item.authors;
    return entry;
  });
}
