import { cutAtWord, countReadingTimeWords, datePrefix, dividerIndex, fileParts, firstDate, isRepositoryFile, isTrue, stringList, SUMMARY_LIMIT, text, under, unique } from './common.js';
import { fingerprint, scriptString } from './config.js';
import { prepareMdxBody } from './mdxBody.js';
import type { FolderProbe, PostFacts, PostText, Site, SiteGenerator } from './types.js';

/**
 * Docusaurus's blog (docusaurus.io, plugin-content-blog). The site root holds
 * docusaurus.config.{js,ts,mjs}, directly or in website/. Posts are the .md and .mdx files of
 * blog/ (files and folders starting with `_` excluded); the docs, README and pages are not
 * posts. The date is `date`, else the `YYYY-MM-DD-` prefix of the file or folder name, else
 * `YYYY/MM/DD/` folders; the URL path is /blog/ then `slug` when given, else the date as
 * YYYY/MM/DD and the name; the summary is the text before `<!-- truncate -->` (or
 * `{/* truncate *\/}`), else `description`, else the first paragraph; `draft` and `unlisted`
 * hide a post. Reading time is the `reading-time` package's, which Docusaurus uses: words of
 * the Markdown source, 200 a minute, rounded up.
 */

const CONFIGS = ['docusaurus.config.js', 'docusaurus.config.ts', 'docusaurus.config.mjs', 'docusaurus.config.cjs'];

function siteBase(probe: FolderProbe): { base: string; config: string } | undefined {
  for (const base of ['', 'website/']) {
    const config = CONFIGS.map((c) => base + c).find((c) => probe.isFile(c));
    if (config && probe.isFolder(`${base}blog`)) return { base, config };
  }
  return undefined;
}

function truncateIndex(source: string): number {
  const comment = dividerIndex(source, 'truncate');
  const jsx = source.search(/\{\/\*\s*truncate\s*\*\/\}/);
  return comment < 0 ? jsx : jsx < 0 ? comment : Math.min(comment, jsx);
}

function dateInFolders(path: string): { date: string; rest: string } | undefined {
  const m = /^(\d{4})\/(\d{2})\/(\d{2})\/(.+)$/.exec(path);
  const date = m ? firstDate([`${m[1]}-${m[2]}-${m[3]}`]) : undefined;
  return date ? { date, rest: m![4]! } : undefined;
}

function docusaurusFacts(blogDir: string, prepare: (body: string) => string, post: PostText): PostFacts {
  const { data, body, source, file } = post;
  const rel = under(blogDir, file) ?? file;
  const folders = dateInFolders(rel);
  const parts = fileParts(folders?.rest ?? rel);
  const prefixed = datePrefix(parts.base);
  const name = prefixed?.rest ?? parts.base;
  const date = firstDate([data.date]) ?? prefixed?.date ?? folders?.date;
  const slug = text(data.slug);
  const datePath = date ? date.slice(0, 10).replaceAll('-', '/') : '';
  const url = slug
    ? `/blog/${slug.replace(/^\/+/, '')}`
    : `/blog/${[parts.parent, datePath, name].filter(Boolean).join('/')}`;
  const cut = truncateIndex(source);
  // A leading `# Title` is the page's title, not shown twice.
  const lead = cut >= 0 ? source.slice(0, cut).replace(/^\s*#[ \t][^\n]*\n/, '') : '';
  const summary = cut >= 0 ? post.plain(prepare(lead)) : text(data.description) ?? post.firstParagraph();
  const authors = stringList(data.authors).concat(stringList(data.author));
  const words = countReadingTimeWords(source);
  const hidden = isTrue(data.draft) || isTrue(data.unlisted);
  return {
    title: text(data.title) ?? post.firstHeading() ?? name,
    ...(date ? { date } : {}),
    tags: unique(stringList(data.tags)),
    summary: cutAtWord(summary, SUMMARY_LIMIT),
    url: url.replace(/\/+$/, '') || '/',
    slug: slug ?? name,
    ...(hidden ? { draft: true } : {}),
    ...(authors.length ? { authors } : {}),
    words: post.hugoWords(),
    readingMinutes: Math.ceil(words / 200),
  };
}

export const docusaurus: SiteGenerator = {
  name: 'Docusaurus',
  detect: (probe) => siteBase(probe) !== undefined,
  async load(probe) {
    const { base, config } = siteBase(probe)!;
    const blogDir = `${base}blog`;
    const prepare = (body: string) => prepareMdxBody(body, { docusaurus: true });
    const title = scriptString(probe.read(config), 'title');
    const site: Site = {
      generator: 'Docusaurus',
      ...(title ? { title } : {}),
      only: [blogDir],
      fingerprint: fingerprint('Docusaurus', probe, [config]),
      hidesFuture: false,
      isPost: (file) => !isRepositoryFile(file) && !(under(blogDir, file) ?? file).split('/').some((part) => part.startsWith('_')),
      prepareBody: prepare,
      facts: (post) => docusaurusFacts(blogDir, prepare, post),
    };
    return site;
  },
};
