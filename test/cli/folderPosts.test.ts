import { readFileSync, realpathSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CliError } from '../../src/cli/errors.js';
import { loadFolderPosts, loadOnePost, type FolderCheck, type FolderOptions } from '../../src/cli/folderPosts.js';
import { cacheFile } from '../../src/content/indexCache.js';
import type { PostEntry } from '../../src/content/postEntry.js';
import { tempPosts } from '../support/tempPosts.js';

const post = (title: string, date = '2024-01-01', extra = '') => `---\ntitle: ${title}\ndate: ${date}\n${extra}---\n\nBody of ${title}.\n`;

/** Loads a folder as `--posts` does, with the cache in a temporary folder; counts the files read. */
function loader(dir: string) {
  const env = { XDG_CACHE_HOME: tempPosts({}) };
  const root = () => realpathSync(dir);
  return {
    env,
    cachePath: () => cacheFile(root(), env),
    async load(options: Partial<FolderOptions> = {}, extraEnv: NodeJS.ProcessEnv = {}, check: FolderCheck = 'all') {
      const reads: string[] = [];
      const stderr: string[] = [];
      const source = await loadFolderPosts(
        dir,
        { drafts: false, verbose: false, ...options },
        {
          stderr: { write: (text: string) => stderr.push(text) },
          env: { ...env, ...extraEnv },
          readFile: (path) => (reads.push(relative(root(), path)), readFileSync(path)),
        },
        check,
      );
      return { source, reads, stderr: stderr.join(''), titles: source.posts.map((p) => p.title) };
    },
  };
}

describe('the posts of a folder, with the index cache', () => {
  it('reads every file on the first start and no unchanged file on the second', async () => {
    const dir = tempPosts({ 'a.md': post('A', '2024-01-03'), 'b/b.md': post('B', '2024-01-02'), 'c.markdown': post('C') });
    const folder = loader(dir);
    const first = await folder.load();
    expect(first.reads.sort()).toEqual(['a.md', 'b/b.md', 'c.markdown']);
    const second = await folder.load();
    expect(second.reads).toEqual([]);
    expect(second.source.posts).toEqual(first.source.posts);
  });

  it('reads an edited file again and updates its entry, also when only its mtime changed', async () => {
    const dir = tempPosts({ 'a.md': post('A'), 'b.md': post('B') });
    const folder = loader(dir);
    await folder.load();
    writeFileSync(join(dir, 'b.md'), post('B, edited and longer'));
    const edited = await folder.load();
    expect(edited.reads).toEqual(['b.md']);
    expect(edited.titles).toContain('B, edited and longer');

    writeFileSync(join(dir, 'a.md'), post('Z')); // the same size as before
    const { mtimeMs } = statSync(join(dir, 'a.md'));
    utimesSync(join(dir, 'a.md'), new Date(), new Date(mtimeMs + 5000));
    const touched = await folder.load();
    expect(touched.reads).toEqual(['a.md']);
    expect(touched.titles).toContain('Z');
    expect((await folder.load()).reads).toEqual([]);
  });

  it('drops a deleted file and reads an added one, and nothing else', async () => {
    const dir = tempPosts({ 'a.md': post('A'), 'b.md': post('B') });
    const folder = loader(dir);
    await folder.load();
    rmSync(join(dir, 'a.md'));
    const deleted = await folder.load();
    expect(deleted.reads).toEqual([]);
    expect(deleted.titles).toEqual(['B']);
    writeFileSync(join(dir, 'new.md'), post('New'));
    const added = await folder.load();
    expect(added.reads).toEqual(['new.md']);
    expect(added.titles.sort()).toEqual(['B', 'New']);
  });

  it('ignores a corrupt cache, rebuilds it, and trusts the rebuilt one', async () => {
    const dir = tempPosts({ 'a.md': post('A'), 'b.md': post('B') });
    const folder = loader(dir);
    const first = await folder.load();
    writeFileSync(folder.cachePath(), '{"kind":"blog-tui index cache","version":1,"records":[{"file":"a.md","entry":"');
    const rebuilt = await folder.load({ verbose: true });
    expect(rebuilt.reads.sort()).toEqual(['a.md', 'b.md']);
    expect(rebuilt.stderr).toContain('blog-tui: the cache is not valid JSON: indexing every file\n');
    expect(rebuilt.source.posts).toEqual(first.source.posts);
    expect((await folder.load()).reads).toEqual([]);
  });

  it('never trusts entries cached for another folder', async () => {
    const one = tempPosts({ 'a.md': post('One') });
    const two = tempPosts({ 'a.md': post('Two') });
    const folder = loader(two);
    await folder.load();
    const foreign = JSON.parse(readFileSync(folder.cachePath(), 'utf8'));
    writeFileSync(folder.cachePath(), JSON.stringify({ ...foreign, root: realpathSync(one) }));
    const again = await folder.load();
    expect(again.reads).toEqual(['a.md']);
    expect(again.titles).toEqual(['Two']);
  });

  it('keeps the problems of unchanged files without reading them again', async () => {
    const dir = tempPosts({ 'ok.md': post('OK'), 'bad.md': '---\ntitle: [x\n---\n' });
    const folder = loader(dir);
    const first = await folder.load();
    expect(first.stderr).toBe('blog-tui: 1 file could not be used (--verbose lists them)\n');
    const second = await folder.load();
    expect(second.reads).toEqual([]);
    expect(second.stderr).toBe(first.stderr);
  });

  it('caches drafts too, so --drafts needs no read', async () => {
    const dir = tempPosts({ 'a.md': post('A'), 'd.md': post('Draft', '2024-01-01', 'draft: true\n') });
    const folder = loader(dir);
    expect((await folder.load()).titles).toEqual(['A']);
    const drafts = await folder.load({ drafts: true });
    expect(drafts.reads).toEqual([]);
    expect(drafts.titles.sort()).toEqual(['A', 'Draft']);
  });

  it('still shows the posts when the cache cannot be written, and says so with --verbose', async () => {
    const dir = tempPosts({ 'a.md': post('A') });
    const blocker = join(tempPosts({}), 'not-a-folder');
    writeFileSync(blocker, '');
    const result = await loader(dir).load({ verbose: true }, { XDG_CACHE_HOME: blocker });
    expect(result.titles).toEqual(['A']);
    expect(result.stderr).toMatch(/^blog-tui: cannot write the cache .* \(ENOTDIR\)$/m);
  });
});

describe('a folder whose cache is trusted first (the full-screen app, read)', () => {
  it('gives the cached posts without looking at the files, then finds what changed when asked', async () => {
    const dir = tempPosts({ 'a.md': post('A', '2024-01-03'), 'b.md': post('B', '2024-01-02') });
    const folder = loader(dir);
    await folder.load();
    writeFileSync(join(dir, 'c.md'), post('C', '2024-01-04'));
    rmSync(join(dir, 'b.md'));
    const later = await folder.load({}, {}, 'later');
    expect(later.reads).toEqual([]);
    expect(later.titles).toEqual(['A', 'B']);
    const update = await later.source.refresh!();
    expect(update.posts!.map((p) => p.title)).toEqual(['C', 'A']);
    // Only the file added was read: the app lays out again only what changed.
    expect(update.changed).toEqual(['c.md']);
    // The check wrote the cache: the next start has the new posts at once, and nothing changed since.
    const next = await folder.load({}, {}, 'later');
    expect(next.titles).toEqual(['C', 'A']);
    expect((await next.source.refresh!()).posts).toBeUndefined();
  });

  it('keeps the order of the list in the cache: the cached posts are in the order a full build gives', async () => {
    const dir = tempPosts({ 'x.md': post('Same day b'), 'y.md': post('Same day a'), 'z.md': post('Newer', '2025-02-02'), 'n.md': '---\ntitle: Undated\n---\n\nText.\n' });
    const folder = loader(dir);
    const full = await folder.load();
    const cached = await folder.load({}, {}, 'later');
    expect(cached.titles).toEqual(full.titles);
    expect(cached.titles).toEqual(['Newer', 'Same day a', 'Same day b', 'Undated']);
  });

  it('reports files that could not be used from the cache, without reading them', async () => {
    const dir = tempPosts({ 'a.md': post('A'), 'bad.md': '---\ntitle: [unclosed\n---\n' });
    const folder = loader(dir);
    await folder.load();
    const later = await folder.load({}, {}, 'later');
    expect(later.reads).toEqual([]);
    expect(later.stderr).toContain('1 file could not be used');
  });

  it("reads one post of a cached folder checking only that post's file", async () => {
    const dir = tempPosts({ 'a.md': post('A'), 'b.md': post('B') });
    const folder = loader(dir);
    await folder.load();
    writeFileSync(join(dir, 'c.md'), post('C'));
    const one = await folder.load({ verbose: true }, {}, { post: 'a' });
    expect(one.reads).toEqual([]);
    expect(one.stderr).toContain('only a.md checked');
    expect(one.titles).toEqual(['A', 'B']);
  });

  it('checks the whole folder when the post named changed or is not in the cache', async () => {
    const dir = tempPosts({ 'a.md': post('A'), 'b.md': post('B') });
    const folder = loader(dir);
    await folder.load();
    writeFileSync(join(dir, 'a.md'), post('A, edited'));
    const edited = await folder.load({}, {}, { post: 'a' });
    expect(edited.reads).toEqual(['a.md']);
    expect(edited.titles).toContain('A, edited');
    writeFileSync(join(dir, 'c.md'), post('C'));
    const added = await folder.load({}, {}, { post: 'c' });
    expect(added.reads).toEqual(['c.md']);
    expect(added.titles).toContain('C');
  });
});

describe("one post of a cached folder, found by the cache's lookup (read piped)", () => {
  it('is the post the whole cache gives, with its body, without reading any other post', async () => {
    const dir = tempPosts({ 'a.md': post('Alpha', '2024-01-03'), 'b.md': post('Beta'), 'c.md': post('Gamma', '2024-01-02') });
    const folder = loader(dir);
    const full = await folder.load();
    const one = await loadOnePost(dir, 'c', folder.env);
    expect(one?.posts).toEqual([full.source.posts.find((p) => p.title === 'Gamma')]);
    expect(one!.readBody(one!.posts[0]!)).toBe(full.source.readBody(full.source.posts.find((p) => p.title === 'Gamma')!));
  });

  it('gives way to the whole cache when no single post matches, when the post changed, or without a cache', async () => {
    const dir = tempPosts({ 'alpha.md': post('Alpha'), 'alps.md': post('Alps') });
    const folder = loader(dir);
    expect(await loadOnePost(dir, 'alpha', folder.env)).toBeUndefined();
    await folder.load();
    expect((await loadOnePost(dir, 'alpha', folder.env))?.posts[0]?.title).toBe('Alpha');
    expect(await loadOnePost(dir, 'al', folder.env)).toBeUndefined();
    expect(await loadOnePost(dir, 'nothing-like-it', folder.env)).toBeUndefined();
    writeFileSync(join(dir, 'alpha.md'), post('Alpha, edited'));
    expect(await loadOnePost(dir, 'alpha', folder.env)).toBeUndefined();
  });
});

describe("one post of a cached folder, found by the cache's slug file (read piped, by a whole slug or URL path)", () => {
  const lookupOf = (cachePath: string) => cachePath.replace(/\.json$/, '.lookup.json');
  const slugsOf = (cachePath: string) => cachePath.replace(/\.json$/, '.slugs');

  it('finds a post named wholly without the whole lookup, and leaves a prefix to the lookup', async () => {
    const dir = tempPosts({ 'alpha.md': post('Alpha'), 'beta.md': post('Beta') });
    const folder = loader(dir);
    const full = await folder.load();
    rmSync(lookupOf(folder.cachePath()));
    const one = await loadOnePost(dir, 'alpha', folder.env);
    expect(one?.posts).toEqual([full.source.posts.find((p) => p.title === 'Alpha')]);
    expect(one!.readBody(one!.posts[0]!)).toBe('\nBody of Alpha.\n');
    expect(await loadOnePost(dir, 'alph', folder.env)).toBeUndefined();
  });

  it('uses the whole lookup when the slug file is missing or stale, and checks the post\'s own file', async () => {
    const dir = tempPosts({ 'alpha.md': post('Alpha'), 'beta.md': post('Beta') });
    const folder = loader(dir);
    await folder.load();
    const slugs = readFileSync(slugsOf(folder.cachePath()), 'utf8');
    rmSync(slugsOf(folder.cachePath()));
    expect((await loadOnePost(dir, 'beta', folder.env))?.posts[0]?.title).toBe('Beta');
    // A slug file of another cache (written before a post was added) is not used.
    writeFileSync(join(dir, 'gamma.md'), post('Gamma'));
    await folder.load();
    const current = readFileSync(slugsOf(folder.cachePath()), 'utf8');
    writeFileSync(slugsOf(folder.cachePath()), slugs);
    rmSync(lookupOf(folder.cachePath()));
    expect(await loadOnePost(dir, 'gamma', folder.env)).toBeUndefined();
    writeFileSync(slugsOf(folder.cachePath()), current);
    expect((await loadOnePost(dir, 'gamma', folder.env))?.posts[0]?.title).toBe('Gamma');
    // The folder changed after the cache: the post's own file is checked, and a changed one gives way.
    writeFileSync(join(dir, 'gamma.md'), post('Gamma, edited'));
    expect(await loadOnePost(dir, 'gamma', folder.env)).toBeUndefined();
    expect((await loadOnePost(dir, 'beta', folder.env))?.posts[0]?.title).toBe('Beta');
  });

  it('gives way when a whole slug names several posts, as the whole lookup does', async () => {
    const dir = tempPosts({ 'a/same.md': post('One'), 'b/same.md': post('Two') });
    const folder = loader(dir);
    const full = await folder.load();
    expect(full.source.posts.map((p) => p.slug)).toEqual(['same', 'same']);
    expect(await loadOnePost(dir, 'same', folder.env)).toBeUndefined();
    const url = full.source.posts[0]!.url;
    expect((await loadOnePost(dir, url, folder.env))?.posts[0]?.url).toBe(url);
  });
});

describe('a folder as a post source', () => {
  it("is identified by the folder's real path and named after the folder", async () => {
    const dir = tempPosts({ 'my-blog/a.md': post('A') });
    symlinkSync(join(dir, 'my-blog'), join(dir, 'link'));
    const { source } = await loader(join(dir, 'link')).load();
    expect(source.id).toBe(realpathSync(join(dir, 'my-blog')));
    expect(source.name).toBe('link');
    expect((await loader(join(dir, 'my-blog')).load()).source.name).toBe('my-blog');
  });

  it("gives a post's body without its front matter", async () => {
    const dir = tempPosts({ 'a.md': post('A') });
    const { source } = await loader(dir).load();
    expect(source.readBody(source.posts[0]!)).toBe('\nBody of A.\n');
  });

  it('refuses to open a post that was replaced by a link out of the folder', async () => {
    const outside = tempPosts({ 'secret.md': 'secret' });
    const dir = tempPosts({ 'a.md': post('A') });
    const { source } = await loader(dir).load();
    rmSync(join(dir, 'a.md'));
    symlinkSync(join(outside, 'secret.md'), join(dir, 'a.md'));
    expect(() => source.readBody(source.posts[0]!)).toThrow(/outside the posts folder/);
  });

  it("reads a Hugo site's content/posts and a Jekyll site's _posts and _drafts", async () => {
    const hugo = tempPosts({ 'hugo.toml': '', 'content/posts/p.md': post('Post'), 'content/about.md': post('About'), 'README.md': '# Readme' });
    expect((await loader(hugo).load()).source.posts.map((p) => p.file)).toEqual(['content/posts/p.md']);
    const jekyll = tempPosts({ '_config.yml': '', '_posts/2024-01-01-p.md': post('P'), '_drafts/d.md': post('D'), 'index.md': '# Home' });
    expect((await loader(jekyll).load({ drafts: true })).source.posts.map((p) => p.file).sort()).toEqual(['_drafts/d.md', '_posts/2024-01-01-p.md']);
  });

  it('says so when the folder holds no Markdown', async () => {
    const dir = tempPosts({ 'notes.txt': '' });
    const result = await loader(dir).load();
    expect(result.titles).toEqual([]);
    expect(result.stderr).toBe(`blog-tui: no Markdown posts (.md, .markdown) in ${dir}\n`);
  });

  it('stops with one clear line when the folder is missing or not a folder', async () => {
    const dir = tempPosts({ 'file.md': '' });
    for (const [path, message] of [
      [join(dir, 'missing'), `no such folder: ${join(dir, 'missing')}`],
      [join(dir, 'file.md'), `${join(dir, 'file.md')} is not a folder`],
      [join(dir, 'file.md', 'below'), `no such folder: ${join(dir, 'file.md', 'below')}`],
    ] as const) {
      let error: unknown;
      try {
        await loader(path).load();
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(CliError);
      expect((error as CliError).message).toBe(message);
      expect((error as CliError).exitCode).toBe(1);
    }
  });
});

describe('a site folder', () => {
  const FIXTURES = new URL('../fixtures/', import.meta.url).pathname;

  it('is named by its configured title, else by the folder', async () => {
    expect((await loader(join(FIXTURES, 'hugo')).load()).source.name).toBe('Fixture Hugo blog');
    expect((await loader(join(FIXTURES, 'docusaurus')).load()).source.name).toBe('Fixture Docusaurus site');
    const plainDir = tempPosts({ 'a.md': post('A') });
    expect((await loader(plainDir).load()).source.name).toBe(plainDir.split('/').pop());
  });

  it('gives the reader the body with the generator syntax evaluated, from the cache too', async () => {
    const folder = loader(join(FIXTURES, 'jekyll-liquid'));
    for (let run = 0; run < 2; run++) {
      const { source, reads } = await folder.load();
      if (run === 1) expect(reads).toEqual([]);
      const body = source.readBody(source.posts.find((p) => p.slug === 'liquid-tour')!);
      expect(body).toContain('Written by Grace for Liquid Fixture.');
      expect(body).toContain('```ruby\ndef hello');
      expect(body).toContain('[Next post](/blog/one/two/2020/03/02/second/)');
      expect(body).not.toMatch(/\{%|\{\{ "|\{:/);
    }
  });

  it("gives Jekyll's Liquid the post's front matter as page and the site's config as site, in the reader and the word count", async () => {
    const dir = tempPosts({
      '_config.yml': 'title: Site Title\n',
      '_posts/2020-01-02-p.md': '---\ntitle: Page Title\nauthor: Ada\n---\n{{ page.title }} by {{ page.author }} on {{ site.title }}.\n',
    });
    const { source } = await loader(dir).load();
    const entry = source.posts[0]!;
    expect(source.readBody(entry)).toBe('Page Title by Ada on Site Title.\n');
    expect(entry.words).toBe(7);
  });

  it("links a Hugo ref to the URL path the site gives the post it names", async () => {
    const { source } = await loader(join(FIXTURES, 'hugo-config-dir')).load();
    const body = source.readBody(source.posts.find((p) => p.url === '/2025/12/dated-name/')!);
    expect(body).toContain('[the other post](/2025/12/custom-slug/)');
    expect(body).not.toContain('{{< ref');
  });

  it('rebuilds cached entries when the site configuration changes', async () => {
    const dir = tempPosts({ 'hugo.toml': 'title = "One"\n', 'content/posts/a.md': post('A') });
    const folder = loader(dir);
    expect((await folder.load()).source.posts[0]!.url).toBe('/posts/a/');
    writeFileSync(join(dir, 'hugo.toml'), 'title = "Two"\n[permalinks]\nposts = "/:year/:slug/"\n');
    const second = await folder.load();
    expect(second.reads).toEqual(['content/posts/a.md']);
    expect(second.source.posts[0]!.url).toBe('/2024/a/');
  });
});

describe('a folder seen for the first time by the full-screen app', () => {
  it('lists every post from its front matter at once, figures pending, then gives the whole index', async () => {
    const dir = tempPosts({
      'a.md': post('A', '2024-01-03'),
      'b.md': '---\ndate: 2024-01-02\n---\n\n```\n# not a heading\n```\n\n# The heading of B ##\n\nOne two three four five.\n',
      'c.md': post('C', '2024-01-04', 'draft: true\n'),
      'd.md': post('D', '2024-01-01', 'summary: Written by hand\n'),
    });
    const folder = loader(dir);
    const first = await folder.load({}, {}, 'later');
    // Titles, dates and drafts are known: the list is complete and in its order.
    expect(first.titles).toEqual(['A', 'The heading of B', 'D']);
    expect(first.source.posts.map((p) => p.date)).toEqual(['2024-01-03', '2024-01-02', '2024-01-01']);
    expect(first.source.posts.every((p) => p.pending === true)).toBe(true);
    expect(first.source.posts.find((p) => p.title === 'D')!.summary).toBe('Written by hand');
    expect(first.source.posts[0]!.words).toBe(0);
    // The whole index follows: the figures are known, and the cache is written.
    const update = await first.source.refresh!();
    const full = update.posts!;
    expect(full.map((p) => p.title)).toEqual(['A', 'The heading of B', 'D']);
    expect(full.some((p) => p.pending)).toBe(false);
    expect(full.find((p) => p.title === 'The heading of B')!.words).toBeGreaterThan(0);
    expect(full.find((p) => p.title === 'A')!.summary).toBe('Body of A.');
    const next = await folder.load({}, {}, 'later');
    expect(next.reads).toEqual([]);
    expect(next.source.posts.some((p) => p.pending)).toBe(false);
  });

  it('leaves a file whose front matter does not parse out of the first list, and reports it once the index is built', async () => {
    const dir = tempPosts({ 'a.md': post('A'), 'bad.md': '---\ntitle: [unclosed\n---\n' });
    const folder = loader(dir);
    const first = await folder.load({}, {}, 'later');
    expect(first.titles).toEqual(['A']);
    const update = await first.source.refresh!();
    expect(update.lines.join('\n')).toContain('1 file could not be used');
  });

  it('gives the same posts as an index built at once (list --json is unchanged)', async () => {
    const dir = tempPosts({ 'x.md': post('Same day b'), 'y.md': post('Same day a'), 'z.md': post('Newer', '2025-02-02'), 'n.md': '# Only a heading\n\nText.\n' });
    const later = await loader(dir).load({}, {}, 'later');
    const full = await loader(dir).load();
    const update = await later.source.refresh!();
    expect(update.posts).toEqual(full.source.posts);
    expect(later.titles).toEqual(full.titles);
  });

  it('fills the figures in as files are read, each post in its place, before the whole index', async () => {
    const dir = tempPosts({ 'a.md': post('A', '2024-01-03'), 'b.md': post('B', '2024-01-02'), 'c.md': post('C', '2024-01-01') });
    const first = await loader(dir).load({}, {}, 'later');
    const partial: PostEntry[][] = [];
    const update = await first.source.refresh!(undefined, (posts) => partial.push(posts));
    // The first file read is handed over at once: its post has figures, the others wait.
    expect(partial.length).toBeGreaterThan(0);
    const early = partial[0]!;
    expect(early.map((p) => p.title)).toEqual(['A', 'B', 'C']);
    expect(early.filter((p) => !p.pending)).toHaveLength(1);
    expect(early.find((p) => !p.pending)!.words).toBeGreaterThan(0);
    expect(early.map((p) => p.url)).toEqual(first.source.posts.map((p) => p.url));
    expect(update.posts!.every((p) => !p.pending)).toBe(true);
  });
});
