import { truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildIndex, MAX_POST_BYTES } from '../../src/content/postIndex.js';
import { tempPosts } from '../support/tempPosts.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
const HUGO = { dir: join(FIXTURES, 'hugo'), only: ['content/posts'] };
const JEKYLL = { dir: join(FIXTURES, 'jekyll'), only: ['_posts', '_drafts'] };

describe('a Hugo blog (test/fixtures/hugo)', () => {
  const { index, problems } = buildIndex(HUGO.dir, { only: HUGO.only });

  it('lists every post of content/posts newest first, undated last, with Hugo word counts', () => {
    expect(index.posts.map((p) => [p.slug, p.title, p.date, p.words, p.readingMinutes, p.file])).toEqual([
      ['yaml-front-matter', 'YAML front matter: a post', '2025-03-04T10:30:00+01:00', 13, 1, 'content/posts/yaml-front-matter.md'],
      ['toml-post', 'TOML front matter', '2025-01-15', 12, 1, 'content/posts/2025/toml-front-matter.md'],
      ['page-bundle', 'A page bundle', '2024-11-20', 26, 1, 'content/posts/page-bundle/index.md'],
      ['with-more', 'With a more marker', '2024-06-01', 12, 1, 'content/posts/with-more.md'],
      ['json-crlf', 'JSON, BOM and CRLF', '2023-02-01', 4, 1, 'content/posts/json-crlf.md'],
      ['no-front-matter', 'Title from the heading', undefined, 11, 1, 'content/posts/no-front-matter.md'],
    ]);
    expect(problems).toEqual([]);
  });

  it('merges tags and categories from YAML and TOML', () => {
    const tags = Object.fromEntries(index.posts.map((p) => [p.slug, p.tags]));
    expect(tags['yaml-front-matter']).toEqual(['hugo', 'yaml', 'notes']);
    expect(tags['toml-post']).toEqual(['hugo', 'toml']);
    expect(tags['json-crlf']).toEqual(['json']);
  });

  it('takes the summary from summary, description, the text before <!--more-->, or the first paragraph', () => {
    const summary = Object.fromEntries(index.posts.map((p) => [p.slug, p.summary]));
    expect(summary['yaml-front-matter']).toBe('The summary from the front matter.');
    expect(summary['toml-post']).toBe('The description, used as the summary.');
    expect(summary['with-more']).toBe('Before the marker, in two lines. Still the summary.');
    expect(summary['page-bundle']).toBe(
      'The first paragraph becomes the summary when there is none in the front matter, cut at a word boundary if it is long.',
    );
    expect(summary['no-front-matter']).toBe('Body of a post without front matter.');
  });

  it('hides the draft unless drafts are asked for', () => {
    expect(index.posts.some((p) => p.slug === 'draft-post')).toBe(false);
    const withDrafts = buildIndex(HUGO.dir, { only: HUGO.only, drafts: true }).index.posts;
    expect(withDrafts.find((p) => p.slug === 'draft-post')).toMatchObject({ title: 'A draft', draft: true, date: '2025-06-01' });
  });

  it("leaves out the section page, the bundle's resource, and pages outside content/posts", () => {
    const files = buildIndex(HUGO.dir, { only: HUGO.only, drafts: true }).records.map((r) => r.file);
    expect(files).not.toContain('content/posts/_index.md');
    expect(files).not.toContain('content/posts/page-bundle/notes.md');
    expect(files.every((f) => f.startsWith('content/posts/'))).toBe(true);
  });
});

describe('a Jekyll blog (test/fixtures/jekyll)', () => {
  const { index, problems } = buildIndex(JEKYLL.dir, { only: JEKYLL.only });

  it('dates posts from their file names unless the front matter has a date, and drops the prefix from the slug', () => {
    expect(index.posts.map((p) => [p.slug, p.title, p.date, p.tags])).toEqual([
      ['hello-jekyll', 'Hello Jekyll', '2023-04-05', ['jekyll']],
      ['year-end', 'The front matter date wins', '2023-01-02T09:00:00+0000', ['review']],
    ]);
    expect(problems).toEqual([]);
  });

  it('treats _drafts and published: false as drafts', () => {
    const drafts = buildIndex(JEKYLL.dir, { only: JEKYLL.only, drafts: true }).index.posts.filter((p) => p.draft);
    expect(drafts.map((p) => p.file).sort()).toEqual(['_drafts/work-in-progress.md', '_posts/2021-07-08-unpublished.md']);
  });
});

describe('a folder of broken files (test/fixtures/broken)', () => {
  const { index, problems } = buildIndex(join(FIXTURES, 'broken'));

  it('keeps the usable posts, a duplicate slug reachable with a suffix', () => {
    expect(index.posts.map((p) => [p.slug, p.file])).toEqual([
      ['same', 'good.md'],
      ['same-2', 'sub/same-slug.md'],
    ]);
  });

  it('says for each other file why it could not be used', () => {
    expect(problems.map((p) => [p.file, p.severity, p.reason])).toEqual([
      ['bad-toml.md', 'skipped', expect.stringMatching(/^TOML front matter does not parse: /)],
      ['bad-yaml.md', 'skipped', expect.stringMatching(/^YAML front matter does not parse: .*[^:]$/)],
      ['image.md', 'skipped', 'binary file'],
      ['latin1.md', 'skipped', 'not valid UTF-8'],
      ['not-a-mapping.md', 'skipped', 'YAML front matter is not a mapping'],
      ['sub/same-slug.md', 'warning', 'duplicate slug "same", shown as "same-2"'],
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
