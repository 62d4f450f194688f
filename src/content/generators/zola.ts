import { prepareZolaBody } from './zolaBody.js';
import { loadEmojiNames, replaceEmojiShortcodes } from '../emojiShortcodes.js';
import { normalizeDate } from '../dates.js';
import { cleanUrl, cutAtWord, countReadingTimeWords, datePrefix, dividerIndex, fileParts, firstDate, isRepositoryFile, isTrue, slugify, stringList, SUMMARY_LIMIT, text, under, unique, urlPath } from './common.js';
import { fingerprint, parseConfig, record } from './config.js';
import type { FolderProbe, PostFacts, PostText, Site, SiteGenerator } from './types.js';

/**
 * Zola (getzola.org). A root with config.toml (or zola.toml) holding `base_url`, next to
 * content/. Posts are the pages of content/blog or content/posts (else all of content/),
 * section pages (_index.md) excluded. The URL path is `path` when given, else the section
 * folders and the slug (`slug`, else the file name without a date prefix or an `@N` suffix,
 * slugified). The date is `date`, else the file name's date prefix, else a `YYYY/MM/DD` in
 * `path`; tags are every list under `[taxonomies]`; `draft = true` hides a post. The summary
 * is the text before `<!-- more -->`, else `description`, else the first paragraph. Reading
 * time is Zola's: words of the Markdown source, 200 a minute, rounded up.
 */

const CONFIG_FILES = ['config.toml', 'zola.toml'];

function configFile(probe: FolderProbe): string | undefined {
  return CONFIG_FILES.find((file) => probe.isFile(file) && /^base_url\s*=/m.test(probe.read(file) ?? ''));
}

/** A date in a path such as `inside-rust/2020/01/14/name`. */
function dateInPath(path: string): string | undefined {
  const m = /(?:^|\/)(\d{4})\/(\d{2})\/(\d{2})(?:\/|$)/.exec(path);
  return m ? normalizeDate(`${m[1]}-${m[2]}-${m[3]}`) : undefined;
}

function zolaFacts(contentDir: string, keepDates: boolean, post: PostText): PostFacts {
  const { data, body, file } = post;
  const parts = fileParts(under(contentDir, file) ?? file);
  const prefixed = keepDates ? undefined : datePrefix(parts.base);
  const name = (prefixed?.rest ?? parts.base).replace(/@\d+$/, '');
  const slug = text(data.slug) ?? slugify(name);
  const path = text(data.path);
  const url = path ? cleanUrl(path.endsWith('/') ? path : `${path}/`) : urlPath(parts.parent, slug);
  const date = firstDate([data.date]) ?? prefixed?.date ?? (path ? dateInPath(path) : undefined);
  const taxonomies = record(data.taxonomies);
  const tags = unique(Object.values(taxonomies).flatMap((value) => stringList(value)));
  const more = dividerIndex(body, 'more');
  const summary = more >= 0 ? post.plain(body.slice(0, more)) : text(data.description) ?? post.firstParagraph();
  const words = countReadingTimeWords(body);
  return {
    title: text(data.title) ?? post.firstHeading() ?? name,
    ...(date ? { date } : {}),
    tags,
    summary: cutAtWord(summary, SUMMARY_LIMIT),
    url,
    slug: path ? url.split('/').filter(Boolean).pop() ?? slug : slug,
    ...(isTrue(data.draft) ? { draft: true } : {}),
    ...(stringList(data.authors).length ? { authors: stringList(data.authors) } : {}),
    words: post.hugoWords(),
    readingMinutes: Math.floor((words + 199) / 200),
  };
}

export const zola: SiteGenerator = {
  name: 'Zola',
  detect: (probe) => probe.isFolder('content') && configFile(probe) !== undefined,
  async load(probe) {
    const file = configFile(probe)!;
    const config = await parseConfig(probe.read(file) ?? '', 'toml', file);
    const keepDates = isTrue(record(config.slugify).paths_keep_dates);
    const emoji = isTrue(record(config.markdown).render_emoji) ? await loadEmojiNames() : undefined;
    const usual = ['content/blog', 'content/posts'].filter((dir) => probe.isFolder(dir));
    const site: Site = {
      generator: 'Zola',
      ...(text(config.title) ? { title: text(config.title)! } : {}),
      only: usual.length ? usual : ['content'],
      fingerprint: fingerprint('Zola', probe, [file]),
      hidesFuture: false,
      isPost: (path) => !isRepositoryFile(path),
      prepareBody: (body) => (emoji ? replaceEmojiShortcodes(prepareZolaBody(body), emoji) : prepareZolaBody(body)),
      facts: (post) => zolaFacts('content', keepDates, post),
    };
    return site;
  },
};
