import { countHtmlWords } from '../wordCount.js';

/**
 * The article of a web page, for feeds that carry only summaries: Mozilla's Readability (the
 * Firefox reader view) over linkedom's DOM, written out as HTML by parse5's serializer. All three
 * load only when a page has to be read.
 */
export interface Article {
  html: string;
  title?: string;
}

/**
 * Readability's options. A block is never dropped for its share of link text alone: a post's
 * paragraph of links, a talk's notes between links to its slides, or a row of "Read it online /
 * Get the print version" buttons is the post's own text. Navigation, share bars and related
 * posts are still left out by Readability's other rules (their class names, forms, lists).
 */
const LINK_DENSITY_MODIFIER = 0.8;

/** Where a heading's id waits while Readability reads the page. */
const HEADING_ID = 'data-blog-tui-heading-id';

/**
 * The page's own element for the post (HTML's `<article>`, else `<main>`), when the page has
 * exactly one, is taken instead of Readability's article when Readability kept less than this
 * share of its words: markup that closes the post's container early (a stray `</div>` in the
 * post) leaves the rest of the post beside the container, where Readability does not look.
 */
const OWN_ELEMENT_SHARE = 0.8;

/** The parts of an `<article>` or `<main>` that are not the post: its title and meta, related links, forms. */
const NOT_THE_POST = 'header, footer, nav, aside, form, script, style, noscript, template';

const HTML_NS = 'http://www.w3.org/1999/xhtml';

/** The DOM as linkedom builds it, as far as the serializer reads it. */
interface DomNode {
  nodeType: number;
  parentNode: DomNode | null;
  childNodes: ArrayLike<DomNode>;
  localName?: string;
  namespaceURI?: string;
  nodeValue?: string | null;
  name?: string;
  content?: DomNode;
  getAttributeNames?: () => string[];
  getAttribute?: (name: string) => string | null;
}

/**
 * parse5's serializer reading linkedom's nodes: HTML written as the HTML standard writes a DOM
 * out, so the text of `<xmp>`, `<noembed>` or `<noframes>` stays raw as in the page (linkedom
 * escapes it, which turns the tags shown in an `<xmp>` into words).
 */
const LINKEDOM_ADAPTER = {
  getChildNodes: (node: DomNode) => Array.from(node.childNodes ?? []),
  getParentNode: (node: DomNode) => node.parentNode,
  getTemplateContent: (node: DomNode) => node.content ?? node,
  // Readability makes its elements as `DIV`: HTML's names are written in lower case.
  getTagName: (node: DomNode) => (node.namespaceURI === HTML_NS || !node.namespaceURI ? (node.localName ?? '').toLowerCase() : node.localName ?? ''),
  getNamespaceURI: (node: DomNode) => node.namespaceURI ?? HTML_NS,
  getAttrList: (node: DomNode) => (node.getAttributeNames?.() ?? []).map((name) => ({ name, value: node.getAttribute!(name) ?? '' })),
  isElementNode: (node: DomNode) => node.nodeType === 1,
  isTextNode: (node: DomNode) => node.nodeType === 3,
  isCommentNode: (node: DomNode) => node.nodeType === 8,
  isDocumentTypeNode: (node: DomNode) => node.nodeType === 10,
  getTextNodeContent: (node: DomNode) => node.nodeValue ?? '',
  getCommentNodeContent: (node: DomNode) => node.nodeValue ?? '',
  getDocumentTypeNodeName: (node: DomNode) => node.name ?? 'html',
};

/**
 * The page's article as HTML, or undefined when Readability finds none. `title` is the post's
 * title from the feed: Readability drops the heading that repeats the article's title, and with
 * the page's own `<title>` ("Post - Blog") it can take the site's name in the banner for it and
 * keep the post's heading as text.
 */
export async function extractArticle(html: string, url: string, title?: string): Promise<Article | undefined> {
  const [{ parseHTML }, readability, { serialize }] = await Promise.all([import('linkedom'), import('@mozilla/readability'), import('parse5')]);
  // A CommonJS module: its exports arrive as the default export once bundled.
  const { Readability } = (readability as unknown as { default?: typeof readability }).default ?? readability;
  const { document } = parseHTML(html);
  const write = (node: unknown): string => serialize(node as never, { treeAdapter: LINKEDOM_ADAPTER as never });
  // Readability resolves relative addresses against the document's base: give it the page's.
  const head = document.querySelector('head');
  if (head && !document.querySelector('base[href]')) {
    const base = document.createElement('base');
    base.setAttribute('href', url);
    head.prepend(base);
  }
  if (title?.trim()) document.title = title;
  // An <article>'s own <header> holds its title, date and tags, not the post: Readability
  // leaves out footers but keeps a header when it takes the whole <article> (a short post).
  for (const element of Array.from(document.querySelectorAll('article'))) {
    for (const child of Array.from(element.children)) if (child.localName === 'header') child.remove();
  }
  const own = ownElement(document, write, title);
  // Site generators make a heading's id from its text ("Gzip headers" -> gzip-headers), and
  // Readability drops any element whose id looks like a page's header, menu or comments: the
  // headings keep their ids aside while it reads, and get them back in the article.
  for (const heading of Array.from(document.querySelectorAll('h1[id], h2[id], h3[id], h4[id], h5[id], h6[id]'))) {
    heading.setAttribute(HEADING_ID, heading.getAttribute('id') ?? '');
    heading.removeAttribute('id');
  }
  type Root = typeof document.body;
  const serializer = (node: unknown): string => {
    const root = node as unknown as Root;
    for (const heading of Array.from(root.querySelectorAll(`[${HEADING_ID}]`))) {
      heading.setAttribute('id', heading.getAttribute(HEADING_ID) ?? '');
      heading.removeAttribute(HEADING_ID);
    }
    return write(root);
  };
  // linkDensityModifier is in Readability's README and code, not yet in its type declarations.
  const options = { charThreshold: 200, linkDensityModifier: LINK_DENSITY_MODIFIER, serializer };
  const article = new Readability<string>(document as unknown as Document, options as never).parse();
  const titled = (content: string): Article => ({ html: content, ...(article?.title ? { title: article.title } : {}) });
  if (own && own.words > 0 && (!article?.content || countHtmlWords(article.content) < OWN_ELEMENT_SHARE * own.words)) return titled(own.html);
  return article?.content ? titled(article.content) : undefined;
}

/**
 * The post as the page's single `<article>` (else `<main>`) holds it, without its header, footer,
 * navigation and forms, and without the heading that repeats the post's title (as Readability
 * leaves it out).
 */
function ownElement(document: ReturnType<typeof import('linkedom').parseHTML>['document'], write: (node: unknown) => string, title?: string): { html: string; words: number } | undefined {
  const plain = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
  for (const name of ['article', 'main']) {
    const found = document.querySelectorAll(name);
    if (found.length === 0) continue;
    if (found.length > 1) return undefined;
    const copy = found[0]!.cloneNode(true) as typeof found[0];
    for (const part of Array.from(copy.querySelectorAll(NOT_THE_POST))) part.remove();
    const heading = copy.querySelector('h1, h2');
    if (heading && title && plain(heading.textContent) === plain(title)) heading.remove();
    const html = write(copy).trim();
    return { html, words: countHtmlWords(html) };
  }
  return undefined;
}
