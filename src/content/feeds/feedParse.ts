import { parseFeed } from 'feedsmith';
import { XMLValidator } from 'fast-xml-parser';
import { decodeHTML, escapeText } from 'entities';
import { normalizeDate } from '../dates.js';
import { stripTags } from '../htmlText.js';

/** One post of a feed, as any of the four formats gives it. */
export interface FeedItem {
  /** The GUID (RSS), id (Atom, JSON Feed) or rdf:about (RSS 1.0). */
  id?: string;
  /** The post's web page, absolute. */
  link?: string;
  title: string;
  /** ISO 8601, the time zone as the feed wrote it. */
  date?: string;
  tags: string[];
  authors: string[];
  /** The post's text as HTML: content:encoded, Atom content, content_html. */
  contentHtml?: string;
  /** The description (RSS), summary (Atom, JSON Feed) as HTML: a summary or the whole post. */
  summaryHtml?: string;
}

export type FeedFormat = 'RSS 2.0' | 'Atom 1.0' | 'RSS 1.0' | 'JSON Feed';

export interface Feed {
  format: FeedFormat;
  title: string;
  /** The site's home page. */
  link?: string;
  items: FeedItem[];
}

import { FeedParseError } from './errors.js';

export { FeedParseError };

type Loose = Record<string, unknown>;

const str = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const loose = (value: unknown): Loose => (typeof value === 'object' && value !== null ? (value as Loose) : {});

/** Text as HTML, so that every body and summary is HTML. */
function textAsHtml(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => `<p>${escapeText(part)}</p>`)
    .join('\n');
}

/** An Atom text construct (text, html or xhtml) as HTML. */
function atomHtml(value: unknown): string | undefined {
  const v = loose(value);
  const text = str(v.value);
  if (!text || str(v.src)) return undefined;
  return v.type === 'html' || v.type === 'xhtml' || (typeof v.type === 'string' && v.type.includes('html')) ? text : textAsHtml(text);
}

/** A title as plain text: HTML (Atom's type="html") read as a browser would; entities escaped twice decoded. */
function plainTitle(value: string | undefined, html = false): string {
  if (!value) return '';
  const text = html && value.includes('<') ? stripTags(value) : value;
  return decodeHTML(text).replace(/\s+/g, ' ').trim();
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const ZONES: Record<string, string> = { UT: 'Z', UTC: 'Z', GMT: 'Z', Z: 'Z', EST: '-05:00', EDT: '-04:00', CST: '-06:00', CDT: '-05:00', MST: '-07:00', MDT: '-06:00', PST: '-08:00', PDT: '-07:00' };
const RFC822 = /^(?:[A-Za-z]{3,9},?\s+)?(\d{1,2})\s+([A-Za-z]{3,9})\s+(\d{2,4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*([+-]\d{2}:?\d{2}|[A-Za-z]{1,5})?$/;

/** A feed's date as ISO 8601 with the time zone it was written in: RFC 822 (RSS) or RFC 3339 (Atom, JSON Feed). */
export function feedDate(value: unknown): string | undefined {
  const text = str(value);
  if (!text) return undefined;
  const m = RFC822.exec(text);
  if (!m) return normalizeDate(text);
  const [, day, monthName, yearText, hour, minute, second, zoneText] = m;
  const month = MONTHS.indexOf(monthName!.slice(0, 3).toLowerCase());
  if (month < 0) return undefined;
  const year = yearText!.length === 2 ? 2000 + Number(yearText) : Number(yearText);
  const date = `${year}-${String(month + 1).padStart(2, '0')}-${day!.padStart(2, '0')}`;
  if (hour === undefined) return normalizeDate(date);
  let zone = '';
  if (zoneText) {
    zone = /^[+-]/.test(zoneText) ? `${zoneText.slice(0, 3)}:${zoneText.slice(-2)}` : ZONES[zoneText.toUpperCase()] ?? '';
  }
  return normalizeDate(`${date}T${hour.padStart(2, '0')}:${minute}:${second ?? '00'}${zone}`);
}

/** An address resolved against the feed's; undefined unless http or https. */
function absolute(href: string | undefined, base: string): string | undefined {
  if (!href) return undefined;
  try {
    const url = new URL(href, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function dcDates(item: Loose): unknown {
  return list(loose(item.dc).dates)[0] ?? loose(item.dcterms).issued ?? loose(item.dcterms).created;
}

function rssItem(item: Loose, base: string): FeedItem {
  const guid = loose(item.guid);
  const guidText = str(guid.value);
  const permalink = guidText && guid.isPermaLink !== false ? absolute(guidText, base) : undefined;
  const content = str(loose(item.content).encoded);
  const description = str(item.description);
  return {
    ...(guidText ? { id: guidText } : {}),
    ...withLink(absolute(str(item.link), base) ?? permalink),
    title: plainTitle(str(item.title)),
    ...withDate(feedDate(item.pubDate) ?? feedDate(dcDates(item))),
    tags: [...list(item.categories).map((c) => str(loose(c).name)), ...list(loose(item.dc).subjects).map(str)].filter((t): t is string => !!t),
    authors: [str(item.author), ...list(loose(item.dc).creators).map(str)].filter((a): a is string => !!a),
    ...(content ? { contentHtml: content } : {}),
    ...(description ? { summaryHtml: description } : {}),
  };
}

function atomItem(entry: Loose, base: string): FeedItem {
  const links = list(entry.links).map(loose);
  const page = links.find((l) => (l.rel ?? 'alternate') === 'alternate' && (!l.type || String(l.type).includes('html'))) ?? links.find((l) => (l.rel ?? 'alternate') === 'alternate');
  const content = atomHtml(entry.content);
  const summary = atomHtml(entry.summary);
  const id = str(entry.id);
  return {
    ...(id ? { id } : {}),
    ...withLink(absolute(str(page?.href), base)),
    title: plainTitle(str(loose(entry.title).value), String(loose(entry.title).type ?? '').includes('html')),
    ...withDate(feedDate(entry.published) ?? feedDate(entry.updated) ?? feedDate(dcDates(entry))),
    tags: list(entry.categories).map((c) => str(loose(c).label) ?? str(loose(c).term)).filter((t): t is string => !!t),
    authors: list(entry.authors).map((a) => str(loose(a).name)).filter((a): a is string => !!a),
    ...(content ? { contentHtml: content } : {}),
    ...(summary ? { summaryHtml: summary } : {}),
  };
}

function rdfItem(item: Loose, base: string): FeedItem {
  const about = str(loose(item.rdf).about);
  const content = str(loose(item.content).encoded);
  const description = str(item.description);
  return {
    ...(about ? { id: about } : {}),
    ...withLink(absolute(str(item.link), base) ?? absolute(about, base)),
    title: plainTitle(str(item.title)),
    ...withDate(feedDate(dcDates(item))),
    tags: list(loose(item.dc).subjects).map(str).filter((t): t is string => !!t),
    authors: list(loose(item.dc).creators).map(str).filter((a): a is string => !!a),
    ...(content ? { contentHtml: content } : {}),
    ...(description ? { summaryHtml: description } : {}),
  };
}

function jsonItem(item: Loose, base: string): FeedItem {
  const id = str(item.id) ?? (typeof item.id === 'number' ? String(item.id) : undefined);
  const html = str(item.content_html);
  const text = str(item.content_text);
  const summary = str(item.summary);
  const authors = [...list(item.authors), ...(item.author ? [item.author] : [])];
  return {
    ...(id ? { id } : {}),
    ...withLink(absolute(str(item.url), base) ?? absolute(str(item.external_url), base)),
    title: plainTitle(str(item.title)),
    ...withDate(feedDate(item.date_published) ?? feedDate(item.date_modified)),
    tags: list(item.tags).map(str).filter((t): t is string => !!t),
    authors: authors.map((a) => str(loose(a).name)).filter((a): a is string => !!a),
    ...(html ? { contentHtml: html } : text ? { contentHtml: textAsHtml(text) } : {}),
    ...(summary ? { summaryHtml: textAsHtml(summary) } : {}),
  };
}

const withLink = (link: string | undefined) => (link ? { link } : {});
const withDate = (date: string | undefined) => (date ? { date } : {});

/** The XML declaration or DOCTYPE: a document that starts as XML does. */
export function looksLikeXml(text: string): boolean {
  return /^\s*<(\?xml|rss|feed|rdf:RDF)\b/i.test(text.slice(0, 512).replace(/^\uFEFF/, ''));
}

/**
 * Reads RSS 2.0, Atom 1.0, RSS 1.0 or JSON Feed 1.x (feedsmith, over fast-xml-parser). A DTD's
 * entities are never expanded and external entities never fetched: an entity declared in the
 * document stays as written. `base` is the feed's address, for relative links.
 */
export function parseFeedText(text: string, base: string): Feed {
  const source = text.replace(/^\uFEFF/, '');
  // The parser reads what it can of a truncated or broken document; a feed must be whole, or
  // posts would vanish from the cache.
  if (!source.trimStart().startsWith('{')) {
    const valid = XMLValidator.validate(source);
    if (valid !== true) throw new FeedParseError(`the feed cannot be read (malformed XML at line ${valid.err.line})`);
  }
  let parsed: ReturnType<typeof parseFeed>;
  try {
    parsed = parseFeed(source);
  } catch (error) {
    const name = (error as Error)?.constructor?.name;
    if (name === 'DetectError') throw new FeedParseError('not a feed (RSS, Atom or JSON Feed)');
    throw new FeedParseError(`the feed cannot be read (${name === 'MalformedError' ? 'malformed XML or JSON' : (error as Error).message})`);
  }
  const feed = loose(parsed.feed);
  switch (parsed.format) {
    case 'rss':
      return { format: 'RSS 2.0', title: plainTitle(str(feed.title)), ...withLink(absolute(str(feed.link), base)), items: list(feed.items).map((i) => rssItem(loose(i), base)) };
    case 'atom': {
      const home = list(feed.links).map(loose).find((l) => (l.rel ?? 'alternate') === 'alternate');
      return { format: 'Atom 1.0', title: plainTitle(str(loose(feed.title).value)), ...withLink(absolute(str(home?.href), base)), items: list(feed.entries).map((e) => atomItem(loose(e), base)) };
    }
    case 'rdf':
      return { format: 'RSS 1.0', title: plainTitle(str(feed.title)), ...withLink(absolute(str(feed.link), base)), items: list(feed.items).map((i) => rdfItem(loose(i), base)) };
    case 'json':
      return { format: 'JSON Feed', title: plainTitle(str(feed.title)), ...withLink(absolute(str(feed.home_page_url), base)), items: list(feed.items).map((i) => jsonItem(loose(i), base)) };
    default:
      throw new FeedParseError('not a feed (RSS, Atom or JSON Feed)');
  }
}
