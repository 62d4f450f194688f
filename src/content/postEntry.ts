import type { Token } from 'marked';
import { splitFrontMatter } from './frontMatter.js';
import { normalizeDate } from './dates.js';
import { countHtmlWords, lexMarkdown, markdownToHtml, readingMinutes, stripHtmlLikeHugo, tokensToHtml } from './wordCount.js';

/** One post as the index holds it. Every field comes from the post's file. */
export interface PostEntry {
  slug: string;
  title: string;
  /** ISO 8601: YYYY-MM-DD, or a date and time; absent when the post has none. */
  date?: string;
  tags: string[];
  summary: string;
  words: number;
  readingMinutes: number;
  /** Path of the Markdown file, relative to the folder the index describes, with `/`. */
  file: string;
  draft?: boolean;
}

const SUMMARY_LIMIT = 240;
const MORE = /<!--\s*more\s*-->/i;

function text(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (typeof value === 'number') return String(value);
  return undefined;
}

function stringList(value: unknown): string[] {
  if (typeof value === 'string') return value.trim() ? [value.trim()] : [];
  if (!Array.isArray(value)) return [];
  return value.map((v) => text(v)).filter((v): v is string => v !== undefined);
}

function plainText(markdown: string): string {
  return stripHtmlLikeHugo(markdownToHtml(markdown)).replace(/\s+/g, ' ').trim();
}

/** Cuts text at a word boundary so it is at most `limit` characters, adding an ellipsis. */
export function cutAtWord(value: string, limit: number): string {
  if (value.length <= limit) return value;
  const cut = value.slice(0, limit - 1);
  const space = cut.lastIndexOf(' ');
  return (space > limit / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '') + '…';
}

function firstHeading(body: string): string | undefined {
  const m = /^#[ \t]+(.+?)[ \t#]*$/m.exec(body);
  return m ? plainText(m[1]!) : undefined;
}

function derivedSummary(body: string, tokens: readonly Token[]): string {
  const more = MORE.exec(body);
  if (more) return cutAtWord(plainText(body.slice(0, more.index)), SUMMARY_LIMIT);
  for (const token of tokens) {
    if (token.type === 'paragraph') return cutAtWord(plainText(token.raw), SUMMARY_LIMIT);
  }
  return '';
}

/** Jekyll's post file names: `YYYY-MM-DD-slug.md`. */
const JEKYLL_NAME = /^(\d{4}-\d{2}-\d{2})-(.+)$/;

/**
 * The slug a file gets without a `slug` field: its name without a Jekyll date prefix, or its
 * folder's name for a page bundle's `index.md`.
 */
export function defaultSlug(relativeFile: string): string {
  const parts = relativeFile.split('/');
  const name = parts[parts.length - 1]!.replace(/\.(md|markdown)$/i, '');
  if ((name === 'index' || name === '_index') && parts.length > 1) return parts[parts.length - 2]!;
  return JEKYLL_NAME.exec(name)?.[2] ?? name;
}

/** Front matter keys in lower case, as Hugo reads them (`Title`, `pubDate`); the first spelling wins. */
function lowerKeys(data: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    const lower = key.toLowerCase();
    if (!(lower in out)) out[lower] = value;
  }
  return out;
}

/** Hugo's date fallbacks (date, publishDate, pubdate, published, lastmod, modified); Astro's pubDate. */
const DATE_KEYS = ['date', 'publishdate', 'pubdate', 'published', 'lastmod', 'modified'];

function isDraft(data: Record<string, unknown>, relativeFile: string): boolean {
  if (data.draft === true || data.draft === 'true') return true;
  // Jekyll: `published: false`, and everything under _drafts/.
  if (data.published === false || data.published === 'false') return true;
  return /(^|\/)_drafts\//.test(relativeFile);
}

/** Builds the index entry for one post from its source text. Throws FrontMatterError. */
export function entryFromSource(source: string, relativeFile: string): PostEntry {
  const split = splitFrontMatter(source);
  const data = lowerKeys(split.data);
  const body = split.body;
  // One lexing serves both the word count and the first paragraph.
  const tokens = lexMarkdown(body);
  const words = countHtmlWords(tokensToHtml(tokens));
  const fileName = defaultSlug(relativeFile);
  const date = firstDate(DATE_KEYS.map((key) => data[key])) ?? jekyllDate(relativeFile);
  const entry: PostEntry = {
    slug: text(data.slug) ?? fileName,
    title: text(data.title) ?? firstHeading(body) ?? fileName,
    ...(date ? { date } : {}),
    tags: [...stringList(data.tags), ...stringList(data.categories)],
    summary: text(data.summary) ?? text(data.description) ?? text(data.excerpt) ?? derivedSummary(body, tokens),
    words,
    readingMinutes: readingMinutes(words),
    file: relativeFile,
  };
  if (isDraft(data, relativeFile)) entry.draft = true;
  return entry;
}

function firstDate(values: unknown[]): string | undefined {
  for (const value of values) {
    const date = normalizeDate(value);
    if (date) return date;
  }
  return undefined;
}

function jekyllDate(relativeFile: string): string | undefined {
  const m = JEKYLL_NAME.exec(relativeFile.split('/').pop()!);
  return m ? normalizeDate(m[1]) : undefined;
}
