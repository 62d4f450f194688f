import { cutAtWord, countReadingTimeWords, fileParts, firstDate, isRepositoryFile, isTrue, slugify, stringList, SUMMARY_LIMIT, text, under, unique, urlPath } from './common.js';
import { fingerprint, scriptString } from './config.js';
import { prepareMdxBody } from './mdxBody.js';
import type { FolderProbe, PostFacts, PostText, Site, SiteGenerator } from './types.js';

/**
 * Astro content collections (docs.astro.build) and Next.js blogs. An Astro root has
 * astro.config.*; its posts are the collection folders src/content/blog, src/content/posts,
 * src/data/blog or Starlight's src/content/docs/blog, and a post's URL path is the
 * collection's name then its id (the file's path without extension, each part slugified), or
 * `slug`. A Next.js root has next.config.* or "next" in package.json; its posts are in the
 * first of posts/, _posts/, content/…, data/blog, src/pages or public/ that holds Markdown,
 * and the URL path is the file's path there. Front matter may be YAML, or MDX's `export const
 * meta = {…}`. Dates: pubDate, date, publishDate, published; summaries: description, spoiler,
 * excerpt, summary, else the first paragraph; `draft: true` hides a post. Reading time is the
 * `reading-time` package's, which Astro's reading-time recipe uses: words of the Markdown, 200 a
 * minute, rounded up.
 */

const ASTRO_CONFIGS = ['astro.config.mjs', 'astro.config.ts', 'astro.config.js', 'astro.config.mts', 'astro.config.cjs'];
const NEXT_CONFIGS = ['next.config.js', 'next.config.mjs', 'next.config.ts', 'next.config.cjs'];
/** Collection folders and the folder their URL paths are relative to. */
const ASTRO_DIRS: Array<[string, string]> = [
  ['src/content/blog', 'src/content'], ['src/content/posts', 'src/content'], ['src/content/post', 'src/content'], ['src/data/blog', 'src/data'],
  ['src/content/docs/blog', 'src/content/docs'],
];
const NEXT_DIRS: Array<[string, string]> = [
  ['posts', ''], ['_posts', '_posts'], ['content/posts', 'content'], ['content/blog', 'content'], ['data/blog', 'data'], ['src/content/blog', 'src/content'],
  ['src/posts', 'src'], ['blog', ''], ['src/pages/blog', 'src/pages'], ['pages/blog', 'pages'], ['src/pages', 'src/pages'], ['pages', 'pages'], ['public', 'public'],
];

function isNext(probe: FolderProbe): boolean {
  if (NEXT_CONFIGS.some((c) => probe.isFile(c))) return true;
  return /"next"\s*:/.test(probe.read('package.json') ?? '');
}

function hasMarkdown(probe: FolderProbe, dir: string, depth = 0): boolean {
  for (const name of probe.list(dir)) {
    if (/\.(md|mdx|markdown)$/i.test(name) && !/^readme\./i.test(name)) return true;
    if (depth < 1 && !name.startsWith('.') && !name.startsWith('_') && probe.isFolder(`${dir}/${name}`) && hasMarkdown(probe, `${dir}/${name}`, depth + 1)) return true;
  }
  return false;
}

/** `export const meta = { title: '…', date: '…' }` in an MDX body, read without running it. */
function metaExport(body: string): Record<string, unknown> {
  const at = body.search(/export\s+const\s+meta\s*=\s*\{/);
  if (at < 0) return {};
  const block = body.slice(at, at + 4000);
  const out: Record<string, unknown> = {};
  for (const key of ['title', 'description', 'date', 'spoiler', 'summary']) {
    const value = scriptString(block, key);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

function collectionFacts(base: string, post: PostText): PostFacts {
  const { source, file } = post;
  const data = Object.keys(post.data).length ? post.data : metaExport(source);
  const rel = under(base, file) ?? file;
  const parts = fileParts(rel);
  const slug = text(data.slug);
  const segments = [...(parts.parent ? parts.parent.split('/') : []), parts.base];
  const url = slug ? urlPath(...segments.slice(0, -1).map(slugify), slug) : urlPath(...segments.map((s) => slugify(s) || s));
  const date = firstDate([data.pubdate, data.date, data.publishdate, data.published]);
  const summary = text(data.description) ?? text(data.spoiler) ?? text(data.excerpt) ?? text(data.summary) ?? post.firstParagraph();
  const words = countReadingTimeWords(source);
  const authors = stringList(data.authors).concat(stringList(data.author));
  return {
    title: text(data.title) ?? post.firstHeading() ?? parts.base,
    ...(date ? { date } : {}),
    tags: unique([...stringList(data.tags), ...stringList(data.categories)]),
    summary: cutAtWord(summary, SUMMARY_LIMIT),
    url,
    slug: slug ?? segments[segments.length - 1]!,
    ...(isTrue(data.draft) ? { draft: true } : {}),
    ...(authors.length ? { authors } : {}),
    words: post.hugoWords(),
    readingMinutes: Math.ceil(words / 200),
  };
}

const EXCERPT_OPEN = '<!--excerpt-->';
const EXCERPT_CLOSE = '<!--/excerpt-->';

/**
 * A Next.js blog built on Tailwind's blog (its next.config.js) marks a post's preview with
 * `<!--excerpt-->` … `<!--/excerpt-->`: the index shows it, and the post's page shows the post
 * without it (the text that follows usually says it again).
 */
export function withoutExcerpt(body: string): string {
  const start = body.indexOf(EXCERPT_OPEN);
  if (start < 0) return body;
  const end = body.indexOf(EXCERPT_CLOSE, start + EXCERPT_OPEN.length);
  return end < 0 ? body : body.slice(0, start) + body.slice(end + EXCERPT_CLOSE.length);
}

function layout(probe: FolderProbe): { generator: string; dirs: Array<[string, string]>; config?: string } | undefined {
  const astroConfig = ASTRO_CONFIGS.find((c) => probe.isFile(c));
  if (astroConfig) {
    const dirs = ASTRO_DIRS.filter(([dir]) => probe.isFolder(dir));
    if (dirs.length) return { generator: 'Astro', dirs, config: astroConfig };
  }
  if (isNext(probe)) {
    const found = NEXT_DIRS.find(([dir]) => probe.isFolder(dir) && hasMarkdown(probe, dir));
    if (found) return { generator: 'Next.js', dirs: [found], config: NEXT_CONFIGS.find((c) => probe.isFile(c)) ?? 'package.json' };
  }
  return undefined;
}

export const astroNext: SiteGenerator = {
  name: 'Astro/Next.js',
  detect: (probe) => layout(probe) !== undefined,
  async load(probe) {
    const found = layout(probe)!;
    const title = scriptString(probe.read(found.config ?? ''), 'title') ?? scriptString(probe.read('src/consts.ts'), 'SITE_TITLE') ?? scriptString(probe.read('src/config.ts'), 'title');
    const baseOf = (file: string) => found.dirs.find(([dir]) => under(dir, file) !== undefined)?.[1] ?? '';
    const site: Site = {
      generator: found.generator,
      ...(title ? { title } : {}),
      only: found.dirs.map(([dir]) => dir),
      fingerprint: fingerprint(found.generator, probe, found.config ? [found.config] : []),
      hidesFuture: false,
      isPost: (file) => !isRepositoryFile(file),
      prepareBody: (body) => prepareMdxBody(found.generator === 'Next.js' ? withoutExcerpt(body) : body),
      facts: (post) => collectionFacts(baseOf(post.file), post),
    };
    return site;
  },
};
