/**
 * The article of a web page, for feeds that carry only summaries: Mozilla's Readability (the
 * Firefox reader view) over linkedom's DOM. Both load only when a page has to be read.
 */
export interface Article {
  html: string;
  title?: string;
}

/** The page's article as HTML, or undefined when Readability finds none. */
export async function extractArticle(html: string, url: string): Promise<Article | undefined> {
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
  const article = new Readability(document as unknown as Document, { charThreshold: 200 }).parse();
  if (!article?.content) return undefined;
  return { html: article.content, ...(article.title ? { title: article.title } : {}) };
}
