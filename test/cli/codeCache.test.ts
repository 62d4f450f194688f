import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { codeCacheFile } from '../../src/cli/codeCache.js';
import { LONG_POST_CHARS } from '../../src/cli/optimizingCompiler.js';
import { runCli } from '../support/runCli.js';

// Each start is a process of its own (V8 keeps what it compiled in memory, so a second load in
// this process would not read the cache): a child bundled from codeCache.ts loads the bundle
// named on its command line, saves the cache and prints what the bundle answered.
let child: string;
beforeAll(() => {
  child = join(mkdtempSync(join(tmpdir(), 'blog-tui-code-child-')), 'child.mjs');
  const codeCache = fileURLToPath(new URL('../../src/cli/codeCache.ts', import.meta.url));
  buildSync({
    stdin: {
      contents: `import { loadBundle } from ${JSON.stringify(codeCache)};
const loaded = loadBundle(process.argv[2], 'plain');
loaded.saveCache();
console.log(JSON.stringify({ answer: loaded.exports.answer(), where: loaded.exports.where }));`,
      loader: 'ts',
      resolveDir: fileURLToPath(new URL('.', import.meta.url)),
    },
    outfile: child,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
  });
});

function start(file: string, env: NodeJS.ProcessEnv): { answer: number; where: string } {
  const run = spawnSync(process.execPath, [child, file], { encoding: 'utf8', env: { ...process.env, ...env } });
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as { answer: number; where: string };
}

const files = (dir: string) => (existsSync(dir) ? readdirSync(dir).sort() : []);

function bundleDir(): { dir: string; env: NodeJS.ProcessEnv; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'blog-tui-code-'));
  mkdirSync(join(dir, 'lib'));
  writeFileSync(join(dir, 'lib', 'twice.cjs'), 'module.exports = (n) => n * 2;\n');
  const file = join(dir, 'bundle.cjs');
  writeFileSync(file, "const twice = require('./lib/twice.cjs');\nconst { join } = require('node:path');\nexports.answer = () => twice(21);\nexports.where = join(__dirname, 'x');\n");
  return { dir, env: { XDG_CACHE_HOME: join(dir, 'cache') }, file };
}

describe('a CommonJS bundle run from V8\'s code cache', () => {
  it('runs as require() would, its ./lib files included, and keeps the compiled code for the next start', () => {
    const { dir, env, file } = bundleDir();
    expect(start(file, env)).toEqual({ answer: 42, where: join(dir, 'x') });
    const cache = codeCacheFile(file, 'plain', env)!;
    const made = statSync(cache).mtimeMs;
    expect(files(join(dir, 'cache', 'blog-tui', 'code'))).toEqual([expect.stringMatching(/^bundle\.cjs-plain--/), expect.stringMatching(/^twice\.cjs-plain--/)]);
    // The next start compiles from those bytes, and has nothing to write.
    expect(start(file, env).answer).toBe(42);
    expect(statSync(cache).mtimeMs).toBe(made);
  });

  it('compiles afresh from bytes V8 refuses, and writes them again', () => {
    const { env, file } = bundleDir();
    start(file, env);
    const cache = codeCacheFile(file, 'plain', env)!;
    writeFileSync(cache, 'not code at all');
    expect(start(file, env).answer).toBe(42);
    expect(readFileSync(cache, 'utf8')).not.toBe('not code at all');
  });

  it('neither reads nor writes a cache folder other users can write to', () => {
    const { dir, env, file } = bundleDir();
    const code = join(dir, 'cache', 'blog-tui', 'code');
    mkdirSync(code, { recursive: true });
    chmodSync(code, 0o777);
    expect(codeCacheFile(file, 'plain', env)).toBeUndefined();
    expect(start(file, env).answer).toBe(42);
    expect(files(code)).toEqual([]);
  });

  it('gives a piped read the same text as the command-line parser gives, from the cache and without it', () => {
    const cache = mkdtempSync(join(tmpdir(), 'blog-tui-code-cli-'));
    const env = { XDG_CACHE_HOME: cache, FORCE_COLOR: '1' };
    // --verbose is not a quick read's option: that read goes through the parser.
    const parsed = runCli(['read', 'cors', '--width', '70', '--verbose'], env);
    const first = runCli(['read', 'cors', '--width', '70'], env);
    const second = runCli(['read', 'cors', '--width', '70'], env);
    expect(parsed.code).toBe(0);
    expect(parsed.stdout).toContain('\u001b[');
    for (const run of [first, second]) expect(run).toEqual(parsed);
    expect(files(join(cache, 'blog-tui', 'code')).filter((name) => name.startsWith('quick-read.cjs-colour--'))).toHaveLength(1);
  });

  it("keeps one cache for the reads of a folder, long posts' (the optimizing compiler back on) and short ones'", () => {
    const cache = mkdtempSync(join(tmpdir(), 'blog-tui-code-cli-'));
    const posts = mkdtempSync(join(tmpdir(), 'blog-tui-code-posts-'));
    const paragraph = 'A paragraph of a long post, with *emphasis*, `code` and a [link](https://example.com/) in it.\n\n';
    writeFileSync(join(posts, 'long.md'), `---\ntitle: Long\ndate: 2024-01-02\n---\n${paragraph.repeat(Math.ceil(LONG_POST_CHARS / paragraph.length) + 1)}`);
    writeFileSync(join(posts, 'short.md'), `---\ntitle: Short\ndate: 2024-01-01\n---\n${paragraph}`);
    const env = { XDG_CACHE_HOME: cache };
    const code = join(cache, 'blog-tui', 'code');
    const read = (slug: string) => {
      const run = runCli(['read', slug, '--posts', posts], env);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('A paragraph of a long post');
      return files(code).filter((name) => name.startsWith('quick-read.cjs-plain-folder--')).map((name) => statSync(join(code, name)).mtimeMs);
    };
    const made = read('long');
    expect(made).toHaveLength(1);
    // Made under the flags the next reads start with, so that they take it and write nothing.
    expect(read('short')).toEqual(made);
    expect(read('long')).toEqual(made);
  });

  it('gives a piped list the same text as the command-line parser gives, from the cache and without it', () => {
    const cache = mkdtempSync(join(tmpdir(), 'blog-tui-code-cli-'));
    const posts = mkdtempSync(join(tmpdir(), 'blog-tui-code-posts-'));
    writeFileSync(join(posts, 'first.md'), '---\ntitle: First post\ndate: 2024-01-01\n---\nSome *words* and `code` in [a link](https://example.com/).\n');
    writeFileSync(join(posts, 'second.md'), '---\ntitle: Second post\ndate: 2024-02-01\n---\nMore words.\n');
    const env = { XDG_CACHE_HOME: cache };
    const code = join(cache, 'blog-tui', 'code');
    for (const folder of [['--posts', posts], []]) {
      // --verbose is not a quick list's option: that list goes through the parser.
      const parsed = runCli([...folder, 'list', '--verbose'], env);
      const first = runCli([...folder, 'list'], env);
      const made = files(code).filter((name) => name.startsWith(`quick-read.cjs-list${folder.length ? '-folder' : ''}--`));
      const second = runCli([...folder, 'list'], env);
      expect(parsed.code).toBe(0);
      expect(parsed.stdout).toContain(folder.length ? 'Second post' : 'TITLE');
      // (--verbose reports the indexing on stderr.)
      for (const run of [first, second]) expect(run).toEqual({ ...parsed, stderr: '' });
      expect(made).toHaveLength(1);
      expect(files(code)).toContain(made[0]);
    }
    // Each kind keeps its own cache (the folder's list runs with the optimizing compiler, the
    // bundled posts' without): writing one leaves the other.
    expect(files(code).filter((name) => name.startsWith('quick-read.cjs-list'))).toEqual([expect.stringMatching(/^quick-read\.cjs-list--/), expect.stringMatching(/^quick-read\.cjs-list-folder--/)]);
  });

  it('writes no cache for a read that failed', () => {
    const cache = mkdtempSync(join(tmpdir(), 'blog-tui-code-cli-'));
    const run = runCli(['read', 'no-such-post-anywhere'], { XDG_CACHE_HOME: cache });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^blog-tui: no post matches "no-such-post-anywhere"/);
    expect(files(join(cache, 'blog-tui', 'code'))).toEqual([]);
  });

  it('writes no cache for a list that failed', () => {
    const cache = mkdtempSync(join(tmpdir(), 'blog-tui-code-cli-'));
    const run = runCli(['--posts', join(cache, 'no-such-folder'), 'list'], { XDG_CACHE_HOME: cache });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^blog-tui: no such folder: /);
    expect(files(join(cache, 'blog-tui', 'code'))).toEqual([]);
  });
});
