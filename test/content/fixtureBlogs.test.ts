import { truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildIndex, buildSiteIndex, MAX_POST_BYTES } from '../../src/content/postIndex.js';
import { tempPosts } from '../support/tempPosts.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
const HUGO = join(FIXTURES, 'hugo');
const JEKYLL = join(FIXTURES, 'jekyll');
const NOW = Date.UTC(2026, 0, 1);

describe('a Hugo blog (test/fixtures/hugo), as `hugo` builds it', async () => {
  const { index, problems, site } = await buildSiteIndex(HUGO, { now: NOW });

  it('lists every post of content/posts newest first, undated last, with the URL paths and Hugo word counts of the built site', () => {
    expect(site.generator).toBe('Hugo');
    expect(site.title).toBe('Fixture Hugo blog');
    expect(index.posts.map((p) => [p.url, p.title, p.date, p.words, p.readingMinutes, p.file])).toEqual([
      ['/posts/yaml-front-matter/', 'YAML front matter: a post', '2025-03-04T10:30:00+01:00', 13, 1, 'content/posts/yaml-front-matter.md'],
      ['/posts/2025/toml-post/', 'TOML front matter', '2025-01-15', 12, 1, 'content/posts/2025/toml-front-matter.md'],
      ['/posts/page-bundle/', 'A page bundle', '2024-11-20', 26, 1, 'content/posts/page-bundle/index.md'],
      ['/posts/with-more/', 'With a more marker', '2024-06-01', 12, 1, 'content/posts/with-more.md'],
      ['/posts/json-crlf/', 'JSON, BOM and CRLF', '2023-02-01', 4, 1, 'content/posts/json-crlf.md'],
      ['/posts/no-front-matter/', 'Title from the heading', undefined, 11, 1, 'content/posts/no-front-matter.md'],
    ]);
    expect(problems).toEqual([]);
  });

  it('takes tags from the tags and categories taxonomies', () => {
    const tags = Object.fromEntries(index.posts.map((p) => [p.slug, p.tags]));
    expect(tags['yaml-front-matter']).toEqual(['hugo', 'yaml', 'notes']);
    expect(tags['toml-post']).toEqual(['hugo', 'toml']);
    expect(tags['json-crlf']).toEqual(['json']);
  });

  it("takes Hugo's .Summary: the text before <!--more-->, else summary, else the first 70 words (never description)", () => {
    const summary = Object.fromEntries(index.posts.map((p) => [p.slug, p.summary]));
    expect(summary['yaml-front-matter']).toBe('The summary from the front matter.');
    expect(summary['toml-post']).toMatch(/^A heading of four words Text with bold and a link\. fmt\.Println\(/);
    expect(summary['with-more']).toBe('Before the marker, in two lines. Still the summary.');
    expect(summary['page-bundle']).toBe(
      'The first paragraph becomes the summary when there is none in the front matter, cut at a word boundary if it is long. A second paragraph.',
    );
    expect(summary['no-front-matter']).toBe('Title from the heading Body of a post without front matter.');
  });

  it('hides the draft unless drafts are asked for', async () => {
    expect(index.posts.some((p) => p.slug === 'draft-post')).toBe(false);
    const withDrafts = (await buildSiteIndex(HUGO, { drafts: true, now: NOW })).index.posts;
    expect(withDrafts.find((p) => p.slug === 'draft-post')).toMatchObject({ title: 'A draft', draft: true, date: '2025-06-01', url: '/posts/draft-post/' });
  });

  it("leaves out the section page, the bundle's resource, and pages outside content/posts", async () => {
    const files = (await buildSiteIndex(HUGO, { drafts: true })).records.map((r) => r.file);
    expect(files).not.toContain('content/posts/_index.md');
    expect(files).not.toContain('content/posts/page-bundle/notes.md');
    expect(files.every((f) => f.startsWith('content/posts/'))).toBe(true);
  });
});

describe('a Jekyll blog (test/fixtures/jekyll)', async () => {
  const { index, problems, site } = await buildSiteIndex(JEKYLL, { now: NOW });

  it('dates posts from their file names unless the front matter has a date, and keeps the name after the date as the slug', () => {
    expect(site.generator).toBe('Jekyll');
    expect(index.posts.map((p) => [p.slug, p.title, p.date, p.tags, p.url])).toEqual([
      ['hello-jekyll', 'Hello Jekyll', '2023-04-05', ['jekyll'], '/jekyll/2023/04/05/hello-jekyll.html'],
      ['year-end', 'The front matter date wins', '2023-01-02T09:00:00+0000', ['review'], '/2023/01/02/year-end.html'],
    ]);
    expect(problems).toEqual([]);
  });

  it('treats _drafts and published: false as drafts', async () => {
    const drafts = (await buildSiteIndex(JEKYLL, { drafts: true, now: NOW })).index.posts.filter((p) => p.draft);
    expect(drafts.map((p) => p.file).sort()).toEqual(['_drafts/work-in-progress.md', '_posts/2021-07-08-unpublished.md']);
  });

  it('does not take the site root\'s index.md for a post', () => {
    expect(index.posts.map((p) => p.file)).not.toContain('index.md');
  });
});

describe('a folder of broken files (test/fixtures/broken)', () => {
  const { index, problems } = buildIndex(join(FIXTURES, 'broken'));

  it('keeps the usable posts: one slug in two folders is two URL paths', () => {
    expect(index.posts.map((p) => [p.slug, p.url])).toEqual([['same', '/same/'], ['same', '/sub/same/']]);
    expect(index.posts.map((p) => [p.slug, p.file])).toEqual([
      ['same', 'good.md'],
      ['same', 'sub/same-slug.md'],
    ]);
  });

  it('says for each other file why it could not be used', () => {
    expect(problems.map((p) => [p.file, p.severity, p.reason])).toEqual([
      ['bad-toml.md', 'skipped', expect.stringMatching(/^TOML front matter does not parse: /)],
      ['bad-yaml.md', 'skipped', expect.stringMatching(/^YAML front matter does not parse: .*[^:]$/)],
      ['image.md', 'skipped', 'binary file'],
      ['latin1.md', 'skipped', 'not valid UTF-8'],
      ['not-a-mapping.md', 'skipped', 'YAML front matter is not a mapping'],
      ['unclosed.md', 'skipped', 'YAML front matter is not closed'],
    ]);
    for (const p of problems) expect(p.reason).not.toMatch(/\n|^\s+at /);
  });
});

describe('files that cannot be read', () => {
  it('leaves out a file over the size limit without reading it', () => {
    const dir = tempPosts({ 'ok.md': '# Fine\n' });
    writeFileSync(join(dir, 'huge.md'), '');
    truncateSync(join(dir, 'huge.md'), MAX_POST_BYTES + 1);
    const read: string[] = [];
    const built = buildIndex(dir, { readFile: (path) => (read.push(path), Buffer.from('# Fine\n')) });
    expect(built.index.posts.map((p) => p.file)).toEqual(['ok.md']);
    expect(built.problems).toEqual([{ file: 'huge.md', reason: 'larger than 10 MB', severity: 'skipped' }]);
    expect(read).toHaveLength(1);
  });

  it('leaves out an unreadable file with the error code, not a stack trace', () => {
    const dir = tempPosts({ 'ok.md': '# Fine\n', 'locked.md': '# Locked\n' });
    const readFile = (path: string) => {
      if (path.endsWith('locked.md')) throw Object.assign(new Error(`EACCES: permission denied, open '${path}'`), { code: 'EACCES' });
      return Buffer.from('# Fine\n');
    };
    expect(buildIndex(dir, { readFile }).problems).toEqual([{ file: 'locked.md', reason: 'cannot read (EACCES)', severity: 'skipped' }]);
  });
});
