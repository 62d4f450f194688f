import {
  cleanUrl, cutAtWord, dateParts, datePrefix, fileParts, firstDate, inTimeZone, isFalse, isRepositoryFile, isTrue, MONTH_NAMES, slugify, stringList,
  SUMMARY_LIMIT, text, unique, WEEKDAY_NAMES,
  fillPattern,
  typographer,
} from './common.js';
import { fingerprint, parseConfig, record } from './config.js';
import { makeEngine, renderLiquid, stripKramdown } from './jekyllBody.js';
import { loadEmojiNames, replaceEmojiShortcodes } from '../emojiShortcodes.js';
import type { FolderProbe, PostFacts, PostText, Site, SiteGenerator } from './types.js';

/**
 * Jekyll (jekyllrb.com). Posts are `_posts/YYYY-MM-DD-title.md` (also under a category
 * folder, `tech/_posts/`), drafts are `_drafts/`. The date and slug come from the file name
 * unless the front matter says `date` or `slug`; dates with a time are shown in the site's
 * `timezone`; categories come from the folders above `_posts` and `category`/`categories`,
 * tags from `tags`, each a list or a space-separated string; `published: false` hides a post
 * and so does a future date (unless `future: true`). URL paths follow `permalink` (the site's
 * or the post's, built-in styles included). The excerpt is `excerpt`, else the text before
 * `excerpt_separator` (by default the first paragraph). Reading time is the rule of the usual
 * theme (Minimal Mistakes): words / `words_per_minute` (200) rounded down, at least 1.
 */

const CONFIG_FILES = ['_config.yml', '_config.yaml'];

const STYLES: Record<string, string> = {
  date: '/:categories/:year/:month/:day/:title:output_ext',
  pretty: '/:categories/:year/:month/:day/:title/',
  ordinal: '/:categories/:year/:y_day/:title:output_ext',
  weekdate: '/:categories/:year/W:week/:short_day/:title:output_ext',
  none: '/:categories/:title:output_ext',
};

/** Jekyll's default title from a file-name slug: `my-first-post` → `My First Post`. */
function titleFromSlug(slug: string): string {
  return slug.split('-').filter(Boolean).map((w) => w[0]!.toUpperCase() + w.slice(1)).join(' ');
}

function isoWeek(parts: { year: string; month: string; day: string }): string {
  const d = new Date(Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day)));
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  return String(Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7)).padStart(2, '0');
}

function expand(pattern: string, values: { date?: string; slug: string; categories: string[]; name: string }): string {
  const p = dateParts(values.date);
  const tokens: Record<string, string> = {
    year: p?.year ?? '', month: p?.month ?? '', i_month: p ? String(Number(p.month)) : '', day: p?.day ?? '', i_day: p ? String(Number(p.day)) : '',
    short_year: p?.year.slice(2) ?? '', hour: p?.hour ?? '', minute: p?.minute ?? '', second: p?.second ?? '',
    y_day: p ? String(p.yearDay).padStart(3, '0') : '', week: p ? isoWeek(p) : '',
    short_month: p ? MONTH_NAMES[Number(p.month) - 1]!.slice(0, 3) : '', long_month: p ? MONTH_NAMES[Number(p.month) - 1]! : '',
    short_day: p ? WEEKDAY_NAMES[p.weekday]!.slice(0, 3) : '', long_day: p ? WEEKDAY_NAMES[p.weekday]! : '',
    title: values.slug, slug: slugify(values.slug), name: values.name, basename: values.name,
    categories: values.categories.map((c) => encodeURIComponent(c.toLowerCase())).join('/'), output_ext: '.html', path: '',
  };
  return cleanUrl(fillPattern(pattern, tokens));
}

interface JekyllSettings {
  timezone?: string;
  permalink: string;
  separator: string;
  wordsPerMinute: number;
}

function jekyllFacts(s: JekyllSettings, post: PostText): PostFacts {
  const { data, file, body } = post;
  const parts = fileParts(file);
  const segments = parts.dir.split('/');
  const postsAt = segments.indexOf('_posts');
  const prefixed = datePrefix(parts.name);
  const nameSlug = prefixed?.rest ?? parts.name;
  const slug = text(data.slug) ?? nameSlug;
  const date = inTimeZone(firstDate([data.date]), s.timezone) ?? prefixed?.date;
  const folderCategories = postsAt > 0 ? segments.slice(0, postsAt) : [];
  const categories = unique([...folderCategories, ...stringList(data.category), ...stringList(data.categories, true)]);
  const tags = unique([...stringList(data.tags, true), ...stringList(data.tag)]);
  const given = text(data.permalink);
  const pattern = given ? STYLES[given] ?? given : s.permalink;
  let url = expand(pattern, { date, slug, categories, name: parts.name });
  if (url.endsWith('/index.html')) url = url.slice(0, -'index.html'.length);
  const separator = typeof data.excerpt_separator === 'string' && data.excerpt_separator ? data.excerpt_separator : s.separator;
  const lead = body.replace(/^\s+/, '');
  const cut = lead.indexOf(separator);
  const summary = text(data.excerpt) ?? post.plain(cut >= 0 ? lead.slice(0, cut) : lead);
  const words = post.hugoWords();
  const draft = segments[0] === '_drafts' || isFalse(data.published);
  return {
    title: text(data.title) ?? titleFromSlug(nameSlug),
    ...(date ? { date } : {}),
    tags: unique([...categories, ...tags]),
    summary: cutAtWord(typographer(summary), SUMMARY_LIMIT),
    url,
    slug,
    ...(draft ? { draft } : {}),
    words,
    readingMinutes: Math.max(1, Math.floor(words / s.wordsPerMinute)),
  };
}

function postFolders(probe: FolderProbe): string[] {
  const only = ['_posts', '_drafts'].filter((d) => probe.isFolder(d));
  for (const name of probe.list('')) {
    if (name.startsWith('_') || name.startsWith('.') || name === 'node_modules' || name === 'vendor') continue;
    if (probe.isFolder(`${name}/_posts`)) only.push(`${name}/_posts`);
  }
  return only;
}

export const jekyll: SiteGenerator = {
  name: 'Jekyll',
  detect: (probe) => CONFIG_FILES.some((f) => probe.isFile(f)) && postFolders(probe).length > 0,
  async load(probe) {
    const file = CONFIG_FILES.find((f) => probe.isFile(f))!;
    const config = await parseConfig(probe.read(file) ?? '', 'yaml', file);
    const style = text(config.permalink) ?? 'date';
    const s: JekyllSettings = {
      timezone: text(config.timezone),
      permalink: STYLES[style] ?? style,
      separator: typeof config.excerpt_separator === 'string' && config.excerpt_separator ? config.excerpt_separator : '\n\n',
      wordsPerMinute: typeof config.words_per_minute === 'number' && config.words_per_minute > 0 ? config.words_per_minute : 200,
    };
    const urls = new Map<string, string>();
    // The bundle may hand the package over as its default export.
    const liquid = (await import('liquidjs')) as typeof import('liquidjs') & { default?: typeof import('liquidjs') };
    const Liquid = liquid.Liquid ?? liquid.default!.Liquid;
    const { splitFrontMatter } = await import('../frontMatter.js');
    const engine = makeEngine(Liquid, { site: record(config), postUrl: (name) => urls.get(name) });
    // The jemoji plugin turns GitHub's emoji shortcodes into emoji.
    const plugins = [config.plugins, config.gems].flatMap((list) => (Array.isArray(list) ? list : []));
    const emoji = plugins.includes('jemoji') ? await loadEmojiNames() : undefined;
    const site: Site = {
      generator: 'Jekyll',
      ...(text(config.title) ? { title: text(config.title)! } : {}),
      only: postFolders(probe),
      fingerprint: fingerprint('Jekyll', probe, [file]),
      hidesFuture: !isTrue(config.future),
      // Jekyll reads front matter only when the file starts with it (checked with jekyll 4.3).
      frontMatterAtStart: true,
      isPost: (path) => !isRepositoryFile(path) && (path.split('/').includes('_drafts') || datePrefix(fileParts(path).name) !== undefined),
      prepareBody: (body, _file, frontMatter) => {
        const prepared = stripKramdown(renderLiquid(engine, body, frontMatter));
        return emoji ? replaceEmojiShortcodes(prepared, emoji) : prepared;
      },
      frontMatterOf(source) {
        try {
          return splitFrontMatter(source, true).data;
        } catch {
          return {};
        }
      },
      knowPosts(posts) {
        for (const post of posts) urls.set(fileParts(post.file).name, post.url);
      },
      facts: (post) => jekyllFacts(s, post),
    };
    return site;
  },
};
