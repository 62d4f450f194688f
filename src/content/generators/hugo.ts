import {
  cutAtWord, dateParts, datePrefix, dividerIndex, fileParts, firstDate, isRepositoryFile, isTrue, MONTH_NAMES, stringList, SUMMARY_LIMIT, text,
  under, unique, urlPath, cleanUrl, WEEKDAY_NAMES,
  fillPattern,
  typographer,
} from './common.js';
import { fingerprint, formatOf, lowerKeysDeep, parseConfig, record } from './config.js';
import { hugoMinutes } from './plain.js';
import { prepareHugoMarkdown } from './hugoBody.js';
import { loadEmojiNames, replaceEmojiShortcodes } from '../emojiShortcodes.js';
import type { FolderProbe, PostFacts, PostText, Site, SiteGenerator } from './types.js';

/**
 * Hugo (gohugo.io). The configuration is read from every place Hugo reads it: hugo.* or
 * config.* at the root, then config/_default/hugo.* or config.*, and config/_default/KEY.*
 * for one key each (params, permalinks, taxonomies, frontmatter). Posts are the pages of the
 * main sections (params.mainSections, else posts, post or blog, else all of the content
 * folder). Dates follow the `frontmatter` setting (Hugo's defaults otherwise), drafts, future
 * and expired posts are hidden as Hugo's build does, URL paths follow `url`, `permalinks`,
 * `slug` and `uglyURLs`, summaries follow `summary`, `<!--more-->` or the first
 * `summaryLength` words, and reading time is (words + 212) / 213 minutes.
 */

const EXTENSIONS = ['toml', 'yaml', 'yml', 'json'];
const ROOT_FILES = ['hugo', 'config'].flatMap((name) => EXTENSIONS.map((ext) => `${name}.${ext}`));
const DEFAULT_DIR = 'config/_default';

function configFiles(probe: FolderProbe): { root: string[]; keyed: Array<{ file: string; key: string }> } {
  const root = ROOT_FILES.filter((f) => probe.isFile(f));
  const keyed: Array<{ file: string; key: string }> = [];
  if (probe.isFolder(DEFAULT_DIR)) {
    for (const key of ['hugo', 'config', 'params', 'permalinks', 'taxonomies', 'frontmatter', 'languages']) {
      for (const ext of EXTENSIONS) {
        const file = `${DEFAULT_DIR}/${key}.${ext}`;
        if (!probe.isFile(file)) continue;
        if (key === 'hugo' || key === 'config') root.push(file);
        else keyed.push({ file, key });
      }
    }
  }
  return { root, keyed };
}

async function readConfig(probe: FolderProbe): Promise<{ config: Record<string, unknown>; files: string[] }> {
  const { root, keyed } = configFiles(probe);
  const config: Record<string, unknown> = {};
  for (const file of root) {
    Object.assign(config, lowerKeysDeep(await parseConfig(probe.read(file) ?? '', formatOf(file)!, file)) as Record<string, unknown>);
  }
  for (const { file, key } of keyed) {
    const value = lowerKeysDeep(await parseConfig(probe.read(file) ?? '', formatOf(file)!, file)) as Record<string, unknown>;
    config[key] = { ...record(config[key]), ...value };
  }
  return { config, files: [...root, ...keyed.map((k) => k.file)] };
}

/** Hugo's urlize for paths: lower case, spaces as `-`. */
function urlize(value: string): string {
  return value.trim().toLowerCase().replace(/\s+/g, '-');
}

/** Hugo's urlize of a title for `:title`: lower case, spaces as `-`, other punctuation removed. */
function urlizeTitle(value: string): string {
  let out = '';
  for (const ch of value.trim().toLowerCase()) {
    if (/\s/.test(ch)) out += '-';
    else if (/[\p{L}\p{N}\-_.~]/u.test(ch)) out += ch;
  }
  return out.replace(/-+/g, '-');
}

/** The first `limit` words of a text, then on to the end of that sentence (Hugo's automatic summary). */
function firstWords(plain: string, limit: number): string {
  const words = plain.split(' ');
  if (words.length <= limit) return plain;
  let end = limit;
  while (end < words.length && !/[.!?]$/.test(words[end - 1]!)) end++;
  return words.slice(0, end).join(' ');
}

interface HugoSettings {
  contentDir: string;
  permalinks: Record<string, string>;
  taxonomies: string[];
  dateKeys: unknown[];
  publishKeys: unknown[];
  expiryKeys: unknown[];
  summaryLength: number;
  uglyURLs: boolean;
  lowerPaths: boolean;
  /** markup.goldmark.renderer.unsafe: raw HTML kept; by default Hugo leaves it out. */
  unsafe: boolean;
  /** The configured languages, and the default one (whose pages are the posts read). */
  languages: Set<string>;
  language: string;
}

function keyList(value: unknown, fallback: string[]): string[] {
  const list = stringList(value);
  if (list.length === 0) return fallback;
  return list.flatMap((k) => (k.toLowerCase() === ':default' ? fallback : [k.toLowerCase()]));
}

function settings(config: Record<string, unknown>): HugoSettings {
  const permalinksRaw = record(config.permalinks);
  const permalinks: Record<string, string> = {};
  // Hugo 0.115+ groups permalinks by kind: { page: { posts: ... } }; older sites map sections directly.
  const pages = record(permalinksRaw.page);
  for (const [section, pattern] of Object.entries({ ...permalinksRaw, ...pages })) if (typeof pattern === 'string') permalinks[section] = pattern;
  const taxonomyConfig = config.taxonomies === undefined ? { tag: 'tags', category: 'categories' } : record(config.taxonomies);
  const frontmatter = record(config.frontmatter);
  return {
    contentDir: text(config.contentdir) ?? 'content',
    permalinks,
    taxonomies: Object.values(taxonomyConfig).filter((v): v is string => typeof v === 'string').map((v) => v.toLowerCase()),
    dateKeys: keyList(frontmatter.date, ['date', 'publishdate', 'pubdate', 'published', 'lastmod', 'modified']),
    publishKeys: keyList(frontmatter.publishdate, ['publishdate', 'pubdate', 'published', 'date']),
    expiryKeys: keyList(frontmatter.expirydate, ['expirydate', 'unpublishdate']),
    summaryLength: typeof config.summarylength === 'number' && config.summarylength > 0 ? config.summarylength : 70,
    uglyURLs: isTrue(config.uglyurls),
    lowerPaths: !isTrue(config.disablepathtolower),
    unsafe: isTrue(record(record(record(config.markup).goldmark).renderer).unsafe),
    languages: new Set(Object.keys(record(config.languages)).map((l) => l.toLowerCase())),
    language: (text(config.defaultcontentlanguage) ?? 'en').toLowerCase(),
  };
}

/** The first date among front matter keys and the `:filename` / `:default` tokens. */
function hugoDate(keys: readonly unknown[], data: Record<string, unknown>, fromName: string | undefined): string | undefined {
  for (const key of keys) {
    if (key === ':filename') {
      if (fromName) return fromName;
    } else if (typeof key === 'string' && !key.startsWith(':')) {
      const date = firstDate([data[key]]);
      if (date) return date;
    }
  }
  return undefined;
}

function expandPermalink(pattern: string, values: { date?: string; title: string; slug?: string; base: string; sections: string[] }): string {
  const parts = dateParts(values.date);
  const tokens: Record<string, string> = {
    year: parts?.year ?? '',
    month: parts?.month ?? '',
    monthname: parts ? MONTH_NAMES[Number(parts.month) - 1]!.toLowerCase() : '',
    day: parts?.day ?? '',
    weekday: parts ? String(parts.weekday) : '',
    weekdayname: parts ? WEEKDAY_NAMES[parts.weekday]!.toLowerCase() : '',
    yearday: parts ? String(parts.yearDay) : '',
    section: values.sections[0] ?? '',
    sections: values.sections.join('/'),
    title: urlizeTitle(values.title),
    slug: values.slug ?? urlizeTitle(values.title),
    filename: values.base,
    contentbasename: values.base,
    slugorfilename: values.slug ?? values.base,
    slugorcontentbasename: values.slug ?? values.base,
  };
  return fillPattern(pattern, tokens);
}

/** `name.fr.md` → `name.md` and 'fr', for the site's languages. */
function languageOf(file: string, languages: ReadonlySet<string>): { file: string; language?: string } {
  const m = /\.([a-z]{2,3}(?:-[a-z0-9]{2,8})?)\.(md|markdown|mdx)$/i.exec(file);
  if (!m || !languages.has(m[1]!.toLowerCase())) return { file };
  return { file: `${file.slice(0, m.index)}.${m[2]}`, language: m[1]!.toLowerCase() };
}

/** A headless bundle, or one whose build options say it is never listed or rendered. */
function unlisted(data: Record<string, unknown>): boolean {
  if (isTrue(data.headless)) return true;
  const build = record(data._build ?? data.build);
  const never = (value: unknown) => value === 'never' || value === false || value === 'false';
  return never(build.list) || never(build.render);
}

function hugoFacts(s: HugoSettings, post: PostText): PostFacts {
  const { data, body } = post;
  const file = languageOf(post.file, s.languages).file;
  const inContent = under(s.contentDir, file) ?? file;
  const parts = fileParts(inContent);
  const fromName = s.dateKeys.includes(':filename') ? datePrefix(parts.base) : undefined;
  const base = fromName?.rest ?? parts.base;
  const date = hugoDate(s.dateKeys, data, fromName?.date);
  const publishDate = hugoDate(s.publishKeys, data, fromName?.date);
  const expiryDate = hugoDate(s.expiryKeys, data, undefined);
  const title = text(data.title) ?? post.firstHeading() ?? parts.base;
  const slug = text(data.slug);
  const sections = parts.parent === '' ? [] : parts.parent.split('/');
  const given = text(data.url);
  const pattern = s.permalinks[sections[0] ?? ''];
  let url: string;
  if (given) url = cleanUrl(given);
  else if (pattern) url = cleanUrl(expandPermalink(pattern, { date, title, slug, base, sections }));
  else {
    const path = urlPath(...sections, slug ?? base);
    url = s.uglyURLs ? `${path.slice(0, -1)}.html` : path;
  }
  if (s.lowerPaths && !given) url = urlize(url);
  const more = dividerIndex(body, 'more');
  const summary =
    more >= 0 ? post.plain(body.slice(0, more), !s.unsafe) : text(data.summary) ?? firstWords(post.plain(body, !s.unsafe), s.summaryLength);
  const words = post.hugoWords();
  const linkTitle = text(data.linktitle);
  return {
    title,
    ...(date ? { date } : {}),
    ...(publishDate && publishDate !== date ? { publishDate } : {}),
    ...(expiryDate ? { expiryDate } : {}),
    ...(linkTitle && linkTitle !== title ? { linkTitle } : {}),
    tags: unique(s.taxonomies.flatMap((taxonomy) => stringList(data[taxonomy]))),
    summary: cutAtWord(typographer(summary), SUMMARY_LIMIT),
    url,
    slug: url.split('/').filter(Boolean).pop()?.replace(/\.html$/, '') ?? base,
    ...(isTrue(data.draft) ? { draft: true } : {}),
    ...(unlisted(data) ? { unlisted: true } : {}),
    words,
    readingMinutes: hugoMinutes(words),
  };
}

export const hugo: SiteGenerator = {
  name: 'Hugo',
  detect(probe) {
    const { root } = configFiles(probe);
    return root.length > 0 && (probe.isFolder('content') || probe.isFolder('config/_default'));
  },
  async load(probe) {
    const { config, files } = await readConfig(probe);
    const s = settings(config);
    // A multilingual site keeps each language's content in a folder of its own (its
    // languages.LANG.contentDir, or content/LANG mounted by a module): read the default language's.
    const language = s.language;
    const languageDir = text(record(record(config.languages)[language]).contentdir);
    if (languageDir && probe.isFolder(languageDir)) s.contentDir = languageDir;
    else if (config.languages !== undefined && probe.isFolder(`${s.contentDir}/${language}`)) s.contentDir = `${s.contentDir}/${language}`;
    const params = record(config.params);
    const main = stringList(params.mainsections).map((section) => `${s.contentDir}/${section}`).filter((dir) => probe.isFolder(dir));
    const usual = ['posts', 'post', 'blog'].map((section) => `${s.contentDir}/${section}`).filter((dir) => probe.isFolder(dir));
    const only = main.length ? main : usual.length ? usual : [s.contentDir];
    // ref/relref targets: a post's path in the content folder, or its file name when unique.
    const byPath = new Map<string, string>();
    const byName = new Map<string, string | null>();
    const resolve = (target: string) => {
      const key = target.replace(/^\/+/, '').toLowerCase();
      return byPath.get(key) ?? byName.get(key) ?? undefined;
    };
    const emoji = isTrue(config.enableemoji) ? await loadEmojiNames() : undefined;
    const site: Site = {
      generator: 'Hugo',
      ...(text(config.title) ? { title: text(config.title)! } : {}),
      only,
      fingerprint: fingerprint('Hugo', probe, files),
      hidesFuture: !isTrue(config.buildfuture),
      // Translations (name.fr.md) are the same posts in another language: the default language's are read.
      isPost: (file) => !isRepositoryFile(file) && (languageOf(file, s.languages).language ?? language) === language,
      prepareBody: (body) => {
        const prepared = prepareHugoMarkdown(body, { params, resolve });
        return emoji ? replaceEmojiShortcodes(prepared, emoji) : prepared;
      },
      knowPosts(posts) {
        for (const post of posts) {
          const inContent = (under(s.contentDir, post.file) ?? post.file).toLowerCase();
          byPath.set(inContent, post.url);
          const name = inContent.slice(inContent.lastIndexOf('/') + 1);
          byName.set(name, byName.has(name) ? null : post.url);
        }
      },
      facts: (post) => hugoFacts(s, post),
    };
    return site;
  },
};
