import type { Token } from 'marked';
import { decodeHTML } from 'entities';
import { splitFrontMatter } from './frontMatter.js';
import { findMath } from './mathSpans.js';
import { countDocumentWords, lexForCount, lexMarkdown, markdownToHtml, stripHtmlLikeHugo, tokensToHtml } from './wordCount.js';
import type { DeferredDocument } from './deferredInline.js';
import { defaultSlug, entryOfFacts, lowerKeys, withoutHeadingId } from './frontMatterEntry.js';
import { plainSite } from './generators/plain.js';
import type { PostFacts, Site } from './generators/types.js';

export { cutAtWord } from './generators/common.js';
export { defaultSlug };

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
  /**
   * A post whose text is not known yet (a feed's post whose page is not read, a folder's post
   * before its body is read): no word count or reading time.
   */
  pending?: boolean;
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

/** Builds the index entry of one post of a site from its source text. Throws FrontMatterError. */
export function entryWith(site: Site, source: string, relativeFile: string): PostEntry {
  const split = splitFrontMatter(source, site.frontMatterAtStart === true);
  const data = lowerKeys(split.data);
  const body = site.prepareBody(split.body, relativeFile, split.data);
  // One lexing of the blocks serves the word count, the first paragraph and the first heading.
  let lexedBody: DeferredDocument | undefined;
  const document = () => (lexedBody ??= lexForCount(body));
  const lexed = () => document().tokens;
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
    hugoWords: () => countDocumentWords(document()),
  });
  return entryOfFacts(facts, data, relativeFile);
}

/** The entry of a post in a plain folder of Markdown (the bundled posts). Throws FrontMatterError. */
export function entryFromSource(source: string, relativeFile: string): PostEntry {
  return entryWith(plainSite, source, relativeFile);
}
