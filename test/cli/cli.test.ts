import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import { BIN, cleanEnv, runCli } from '../support/runCli.js';

// These run the built command, dist/blog-tui.js, as users run it (npm test builds it first).
const INDEX = JSON.parse(readFileSync(new URL('../../posts/index.json', import.meta.url), 'utf8')) as { posts: Array<{ slug: string; title: string; words: number }> };
const run = runCli;

describe('the blog-tui command', () => {
  it('is an executable file', () => {
    expect(statSync(BIN).mode & 0o111).not.toBe(0);
  });

  it('prints the index as JSON with list --json', () => {
    const { code, stdout, stderr } = run(['list', '--json']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const posts = JSON.parse(stdout);
    expect(posts).toEqual(INDEX.posts);
    for (const post of posts) {
      expect(Object.keys(post)).toEqual(expect.arrayContaining(['slug', 'title', 'date', 'tags', 'summary', 'words', 'readingMinutes', 'file']));
    }
  });

  it('prints the list as a table with date, reading time and words', () => {
    const { code, stdout } = run(['list']);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^DATE\s+TIME\s+WORDS\s+SLUG\s+TITLE$/);
    expect(lines).toHaveLength(INDEX.posts.length + 1);
    expect(lines[1]).toMatch(/^\w+ \d{1,2}, \d{4}\s+\d+ min\s+[\d,]+ words\s+\S+\s+\S/);
  });

  it('behaves like list when not started on a terminal, instead of failing on raw mode', () => {
    const { code, stdout, stderr } = run([]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toBe(run(['list']).stdout);
  });

  it('prints a post as plain text when piped, header first, within the width', () => {
    const slug = INDEX.posts[0]!.slug;
    const { code, stdout, stderr } = run(['read', slug, '--width', '60']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).not.toMatch(/\u001b/);
    const lines = stdout.split('\n');
    expect(stdout.startsWith(INDEX.posts[0]!.title.slice(0, 20))).toBe(true);
    expect(stdout).toMatch(/· \d+ min · [\d,]+ words/);
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(60);
  });

  it('numbers the links of a piped post and lists their URLs at the end, after the notes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'blog-tui-links-'));
    const file = join(dir, 'post.md');
    writeFileSync(file, '# T\n\nSee [the docs](https://example.org/docs), [again](https://example.org/docs), a note[^n], <https://x.org/bare> and [up](#t).\n\n[^n]: With [a link](https://example.org/n).\n');
    const { code, stdout } = run(['read', file]);
    expect(code).toBe(0);
    expect(stdout).toContain('See the docs[2], again[2], a note[1], https://x.org/bare and up.');
    expect(stdout).toContain('[1] With a link[3].');
    expect(stdout.trimEnd().split('\n').slice(-5)).toEqual(['Links', '─────', '', '[2] https://example.org/docs', '[3] https://example.org/n']);
  });

  it("gives a link to the post's own URL path with a fragment no number: it is a jump within the post", () => {
    const dir = mkdtempSync(join(tmpdir(), 'blog-tui-self-'));
    writeFileSync(join(dir, 'guide.md'), '---\ntitle: Guide\n---\n\n- [Setup](/guide/#setup)\n- [Elsewhere](/other/#setup)\n\n## Setup\n\nText.\n');
    const { code, stdout } = run(['--posts', dir, 'read', 'guide']);
    expect(code).toBe(0);
    expect(stdout).toContain('  • Setup\n  • Elsewhere[1]\n');
    expect(stdout.trimEnd().split('\n').slice(-1)).toEqual(['[1] /other/#setup']);
  });

  it('wraps at 80 columns by default when piped', () => {
    const { stdout } = run(['read', INDEX.posts[0]!.slug]);
    const widths = stdout.split('\n').map((l) => stringWidth(l));
    expect(Math.max(...widths)).toBeLessThanOrEqual(80);
    expect(Math.max(...widths)).toBeGreaterThan(70);
  });

  it('colours the piped post only when FORCE_COLOR is set, and never under NO_COLOR', () => {
    const slug = INDEX.posts[0]!.slug;
    expect(run(['read', slug], { FORCE_COLOR: '1' }).stdout).toMatch(/\u001b\[/);
    expect(run(['read', slug], { FORCE_COLOR: '1', NO_COLOR: '1' }).stdout).not.toMatch(/\u001b\[/);
  });

  it('finds a post by a unique part of its slug', () => {
    const slug = INDEX.posts.find((p) => p.slug.includes('cors'))!.slug;
    expect(run(['read', 'cors']).stdout).toBe(run(['read', slug]).stdout);
  });

  it('names the closest slugs when none matches, and exits 1', () => {
    const { code, stdout, stderr } = run(['read', 'no-such-post']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^blog-tui: no post matches "no-such-post"; closest: \S+/);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('lists the candidates of an ambiguous slug, and exits 1', () => {
    const { code, stderr } = run(['read', 'o']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^blog-tui: "o" matches \d+ posts: /);
  });

  it('reads only posts in the index: a path is just an unknown slug', () => {
    const { code, stderr } = run(['read', '../package.json']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/no post matches/);
  });

  it('echoes a hostile slug without its control characters', () => {
    const { code, stderr } = run(['read', 'x\u001b]0;pwned\u0007']);
    expect(code).toBe(1);
    expect(stderr).not.toMatch(/[\u0007\u001b]/);
    expect(stderr).toContain('x^[]0;pwned^G');
  });

  it('exits 2 with one line for usage errors', () => {
    for (const args of [['--bogus'], ['read'], ['read', 'cors', '--width', 'wide'], ['list', '--nope']]) {
      const { code, stderr, stdout } = run(args);
      expect(code, args.join(' ')).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.trimEnd().split('\n'), args.join(' ')).toHaveLength(1);
      expect(stderr).toMatch(/^blog-tui: .*\(see blog-tui --help\)$/m);
    }
  });

  it('shows help with examples, and the version', () => {
    const help = run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Examples:');
    expect(help.stdout).toMatch(/read \[options\] <post>/);
    const version = run(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version);
  });

  it('ends quietly, with status 0, when the reader of a pipe goes away', () => {
    for (const args of [`read ${INDEX.posts[2]!.slug}`, 'list']) {
      const script = `"${process.execPath}" "${BIN}" ${args} | head -1; echo "status=\${PIPESTATUS[0]}"`;
      const result = spawnSync('bash', ['-c', script], { encoding: 'utf8', env: cleanEnv() });
      expect(result.stdout.trimEnd().split('\n')).toHaveLength(2);
      expect(result.stdout).toMatch(/status=0\n$/);
      expect(result.stderr).toBe('');
    }
  });
});
