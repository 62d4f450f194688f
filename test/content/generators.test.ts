import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildSiteIndex } from '../../src/content/postIndex.js';
import { detectGenerator, GENERATORS } from '../../src/content/generators/registry.js';
import type { PostEntry } from '../../src/content/postEntry.js';
import { tempPosts } from '../support/tempPosts.js';
import { plainSite } from '../../src/content/generators/plain.js';
import { fingerprint } from '../../src/content/generators/config.js';
import { createHash } from 'node:crypto';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
const NOW = Date.UTC(2026, 0, 1);
const byFile = (posts: PostEntry[]) => Object.fromEntries(posts.map((p) => [p.file, p]));

describe('the generator registry', () => {
  it('recognises each fixture site by its files, and anything else as a plain folder', () => {
    const names = Object.fromEntries(
      ['hugo', 'hugo-config-dir', 'jekyll', 'jekyll-liquid', 'zola', 'docusaurus', 'astro', 'nextjs', 'broken'].map((dir) => [dir, detectGenerator(join(FIXTURES, dir)).name]),
    );
    expect(names).toEqual({
      hugo: 'Hugo', 'hugo-config-dir': 'Hugo', jekyll: 'Jekyll', 'jekyll-liquid': 'Jekyll', zola: 'Zola', docusaurus: 'Docusaurus',
      astro: 'Astro/Next.js', nextjs: 'Astro/Next.js', broken: 'folder',
    });
    expect(GENERATORS[GENERATORS.length - 1]!.name).toBe('folder');
  });

  it('does not take a Hugo config.toml for Zola, nor a Zola one for Hugo', () => {
    const hugoSite = tempPosts({ 'config.toml': 'baseURL = "https://x.org/"\ntitle = "H"\n', 'content/posts/a.md': '# A\n' });
    const zolaSite = tempPosts({ 'config.toml': 'base_url = "https://x.org"\ntitle = "Z"\n', 'content/a.md': '+++\ntitle = "A"\n+++\n' });
    expect(detectGenerator(hugoSite).name).toBe('Hugo');
    expect(detectGenerator(zolaSite).name).toBe('Zola');
  });
});

describe('a site\'s fingerprint', () => {
  it('is the SHA-256 node:crypto gives of its configuration, short (hashed without node:crypto) or long', () => {
    const files: Record<string, string> = { 'hugo.toml': 'title = "Ünïcode ✓"\nbaseURL = "https://x.org/"\n', 'long.yaml': `x: ${'y'.repeat(70_000)}\n` };
    const probe = { read: (file: string) => files[file], exists: (file: string) => file in files } as never;
    for (const names of [['hugo.toml'], ['hugo.toml', 'long.yaml'], ['missing.toml']]) {
      const hash = createHash('sha256').update('hugo');
      for (const name of names) hash.update(`\0${name}\0${files[name] ?? ''}`);
      expect(fingerprint('hugo', probe, names)).toBe(`hugo:${hash.digest('hex').slice(0, 16)}`);
    }
  });
});

describe('a plain folder', () => {
  it('prepares .mdx posts as MDX (imports dropped, components by their text) and leaves .md as written', () => {
    const body = "import Tabs from '@theme/Tabs';\n\n<Note>Read this.</Note>";
    expect(plainSite.prepareBody(body, 'blog/post.mdx')).toBe('\nRead this.');
    expect(plainSite.prepareBody(body, 'blog/post.md')).toBe(body);
  });
});

describe('Hugo with config/_default, permalinks, taxonomies, shortcodes (test/fixtures/hugo-config-dir, checked against hugo 0.111)', async () => {
  const { index, site, records } = await buildSiteIndex(join(FIXTURES, 'hugo-config-dir'), { now: NOW });
  const posts = byFile(index.posts);

  it('reads config/_default/hugo.yaml: the title, the main section, and only its pages are posts', () => {
    expect(site.title).toBe('Shortcode Site');
    expect(records.map((r) => r.file).every((f) => f.startsWith('content/blog/'))).toBe(true);
  });

  it('hides future, expired and later-published posts as hugo does, and orders same-day posts by linkTitle', async () => {
    expect(index.posts.map((p) => [p.url, p.title])).toEqual([
      ['/2025/12/custom-slug/', 'With a slug'],
      ['/2025/12/dated-name/', 'Dated name'],
      ['/special/place/', 'With a url'],
    ]);
    const all = (await buildSiteIndex(join(FIXTURES, 'hugo-config-dir'), { now: NOW, future: true })).index.posts.map((p) => p.title);
    expect(all).toEqual(expect.arrayContaining(['From the future', 'Expired', 'Published later']));
  });

  it('leaves out headless bundles and pages never listed, and reads the default language of a multilingual site', async () => {
    const dir = tempPosts({
      'hugo.toml': 'title = "M"\ndefaultContentLanguage = "en"\n[languages.en]\nweight = 1\n[languages.es]\nweight = 2\n',
      'content/posts/a/index.en.md': '---\ntitle: English\ndate: 2024-01-02\n---\nHello.',
      'content/posts/a/index.es.md': '---\ntitle: Español\ndate: 2024-01-02\n---\nHola.',
      'content/posts/b/index.md': '---\nheadless: true\n---\n',
      'content/posts/c.md': '---\ntitle: C\n_build:\n  list: never\n---\n',
    });
    const posts = (await buildSiteIndex(dir, { drafts: true, future: true })).index.posts;
    expect(posts.map((p) => [p.title, p.url])).toEqual([['English', '/posts/a/']]);
  });

  it('takes tags from the configured taxonomies only', () => {
    expect(posts['content/blog/2025-12-06-dated-name.md']!.tags).toEqual(['hugo', 'basics']);
  });
});

describe('Jekyll with Liquid, a time zone and permalinks (test/fixtures/jekyll-liquid, checked against jekyll 4.3)', async () => {
  const { index, site } = await buildSiteIndex(join(FIXTURES, 'jekyll-liquid'), { now: NOW });
  const posts = byFile(index.posts);

  it('lists the posts jekyll publishes, with their URL paths, dates in the site time zone, categories and tags', () => {
    expect(site.title).toBe('Liquid Fixture');
    expect(index.posts.map((p) => [p.url, p.date, p.tags])).toEqual([
      ['/tech/2020/03/03/in-a-folder/', '2020-03-03', ['tech']],
      ['/one/two/2020/03/02/second/', '2020-03-02', ['one', 'two']],
      ['/data%20science/2020/03/01/liquid-tour/', '2020-03-01T02:32:00-05:00', ['Data Science', 'data', 'active-learning']],
    ]);
  });

  it('takes the excerpt before excerpt_separator, with its Liquid evaluated', () => {
    expect(posts['_posts/2020-03-01-liquid-tour.md']!.summary).toBe('Written by Grace for Liquid Fixture.');
  });

  it('shows the future post and the draft only when asked', async () => {
    const all = (await buildSiteIndex(join(FIXTURES, 'jekyll-liquid'), { now: NOW, future: true, drafts: true })).index.posts.map((p) => p.title);
    expect(all).toContain('From the future');
    expect(all).not.toContain('No date in the name');
  });
});

describe('Zola (test/fixtures/zola)', async () => {
  const { index, site } = await buildSiteIndex(join(FIXTURES, 'zola'), { now: NOW });
  const posts = byFile(index.posts);

  it('takes dates from the file name or the path, URL paths from path or the slugified name without a date or @N', () => {
    expect(site.title).toBe('Fixture Zola blog');
    expect(index.posts.map((p) => [p.url, p.date, p.slug])).toEqual([
      ['/inside/2020/01/14/governance/', '2020-01-14', 'governance'],
      ['/blog/hello-zola/', '2019-09-30', 'hello-zola'],
    ]);
  });

  it('takes tags from every taxonomy, the summary before <!-- more -->, else the description', () => {
    expect(posts['content/blog/2019-09-30_hello-zola.md']).toMatchObject({ tags: ['zola', 'intro', 'news'], summary: 'The date comes from the file name.' });
    expect(posts['content/blog/with-path@0.md']).toMatchObject({ summary: 'From the description.', authors: ['Val'] });
  });

  it('hides drafts unless asked, and slugifies a name with spaces', async () => {
    const drafts = (await buildSiteIndex(join(FIXTURES, 'zola'), { drafts: true })).index.posts;
    expect(drafts.find((p) => p.title === 'Explicit date')).toMatchObject({ url: '/blog/dated-post/', date: '2021-05-06', draft: true });
  });
});

describe('Docusaurus (test/fixtures/docusaurus)', async () => {
  const { index, site } = await buildSiteIndex(join(FIXTURES, 'docusaurus'), { now: NOW });
  const posts = byFile(index.posts);

  it('lists the blog only (not the docs, the README or _ partials), .mdx included, unlisted hidden', () => {
    expect(site.title).toBe('Fixture Docusaurus site');
    expect(index.posts.map((p) => [p.url, p.date, p.title])).toEqual([
      ['/blog/welcome', '2021-08-26', 'Welcome'],
      ['/blog/2019/05/28/first-post', '2019-05-28', 'First MDX post'],
    ]);
  });

  it('takes the summary before the truncate marker, authors, and tags written as objects', () => {
    expect(posts['blog/2021-08-26-welcome/index.md']).toMatchObject({ summary: 'Welcome to the blog.', authors: ['alice', 'bob'], tags: ['facebook', 'hello'] });
    expect(posts['blog/2019-05-28-first-post.mdx']).toMatchObject({ summary: 'The first paragraph of an MDX post.', tags: ['Release'] });
  });
});

describe('Astro content collections and a Next.js blog (test/fixtures/astro, test/fixtures/nextjs)', async () => {
  const astro = await buildSiteIndex(join(FIXTURES, 'astro'), { now: NOW });
  const next = await buildSiteIndex(join(FIXTURES, 'nextjs'), { now: NOW });

  it('lists an Astro collection with pubDate, description and the collection URL paths, not CLAUDE.md or pages', () => {
    expect(astro.site.title).toBe('Fixture Astro blog');
    expect(astro.index.posts.map((p) => [p.url, p.date, p.summary])).toEqual([
      ['/blog/nested/using-mdx/', '2022-07-19', 'How MDX works here'],
      ['/blog/first-post/', '2022-07-08', 'Lorem ipsum dolor sit amet'],
    ]);
  });

  it("lists a Next.js blog's posts with spoilers as summaries, not its CLAUDE.md", () => {
    expect(next.site.generator).toBe('Next.js');
    expect(next.index.posts.map((p) => [p.url, p.date, p.summary])).toEqual([
      ['/why-do-hooks/', '2019-01-02', 'Another spoiler.'],
      ['/a-chain-reaction/', '2018-12-11', 'The spoiler is the summary.'],
    ]);
  });
});

describe('reading time as each site shows it', () => {
  const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');
  it("uses Hugo's (words + 212) / 213, Zola's and reading-time's 200 a minute rounded up, Jekyll's themes' 200 rounded down", async () => {
    const minutes = async (files: Record<string, string>) => (await buildSiteIndex(tempPosts(files), { now: NOW })).index.posts[0]!.readingMinutes;
    expect(await minutes({ 'hugo.toml': 'title = "h"', 'content/posts/a.md': `---\ntitle: A\n---\n${words(214)}\n` })).toBe(2);
    expect(await minutes({ 'config.toml': 'base_url = "x"', 'content/a.md': `+++\ntitle = "A"\n+++\n${words(201)}\n` })).toBe(2);
    expect(await minutes({ 'docusaurus.config.js': 'export default {}', 'blog/2020-01-01-a.md': `---\ntitle: A\n---\n${words(201)}\n` })).toBe(2);
    expect(await minutes({ '_config.yml': 'title: j', '_posts/2020-01-01-a.md': `---\ntitle: A\n---\n${words(399)}\n` })).toBe(1);
  });
});
