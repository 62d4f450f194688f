import type { Token } from 'marked';
import { decodeHTML } from 'entities';
import { splitFrontMatter } from './frontMatter.js';
import { findMath } from './mathSpans.js';
import { countHtmlWords, lexMarkdown, markdownToHtml, stripHtmlLikeHugo, tokensToHtml } from './wordCount.js';
import { datePrefix, fileParts, text } from './generators/common.js';
import { plainSite } from './generators/plain.js';
import type { PostFacts, Site } from './generators/types.js';

export { cutAtWord } from './generators/common.js';

/**
 * One post as the index holds it: the facts its site's rules give it (generators/types.ts),
 * the file it comes from, and the slug earlier versions gave it.
 */
export interface PostEntry extends PostFacts {
  /** Path of the Markdown file, relative to the folder the index describes, with `/`. */
  file: string;
  /** The slug earlier versions of blog-tui gave the post, when different: reading state saved under it is carried over. */
  formerSlug?: string;
  /** The post's web page (a feed's post): `o` offers it, the reader's header shows it. */
  link?: string;
  /** A feed's post whose text is not known yet (its page not read): no word count or reading time. */
  pending?: boolean;
}

/** Front matter keys in lower case, as Hugo reads them (`Title`, `pubDate`); the first spelling wins. */
function lowerKeys(data: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    const lower = key.toLowerCase();
    if (!Object.hasOwn(out, lower)) out[lower] = value;
  }
  return out;
}

const MATH_MARK = /\uE000(\d+)\uE001/g;

/** Math set aside before Markdown sees it: each span becomes a mark, its TeX kept in `tex`. */
function setMathAside(markdown: string, tex: string[]): string {
  if (!markdown.includes('$') && !markdown.includes('\\')) return markdown;
  let out = '';
  let from = 0;
  for (const span of findMath(markdown)) {
    out += markdown.slice(from, span.at) + `\uE000${tex.length}\uE001`;
    tex.push(span.tex.trim());
    from = span.end;
  }
  return out + markdown.slice(from);
}

/**
 * Markdown as one line of plain text, as a list or a summary shows it: rendered to HTML and its
 * text taken as Hugo takes it (tags, comments and scripts removed), entities decoded; footnote
 * references dropped; math shown as its TeX, without delimiters and untouched by Markdown.
 */
function plainText(markdown: string, withoutHtml = false): string {
  const tex: string[] = [];
  const source = setMathAside(markdown, tex);
  const html = withoutHtml ? tokensToHtml(lexMarkdown(source).filter((t) => t.type !== 'html')) : markdownToHtml(source);
  // Footnote references ([^1]) are not part of a summary's text.
  const plain = decodeHTML(stripHtmlLikeHugo(html).replace(/\[\^[^\]\s]{1,64}\]/g, ''));
  return (tex.length ? plain.replace(MATH_MARK, (_, n: string) => tex[Number(n)] ?? '') : plain).replace(/\s+/g, ' ').trim();
}

/**
 * The slug earlier versions of blog-tui gave a file: `slug`, else the file name without a
 * Jekyll date prefix, or a page bundle's folder name. Reading state was saved under it.
 */
export function defaultSlug(relativeFile: string): string {
  const parts = fileParts(relativeFile.replace(/\.(md|markdown|mdx)$/i, '.md'));
  return parts.name === 'index' || parts.name === '_index' ? parts.base : datePrefix(parts.base)?.rest ?? parts.base;
}

/** A heading's text without a written id or attributes at its end (`Title {#top}`, `Title {#id .class}`). */
function withoutHeadingId(text: string): string {
  const at = text.lastIndexOf('{#');
  return at >= 0 && /^\{#[^\s{}]+[^{}]*\}\s*$/.test(text.slice(at)) ? text.slice(0, at).trimEnd() : text;
}

/** Builds the index entry of one post of a site from its source text. Throws FrontMatterError. */
export function entryWith(site: Site, source: string, relativeFile: string): PostEntry {
  const split = splitFrontMatter(source, site.frontMatterAtStart === true);
  const data = lowerKeys(split.data);
  const body = site.prepareBody(split.body, relativeFile, split.data);
  // One lexing serves the word count, the first paragraph and the first heading.
  let tokens: Token[] | undefined;
  const lexed = () => (tokens ??= lexMarkdown(body));
  const facts = site.facts({
    data,
    body,
    source: split.body,
    file: relativeFile,
    plain: plainText,
    firstParagraph: () => {
      const paragraph = lexed().find((t) => t.type === 'paragraph');
      return paragraph ? plainText(paragraph.raw) : '';
    },
    firstHeading: () => {
      const heading = lexed().find((t): t is Token & { depth: number; text: string } => t.type === 'heading' && (t as { depth: number }).depth === 1);
      return heading ? plainText(withoutHeadingId(heading.text)) || undefined : undefined;
    },
    hugoWords: () => countHtmlWords(tokensToHtml(lexed())),
  });
  const entry: PostEntry = {
    slug: facts.slug,
    url: facts.url,
    title: facts.title,
    ...(facts.date ? { date: facts.date } : {}),
    tags: facts.tags,
    summary: facts.summary,
    words: facts.words,
    readingMinutes: facts.readingMinutes,
    file: relativeFile,
  };
  if (facts.draft) entry.draft = true;
  if (facts.unlisted) entry.unlisted = true;
  if (facts.publishDate) entry.publishDate = facts.publishDate;
  if (facts.expiryDate) entry.expiryDate = facts.expiryDate;
  if (facts.linkTitle) entry.linkTitle = facts.linkTitle;
  if (facts.authors?.length) entry.authors = facts.authors;
  const former = text(data.slug) ?? defaultSlug(relativeFile);
  if (former !== entry.slug) entry.formerSlug = former;
  return entry;
}

/** The entry of a post in a plain folder of Markdown (the bundled posts). Throws FrontMatterError. */
export function entryFromSource(source: string, relativeFile: string): PostEntry {
  return entryWith(plainSite, source, relativeFile);
}
