import { splitFrontMatter } from './frontMatter.js';
import { datePrefix, fileParts, text } from './generators/common.js';
import type { PostFacts, PostText, Site } from './generators/types.js';
import type { PostEntry } from './postEntry.js';

/**
 * A post's index entry from its front matter alone, for a folder seen for the first time: the
 * list can show titles, dates and drafts before any Markdown is parsed. The figures that need
 * the body (word count, reading time, a summary taken from the text) are left to the full
 * entry (postEntry.ts), computed in the background; until then the entry is `pending`.
 * No Markdown parser is loaded here.
 */

/** Front matter keys in lower case, as Hugo reads them (`Title`, `pubDate`); the first spelling wins. */
export function lowerKeys(data: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    const lower = key.toLowerCase();
    if (!Object.hasOwn(out, lower)) out[lower] = value;
  }
  return out;
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
export function withoutHeadingId(text: string): string {
  const at = text.lastIndexOf('{#');
  // One character class after the other, not overlapping: linear on any text.
  return at >= 0 && /^\{#[^\s{}][^{}]*\}\s*$/.test(text.slice(at)) ? text.slice(0, at).trimEnd() : text;
}

/** The index entry made of a post's facts, its front matter (keys in lower case) and its file. */
export function entryOfFacts(facts: PostFacts, data: Record<string, unknown>, relativeFile: string): PostEntry {
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

/** An ATX heading's text without its closing `#`s (`# Title ##`). */
function withoutClosingHashes(text: string): string {
  let end = text.length;
  while (end > 0 && text[end - 1] === '#') end--;
  if (end === text.length) return text;
  if (end === 0) return '';
  const before = text[end - 1]!;
  return before === ' ' || before === '\t' ? text.slice(0, end).trimEnd() : text;
}

/**
 * The text of the first `# ` heading outside fenced code, as written (inline Markdown is left
 * in; the full entry has it as plain text). One pass over the lines.
 */
export function firstHeadingLine(body: string): string | undefined {
  let fence = '';
  let from = 0;
  while (from < body.length) {
    let end = body.indexOf('\n', from);
    if (end < 0) end = body.length;
    const line = body.slice(from, end).replace(/\r$/, '');
    from = end + 1;
    const indent = line.length - line.trimStart().length;
    if (indent > 3) continue;
    const rest = line.slice(indent);
    if (fence) {
      if (rest.startsWith(fence) && rest.slice(fence.length).replace(/[`~]/g, '').trim() === '') fence = '';
      continue;
    }
    const opening = /^(`{3,}|~{3,})/.exec(rest);
    if (opening) {
      fence = opening[1]!;
      continue;
    }
    if (rest === '#' || rest.startsWith('# ') || rest.startsWith('#\t')) {
      const heading = withoutHeadingId(withoutClosingHashes(rest.slice(1).trim()));
      return heading || undefined;
    }
  }
  return undefined;
}

/** The entry of one post of a site from its front matter alone (see above). Throws FrontMatterError. */
export function frontMatterEntry(site: Site, source: string, relativeFile: string): PostEntry {
  const split = splitFrontMatter(source, site.frontMatterAtStart === true);
  const data = lowerKeys(split.data);
  const post: PostText = {
    data,
    body: split.body,
    source: split.body,
    file: relativeFile,
    plain: () => '',
    firstParagraph: () => '',
    firstHeading: () => firstHeadingLine(split.body),
    hugoWords: () => 0,
  };
  const entry = entryOfFacts(site.facts(post), data, relativeFile);
  entry.pending = true;
  return entry;
}
