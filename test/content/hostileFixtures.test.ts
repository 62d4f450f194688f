// The hostile fixture folder through the content layer and the renderer, in process: which
// posts are usable, why the others are not, and that whatever can be shown renders within the
// width with no control character of its own.
import { readFileSync, unlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { buildIndex, readPostSource } from '../../src/content/postIndex.js';
import { splitFrontMatter } from '../../src/content/frontMatter.js';
import { renderMarkdown } from '../../src/render/markdownRenderer.js';
import { renderPostCached } from '../../src/tui/components/App.js';
import { loadFolderPosts } from '../../src/cli/folderPosts.js';
import { loadBundledPosts } from '../../src/cli/loadPosts.js';
import { CliError } from '../../src/cli/errors.js';
import type { RenderedPost } from '../../src/render/markdownRenderer.js';
import {
  CONTROL_NAME,
  HOSTILE,
  HOSTILE_SKIPPED,
  HOSTILE_SLUGS,
  OUTSIDE_SECRET,
  READS_ANYTHING,
  foreignControls,
  hostileCopy,
  tempDir,
} from '../support/hostile.js';

const WIDTHS = [20, 60, 100];

function expectShowable(lines: readonly string[], width: number, what: string): void {
  expect(foreignControls(lines.join('\n')), what).toEqual([]);
  for (const line of lines) {
    if (stringWidth(line) > width) expect.fail(`${what}: a line wider than ${width}: ${JSON.stringify(line)}`);
    if (line.includes('\t')) expect.fail(`${what}: a tab in ${JSON.stringify(line)}`);
  }
}

describe('test/fixtures/hostile through the index', () => {
  const built = buildIndex(HOSTILE);

  it('keeps every usable post', () => {
    expect(built.index.posts.map((p) => p.slug).sort()).toEqual([...HOSTILE_SLUGS].sort());
  });

  it('says in one line, without a stack trace, why each other file cannot be used', () => {
    expect(built.problems.map((p) => [p.file, p.severity])).toEqual(HOSTILE_SKIPPED.map((file) => [file, 'skipped']));
    for (const p of built.problems) expect(p.reason).not.toMatch(/\n|^\s*at |\.ts:\d/);
    expect(built.problems.find((p) => p.file === 'invalid-utf8.md')!.reason).toBe('not valid UTF-8');
    expect(built.problems.find((p) => p.file === 'binary.md')!.reason).toBe('binary file');
  });

  it('reads BOM and CRLF, a missing or invalid date, a missing title and an empty file', () => {
    const bySlug = new Map(built.index.posts.map((p) => [p.slug, p]));
    expect(bySlug.get('bom-crlf')).toMatchObject({ title: 'BOM and CRLF', date: '2024-02-02', tags: ['windows'] });
    expect(bySlug.get('invalid-date')!.date).toBeUndefined();
    expect(bySlug.get('no-front-matter')).toMatchObject({ title: 'A post without front matter' });
    expect(bySlug.get('empty')).toMatchObject({ title: 'empty', words: 0, summary: '' });
    expect(bySlug.get('long-title')!.title).toHaveLength(2000);
  });

  it('keeps the text of front matter as written: sanitizing is for display', () => {
    const escapes = built.index.posts.find((p) => p.slug === 'escapes')!;
    expect(escapes.title).toContain('\u001b]52;c;cHduZWQ=\u0007');
    expect(escapes.title).toContain('\u009b2J');
    expect(escapes.tags).toEqual(['tag\u001b[31m', '\u009bcsi', 'rtl\u202egat']);
  });

  for (const slug of HOSTILE_SLUGS) {
    it(`renders ${JSON.stringify(slug)} within the width, with no control character from the file`, { timeout: 20_000 }, () => {
      const entry = built.index.posts.find((p) => p.slug === slug)!;
      const body = splitFrontMatter(readPostSource(HOSTILE, entry)).body;
      for (const width of WIDTHS) {
        for (const [color, hyperlinks] of [[false, false], [true, false], [true, true]] as const) {
          const { lines } = renderMarkdown(body, { width, color, hyperlinks });
          expectShowable(lines, width, `${slug} at ${width} columns, color ${color}, links ${hyperlinks}`);
        }
      }
    });
  }

  it('keeps the text around escape sequences visible in the reader', () => {
    const entry = built.index.posts.find((p) => p.slug === 'escapes')!;
    const text = renderMarkdown(splitFrontMatter(readPostSource(HOSTILE, entry)).body, { width: 200, color: false }).lines.join('\n');
    expect(text).toContain('^[[31mred^[[0m');
    expect(text).toContain('^[]52;c;cHduZWQ=^G');
    expect(text).toContain('<U+009B>31m');
    expect(text).toContain('echo "^[[31mcode^[[0m"');
  });
});

describe('a copy of the hostile folder with links, loops and odd names made at run time', () => {
  it('reads every usable post, never leaves the folder, and reports loops and links', () => {
    const dir = hostileCopy();
    const built = buildIndex(dir);
    const slugs = built.index.posts.map((p) => p.slug);
    expect(slugs).toEqual(expect.arrayContaining([...HOSTILE_SLUGS, CONTROL_NAME.replace(/\.md$/, ''), 'line\nbreak']));
    expect(JSON.stringify(built.index)).not.toContain(OUTSIDE_SECRET);
    const reasons = Object.fromEntries(built.problems.map((p) => [p.file, p.reason]));
    expect(reasons['outside-file.md']).toBe('symbolic link to outside the folder, left out');
    expect(reasons['outside-folder']).toBe('symbolic link to outside the folder, left out');
    expect(reasons.loop).toMatch(/read already \(or a loop\)/);
    expect(reasons['sub/up']).toMatch(/read already \(or a loop\)/);
    expect(reasons['loop-a.md']).toBe('broken symbolic link (ELOOP)');
    expect(reasons['loop-b.md']).toBe('broken symbolic link (ELOOP)');
    if (!READS_ANYTHING) expect(reasons['unreadable.md']).toBe('cannot read (EACCES)');
  });

  it('leaves out an unreadable file with one line on stderr (read refused through the loader)', async () => {
    const dir = hostileCopy();
    const lines: string[] = [];
    const denied = (path: string) => {
      if (path.endsWith('unreadable.md')) throw Object.assign(new Error(`EACCES: permission denied, open '${path}'`), { code: 'EACCES' });
      return readFileSync(path);
    };
    const env = { ...process.env, XDG_CACHE_HOME: tempDir() };
    const source = await loadFolderPosts(dir, { drafts: false, verbose: true }, { stderr: { write: (t: string) => lines.push(t) }, env, readFile: denied });
    expect(source.posts.map((p) => p.title)).not.toContain('Unreadable');
    expect(lines).toContain('blog-tui: unreadable.md: cannot read (EACCES)\n');
    const all = lines.join('');
    expect(foreignControls(all)).toEqual([]);
    expect(all).toContain('blog-tui: broken-^[]0;pwned^G-<U+009B>2J.md: YAML front matter does not parse: ');
    expect(all).not.toContain(OUTSIDE_SECRET);
  });

  it('indexes and renders a 5 MB post', { timeout: 30_000 }, () => {
    const dir = hostileCopy({ big: true });
    const built = buildIndex(dir);
    const big = built.index.posts.find((p) => p.slug === 'big')!;
    expect(big.words).toBeGreaterThan(500_000);
    const rendered = renderMarkdown(splitFrontMatter(readPostSource(dir, big)).body, { width: 76, color: true, hyperlinks: true });
    expect(rendered.lines.length).toBeGreaterThan(100_000);
    expect(rendered.headings.length).toBeGreaterThan(5_000);
  });

  it('shows a clear line in the reader for a post deleted after the index was built', async () => {
    const dir = hostileCopy({ deleted: true });
    const source = await loadFolderPosts(dir, { drafts: false, verbose: false }, { stderr: { write: () => true }, env: { ...process.env, XDG_CACHE_HOME: tempDir() } });
    const index = source.posts.findIndex((p) => p.slug === 'deleted');
    unlinkSync(join(dir, 'deleted.md'));
    const rendered = renderPostCached(new Map<string, RenderedPost>(), source, renderMarkdown, index, 76, false);
    expect(rendered.lines).toEqual(['This post cannot be shown: ENOENT (deleted.md).']);
  });
});

describe('a stale or corrupt posts index (the bundled posts layout)', () => {
  function bundled(index: string, files: Record<string, string> = {}): string {
    const dir = tempDir();
    writeFileSync(join(dir, 'index.json'), index);
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(join(dir, name, '..'), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    return dir;
  }
  const entry = (slug: string, file: string, title = slug) => ({ slug, url: `/${slug}/`, title, tags: [], summary: '', words: 1, readingMinutes: 1, file });

  it('stops with one clear line on an index that is not JSON, not an index, or has a bad entry', () => {
    const cases: Array<[string, RegExp]> = [
      ['{"version": 2, "posts": [', /^the post index is not valid JSON$/],
      ['', /^the post index is not valid JSON$/],
      ['{"version": 1, "posts": []}', /^the post index is not a version 2 blog-tui index$/],
      ['[1, 2, 3]', /^the post index is not a version 2 blog-tui index$/],
      ['{"version": 2, "posts": [{"slug": "x"}]}', /^the post index has a malformed entry \(number 1\)$/],
    ];
    for (const [text, message] of cases) {
      let error: unknown;
      try {
        loadBundledPosts(bundled(text));
      } catch (caught) {
        error = caught;
      }
      expect(error, text).toBeInstanceOf(CliError);
      expect((error as CliError).message, text).toMatch(message);
    }
  });

  it('shows in the reader why a post of a stale index cannot be shown: gone, or outside the folder', () => {
    const posts = [entry('here', 'here.md'), entry('gone', 'gone.md'), entry('escape', '../../etc/passwd'), entry('evil', 'evil\u001b[2J.md', 'Evil \u001b]0;x\u0007')];
    const source = loadBundledPosts(bundled(JSON.stringify({ version: 2, posts }), { 'here.md': '# Here\n\nStill here.\n' }));
    const show = (index: number) => renderPostCached(new Map<string, RenderedPost>(), source, renderMarkdown, index, 60, false).lines;
    expect(show(0).join('\n')).toContain('Still here.');
    expect(show(1)).toEqual(['This post cannot be shown: ENOENT (gone.md).']);
    expect(show(2)).toEqual(['This post cannot be shown: post "escape" points outside the posts folder (../../etc/passwd).']);
    expect(show(3)).toEqual(['This post cannot be shown: ENOENT (evil^[[2J.md).']);
  });
});
