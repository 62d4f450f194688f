import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildSiteIndex, parseIndex, serializeIndex } from '../../src/content/postIndex.js';
import { runCli } from '../support/runCli.js';
import { tempPosts } from '../support/tempPosts.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
const HUGO = join(FIXTURES, 'hugo');
const BROKEN = join(FIXTURES, 'broken');
const HUGO_INDEX = (await buildSiteIndex(HUGO)).index;

/** Runs blog-tui with its cache in a fresh temporary folder. */
function run(args: string[], extra: Record<string, string> = {}) {
  const cache = tempPosts({});
  return { ...runCli(args, { XDG_CACHE_HOME: cache, ...extra }), cache };
}

describe('blog-tui --posts DIR', () => {
  it('indexes a folder seen for the first time on two threads with the same figures as on one', () => {
    // Enough files for a second thread (src/cli/parallelRead.ts); each post has as many words as its number.
    const count = 150;
    const dir = tempPosts(Object.fromEntries(Array.from({ length: count }, (_, i) => [`p${String(i).padStart(3, '0')}.md`, `---\ntitle: Post ${i + 1}\ndate: 2024-01-01\n---\n\n${'word '.repeat(i + 1)}\n`])));
    const { code, stdout } = run(['--posts', dir, 'list', '--json'], { BLOG_TUI_INDEX_THREADS: '2' });
    expect(code).toBe(0);
    const posts = JSON.parse(stdout) as Array<{ title: string; words: number }>;
    expect(posts).toHaveLength(count);
    for (const post of posts) expect(post.words).toBe(Number(post.title.slice(5)));
    const one = run(['--posts', dir, 'list', '--json'], { BLOG_TUI_INDEX_THREADS: '1' });
    expect(one.code).toBe(0);
    expect(one.stdout).toBe(stdout);
  });

  it('lists the posts of a Hugo site with list --json, and caches the index under XDG_CACHE_HOME', () => {
    const { code, stdout, stderr, cache } = run(['--posts', HUGO, 'list', '--json']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(JSON.parse(stdout)).toEqual(HUGO_INDEX.posts);
    expect(readdirSync(join(cache, 'blog-tui')).sort()).toEqual([
      expect.stringMatching(/^index-[0-9a-f]{32}\.head\.json$/),
      expect.stringMatching(/^index-[0-9a-f]{32}\.json$/),
      expect.stringMatching(/^index-[0-9a-f]{32}\.lookup\.json$/),
      expect.stringMatching(/^index-[0-9a-f]{32}\.slugs$/),
    ]);
  });

  it('takes the folder from BLOG_TUI_POSTS, with --posts winning over it', () => {
    const fromEnv = run(['list', '--json'], { BLOG_TUI_POSTS: HUGO });
    expect(JSON.parse(fromEnv.stdout)).toEqual(HUGO_INDEX.posts);
    const both = run(['list', '--json', '--posts', BROKEN], { BLOG_TUI_POSTS: HUGO });
    expect(JSON.parse(both.stdout).map((p: { url: string }) => p.url)).toEqual(['/same/', '/sub/same/']);
  });

  it('shows drafts only with --drafts', () => {
    const slugs = (args: string[]) => JSON.parse(run(args).stdout).map((p: { slug: string }) => p.slug);
    expect(slugs(['--posts', HUGO, 'list', '--json'])).not.toContain('draft-post');
    expect(slugs(['--posts', HUGO, '--drafts', 'list', '--json'])).toContain('draft-post');
  });

  it('prints the list table and, without a terminal, the same list by default', () => {
    const list = run(['--posts', HUGO, 'list']);
    expect(list.code).toBe(0);
    expect(list.stdout.split('\n')[1]).toMatch(/^March 4, 2025\s+1 min\s+13 words\s+yaml-front-matter\s+YAML front matter: a post$/);
    expect(run(['--posts', HUGO]).stdout).toBe(list.stdout);
  });

  it('reads a post of the folder as text', () => {
    const { code, stdout, stderr } = run(['--posts', HUGO, 'read', 'toml', '--width', '60']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^TOML front matter\nJanuary 15, 2025 · 1 min · 12 words\n/);
    expect(stdout).toContain('A heading of four words');
    expect(stdout).not.toContain('+++');
  });

  it("reads a post of a cached folder from the cache's lookup, without reading the whole cache", { timeout: 60_000 }, () => {
    const cache = tempPosts({});
    const env = { XDG_CACHE_HOME: cache };
    expect(runCli(['--posts', HUGO, 'list'], env).code).toBe(0);
    const slugs = HUGO_INDEX.posts.map((p) => p.slug);
    const fromWholeCache = slugs.map((slug) => runCli(['--posts', HUGO, '--verbose', 'read', slug, '--color=always'], env).stdout);
    // The whole cache made unreadable (its last byte), its length kept: only the lookup can find the posts.
    const dir = join(cache, 'blog-tui');
    const file = join(dir, readdirSync(dir).find((name) => /^index-[0-9a-f]+\.json$/.test(name))!);
    const broken = readFileSync(file, 'utf8').replace(/\}$/, ' ');
    writeFileSync(file, broken);
    const fromLookup = slugs.map((slug) => runCli(['--posts', HUGO, 'read', slug, '--color=always'], env));
    expect(fromLookup.map((r) => [r.code, r.stderr])).toEqual(slugs.map(() => [0, '']));
    expect(fromLookup.map((r) => r.stdout)).toEqual(fromWholeCache);
    expect(readFileSync(file, 'utf8')).toBe(broken);
  });

  it("reads a post named by its whole slug or URL path from the cache's slug file alone, the same text as from the whole cache", { timeout: 60_000 }, () => {
    const cache = tempPosts({});
    const env = { XDG_CACHE_HOME: cache };
    const folder = tempPosts({ 'first-post.md': '---\ntitle: First\ndate: 2024-01-02\n---\n\nThe **first** post.\n', 'second-post.md': '---\ntitle: Second\ndate: 2024-01-03\n---\n\nThe second post.\n' });
    expect(runCli(['--posts', folder, 'list'], env).code).toBe(0);
    const queries = ['first-post', 'SECOND-POST', '/first-post/'];
    const fromWholeCache = queries.map((query) => runCli(['--posts', folder, '--verbose', 'read', query], env).stdout);
    expect(fromWholeCache[0]).toContain('The first post.');
    // The whole cache made unreadable (its last byte, its length kept) and the whole lookup removed.
    const dir = join(cache, 'blog-tui');
    const file = join(dir, readdirSync(dir).find((name) => /^index-[0-9a-f]+\.json$/.test(name))!);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\}$/, ' '));
    rmSync(file.replace(/\.json$/, '.lookup.json'));
    const fromSlugs = queries.map((query) => runCli(['--posts', folder, 'read', query], env));
    expect(fromSlugs.map((r) => [r.code, r.stderr, r.stdout])).toEqual(fromWholeCache.map((text) => [0, '', text]));
    // A prefix needs every post: with neither the lookup nor a readable cache the folder is indexed again.
    const prefix = runCli(['--posts', folder, 'read', 'first'], env);
    expect([prefix.code, prefix.stdout]).toEqual([0, fromWholeCache[0]]);
  });

  it('writes with index --out the same JSON format as posts/index.json', () => {
    const out = join(tempPosts({}), 'index.json');
    const { code, stderr } = run(['index', HUGO, '--out', out]);
    expect(code).toBe(0);
    expect(stderr).toBe(`blog-tui: wrote 6 posts to ${out}\n`);
    const written = readFileSync(out, 'utf8');
    expect(written).toBe(serializeIndex(HUGO_INDEX));
    expect(parseIndex(written).posts).toHaveLength(6);
    expect(run(['--posts', HUGO, 'index']).stdout).toBe(written);
    const nowhere = run(['index', HUGO, '--out', '/no/such/folder/index.json']);
    expect([nowhere.code, nowhere.stderr]).toEqual([1, 'blog-tui: cannot write /no/such/folder/index.json (ENOENT)\n']);
  });

  it('builds the bundled index with the same code: index with no folder prints posts/index.json', () => {
    const committed = readFileSync(new URL('../../posts/index.json', import.meta.url), 'utf8');
    expect(run(['index']).stdout).toBe(committed);
  });

  it('exits 1 with one clear line when the folder is missing or not a folder', () => {
    const file = join(HUGO, 'hugo.toml');
    for (const [args, message] of [
      [['--posts', '/no/such/folder', 'list'], 'blog-tui: no such folder: /no/such/folder\n'],
      [['--posts', file, 'read', 'x'], `blog-tui: ${file} is not a folder\n`],
      [['index', '/no/such/folder'], 'blog-tui: no such folder: /no/such/folder\n'],
    ] as const) {
      const { code, stdout, stderr } = run([...args]);
      expect(code, args.join(' ')).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).toBe(message);
    }
  });

  it('reports files it could not use in one line, and each with --verbose, never a stack trace', () => {
    const quiet = run(['--posts', BROKEN, 'list', '--json']);
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe('blog-tui: 6 files could not be used (--verbose lists them)\n');
    const verbose = run(['--posts', BROKEN, 'list', '--json', '--verbose']);
    const lines = verbose.stderr.trimEnd().split('\n');
    expect(lines).toContain('blog-tui: latin1.md: not valid UTF-8');
    expect(lines.filter((l) => /^blog-tui: [\w/-]+\.md: /.test(l))).toHaveLength(6);
    expect(verbose.stderr).not.toMatch(/^\s+at /m);
  });

  it('shows hostile file names with their control characters made visible', () => {
    const dir = tempPosts({ 'ok.md': '# OK\n' });
    writeFileSync(join(dir, 'x\u001b]0;pwned\u0007.md'), Buffer.from([0, 1, 2]));
    const { stderr } = run(['--posts', dir, 'list', '--verbose']);
    expect(stderr).not.toMatch(/[\u0007\u001b]/);
    expect(stderr).toContain('blog-tui: x^[]0;pwned^G.md: binary file\n');
  });

  it('reads a post by its URL path, and shows with --future what the site hides for its date', () => {
    const site = join(FIXTURES, 'jekyll-liquid');
    const byUrl = run(['--posts', site, 'read', '/tech/2020/03/03/in-a-folder/']);
    expect([byUrl.code, byUrl.stderr]).toEqual([0, '']);
    expect(byUrl.stdout).toMatch(/^In a category folder\n/);
    const titles = (args: string[]) => JSON.parse(run(['--posts', site, ...args, 'list', '--json']).stdout).map((p: { title: string }) => p.title);
    expect(titles([])).not.toContain('From the future');
    expect(titles(['--future'])).toContain('From the future');
  });
});
