/**
 * The article of a web page, for feeds that carry only summaries: Mozilla's Readability (the
 * Firefox reader view) over linkedom's DOM. Both load only when a page has to be read.
 */
export interface Article {
  html: string;
  title?: string;
}

/**
 * Readability's options. A low-weight block is dropped as "a little linky" when more than half
 * its text is links, not a fifth (Readability's default): a post's paragraph of links, or a
 * talk's notes between links to its slides, is the post's own text.
 */
const LINK_DENSITY_MODIFIER = 0.3;

/** Where a heading's id waits while Readability reads the page. */
const HEADING_ID = 'data-blog-tui-heading-id';

/**
 * The page's article as HTML, or undefined when Readability finds none. `title` is the post's
 * title from the feed: Readability drops the heading that repeats the article's title, and with
 * the page's own `<title>` ("Post - Blog") it can take the site's name in the banner for it and
 * keep the post's heading as text.
 */
export async function extractArticle(html: string, url: string, title?: string): Promise<Article | undefined> {
  const [{ parseHTML }, readability] = await Promise.all([import('linkedom'), import('@mozilla/readability')]);
  // A CommonJS module: its exports arrive as the default export once bundled.
  const { Readability } = (readability as unknown as { default?: typeof readability }).default ?? readability;
  const { document } = parseHTML(html);
  // Readability resolves relative addresses against the document's base: give it the page's.
  const head = document.querySelector('head');
  if (head && !document.querySelector('base[href]')) {
    const base = document.createElement('base');
    base.setAttribute('href', url);
    head.prepend(base);
  }
  if (title?.trim()) document.title = title;
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
    return root.innerHTML;
  };
  // linkDensityModifier is in Readability's README and code, not yet in its type declarations.
  const options = { charThreshold: 200, linkDensityModifier: LINK_DENSITY_MODIFIER, serializer };
  const article = new Readability<string>(document as unknown as Document, options as never).parse();
  if (!article?.content) return undefined;
  return { html: article.content, ...(article.title ? { title: article.title } : {}) };
}
