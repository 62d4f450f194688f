import { cutAtWord, datePrefix, dividerIndex, fileParts, firstDate, isRepositoryFile, isTrue, isFalse, stringList, SUMMARY_LIMIT, text, unique, urlPath } from './common.js';
import { prepareMdxBody } from './mdxBody.js';
import type { PostFacts, PostText, Site, SiteGenerator } from './types.js';

/**
 * Any folder of Markdown files that no generator claims: every `.md`, `.markdown` and `.mdx`
 * file is a post, read with the fields most generators share. The URL path is the file's
 * folder and slug. Reading time is Hugo's rule (the bundled blog is published with Hugo).
 */

/** Dates under the names generators give them, in the order they are tried. */
const DATE_KEYS = ['date', 'publishdate', 'pubdate', 'published', 'lastmod', 'modified'];

/** Hugo's reading time: (words + 212) / 213 in integer arithmetic. */
export function hugoMinutes(words: number): number {
  return Math.floor((words + 212) / 213);
}

export function plainFacts(post: PostText): PostFacts {
  const { data, file, body } = post;
  const parts = fileParts(file);
  const prefixed = datePrefix(parts.base);
  const slug = text(data.slug) ?? prefixed?.rest ?? parts.base;
  const more = dividerIndex(body, 'more');
  const summary =
    text(data.summary) ?? text(data.description) ?? text(data.excerpt) ?? text(data.spoiler) ??
    cutAtWord(more >= 0 ? post.plain(body.slice(0, more)) : post.firstParagraph(), SUMMARY_LIMIT);
  const date = firstDate(DATE_KEYS.map((key) => data[key])) ?? prefixed?.date;
  const words = post.hugoWords();
  const draft = isTrue(data.draft) || isFalse(data.published) || /(^|\/)_drafts\//.test(file);
  return {
    title: text(data.title) ?? post.firstHeading() ?? parts.base,
    ...(date ? { date } : {}),
    tags: unique([...stringList(data.tags), ...stringList(data.categories)]),
    summary,
    url: urlPath(parts.parent, slug),
    slug,
    ...(draft ? { draft } : {}),
    words,
    readingMinutes: hugoMinutes(words),
  };
}

export const plainSite: Site = {
  generator: 'folder',
  fingerprint: 'folder',
  hidesFuture: false,
  isPost: (file) => !isRepositoryFile(file),
  // MDX is MDX wherever it is: imports and exports dropped, components shown by their text.
  prepareBody: (body, file) => (/\.mdx$/i.test(file) ? prepareMdxBody(body) : body),
  facts: plainFacts,
};

export const plain: SiteGenerator = {
  name: 'folder',
  detect: () => true,
  load: async () => plainSite,
};
