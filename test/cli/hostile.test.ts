// The built command on the hostile fixture folder: what reaches stdout and stderr, the exit
// statuses, a closed pipe, and a stale or corrupt posts index in a copy of the package layout.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import stringWidth from 'string-width';
import stripAnsi from 'strip-ansi';
import { afterAll, describe, expect, it } from 'vitest';
import { buildIndex, parseIndex } from '../../src/content/postIndex.js';
import { BIN, cleanEnv } from '../support/runCli.js';
import {
  BROKEN_CONTROL_NAME,
  HOSTILE,
  HOSTILE_SKIPPED,
  HOSTILE_SLUGS,
  OUTSIDE_SECRET,
  RAW_BIDI,
  READS_ANYTHING,
  bigBody,
  foreignControls,
  hostileCopy,
  tempDir,
} from '../support/hostile.js';

const POSTS = buildIndex(HOSTILE).index.posts;
const SUMMARY = `blog-tui: ${HOSTILE_SKIPPED.length} files could not be used (--verbose lists them)\n`;
const STACK = /^\s+at |\.(ts|js):\d+/m;

interface RunOptions {
  env?: Record<string, string>;
  bin?: string;
  uid?: number;
}

// One index cache for the whole file: the folders are read once, not at every start.
const SHARED_CACHE = mkdtempSync(join(tmpdir(), 'blog-tui-cache-'));
afterAll(() => rmSync(SHARED_CACHE, { recursive: true, force: true }));

/** Runs the built command with pipes, and a cache of its own when it runs as another user. */
/**
 * A copy of the built command that any user can run. The clone itself may sit in a folder only
 * its owner can enter (a private home, `mktemp -d`), where another user cannot reach dist/.
 */
function reachableBin(): string {
  const dir = tempDir('blog-tui-dist-');
  cpSync(dirname(BIN), dir, { recursive: true });
  chmodSync(dir, 0o755);
  return join(dir, basename(BIN));
}

function run(args: string[], { env = {}, bin = BIN, uid }: RunOptions = {}) {
  const cache = uid === undefined ? SHARED_CACHE : tempDir('blog-tui-cache-');
  if (uid !== undefined) chmodSync(cache, 0o777);
  const command = uid === undefined ? bin : reachableBin();
  const result = spawnSync(process.execPath, [command, ...args], {
    encoding: 'utf8',
    env: cleanEnv({ XDG_CACHE_HOME: cache, BLOG_TUI_STATE_DIR: cache, ...env }),
    stdio: ['pipe', 'pipe', 'pipe'],
    timeout: 60_000,
    maxBuffer: 256 * 1024 * 1024,
    ...(uid !== undefined ? { uid, gid: uid, cwd: dirname(command) } : {}),
  });
  return { code: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

/** Nothing in the output but text and blog-tui's own styling; no stack trace. */
function expectClean(output: string, what: string): void {
  expect(foreignControls(output), what).toEqual([]);
  expect(output, what).not.toMatch(STACK);
}

describe('blog-tui --posts test/fixtures/hostile', () => {
  it('lists every usable post, with control characters and bidi controls made visible', () => {
    for (const env of [{}, { FORCE_COLOR: '1' }] as Array<Record<string, string>>) {
      const { code, stdout, stderr } = run(['--posts', HOSTILE, 'list'], { env });
      expect(code).toBe(0);
      expect(stderr).toBe(SUMMARY);
      expectClean(stdout, 'list');
      expect(stdout).not.toMatch(RAW_BIDI);
      const lines = stdout.trimEnd().split('\n');
      expect(lines).toHaveLength(1 + HOSTILE_SLUGS.length);
      expect(stdout).toContain('Evil ^[]52;c;cHduZWQ=^G title ^[[31mred^[[0m <U+009B>2J <U+0085> <U+202E>elbat<U+202C>');
      expect(stdout).toContain('json-^[[2J-slug');
    }
  });

  it('names each file that could not be used with --verbose, on a line of its own', () => {
    const { code, stderr } = run(['--posts', HOSTILE, 'list', '--verbose']);
    expect(code).toBe(0);
    expectClean(stderr, 'stderr');
    for (const file of HOSTILE_SKIPPED) expect(stderr).toMatch(new RegExp(`^blog-tui: ${file.replace('.', '\\.')}: \\S`, 'm'));
  });

  it('prints list --json that parses back to the same strings, with C1, DEL and bidi controls escaped', () => {
    const { code, stdout, stderr } = run(['--posts', HOSTILE, 'list', '--json']);
    expect(code).toBe(0);
    expect(stderr).toBe(SUMMARY);
    expect(JSON.parse(stdout)).toEqual(POSTS);
    expect(stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(stdout).not.toMatch(RAW_BIDI);
    expect(stdout).toContain('\\u001b]52;c;cHduZWQ=\\u0007');
    expect(stdout).toContain('\\u009b2J');
    expect(stdout).toContain('\\u202e');
  });

  it('writes an index with the same escapes, which reads back to the same index', () => {
    const { code, stdout } = run(['index', HOSTILE]);
    expect(code).toBe(0);
    expect(stdout).not.toMatch(/[\u007f-\u009f]/);
    expect(stdout).not.toMatch(RAW_BIDI);
    expect(parseIndex(stdout).posts).toEqual(POSTS);
  });

  for (const slug of HOSTILE_SLUGS) {
    it(`reads ${JSON.stringify(slug)} piped and with FORCE_COLOR=1: exit 0, within 80 columns, no control character from the file`, { timeout: 30_000 }, () => {
      for (const env of [{}, { FORCE_COLOR: '1' }] as Array<Record<string, string>>) {
        const { code, stdout, stderr } = run(['--posts', HOSTILE, 'read', slug], { env });
        expect(code, stderr).toBe(0);
        expect(stderr).toBe(SUMMARY);
        expectClean(stdout, `read ${slug}`);
        for (const line of stdout.split('\n')) {
          if (stringWidth(stripAnsi(line)) > 80) expect.fail(`wider than 80 columns: ${JSON.stringify(line)}`);
        }
        // The header (title and figures) is one-line text: bidi controls are shown, not obeyed.
        const header = stdout.slice(0, stdout.indexOf('─'));
        expect(header).not.toMatch(RAW_BIDI);
      }
    });
  }

  it('echoes a hostile slug, and the hostile slugs it matches, with their controls made visible', () => {
    for (const query of ['nothing\u001b]52;c;eA==\u0007\u202e', 's', 'j']) {
      const { code, stdout, stderr } = run(['--posts', HOSTILE, 'read', query]);
      const error = stderr.slice(SUMMARY.length);
      if (query === 'j') {
        expect(code).toBe(0);
        expect(stdout).toMatch(/^JSON \^\[\[31mred/);
        continue;
      }
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expect(error.trimEnd().split('\n')).toHaveLength(1);
      expectClean(stderr, `read ${JSON.stringify(query)}`);
      expect(stderr).not.toMatch(RAW_BIDI);
    }
    // "s" is in several slugs: the error names them, the hostile one made visible.
    expect(run(['--posts', HOSTILE, 'read', 's']).stderr).toContain('json-^[[2J-slug');
  });
});

describe('a copy of the hostile folder with links, loops, odd names, an unreadable file and a 5 MB post', () => {
  it('lists the usable posts, never reads outside the folder, and reports what it left out', { timeout: 60_000 }, () => {
    const dir = hostileCopy({ big: true });
    const list = run(['--posts', dir, 'list', '--verbose']);
    expect(list.code).toBe(0);
    expectClean(list.stdout + list.stderr, 'list --verbose');
    expect(list.stdout + list.stderr).not.toContain(OUTSIDE_SECRET);
    expect(list.stdout).toContain('name-^[[31m-^G-<U+009B>-<U+202E>-evil');
    expect(list.stdout).toContain('line break');
    expect(list.stdout).toContain('A 5 MB post');
    expect(list.stderr).toContain(`blog-tui: ${BROKEN_CONTROL_NAME.replace('\u001b', '^[').replace('\u0007', '^G').replace('\u009b', '<U+009B>')}: YAML front matter`);
    expect(list.stderr).toMatch(/^blog-tui: loop-a\.md: broken symbolic link \(ELOOP\)$/m);
    expect(list.stderr).toMatch(/^blog-tui: outside-file\.md: symbolic link to outside the folder, left out$/m);
    const json = run(['--posts', dir, 'list', '--json']);
    expect(JSON.parse(json.stdout).map((p: { slug: string }) => p.slug)).toEqual(expect.arrayContaining([...HOSTILE_SLUGS, 'big', 'line\nbreak']));
    const read = run(['--posts', dir, 'read', 'evil']);
    expect(read.code).toBe(0);
    expectClean(read.stdout + read.stderr, 'read evil');
    expect(read.stdout).toMatch(/^Heading of a file with control characters in its name\n/);
  });

  it('reads a 5 MB post to the end', { timeout: 60_000 }, () => {
    const dir = hostileCopy({ big: true });
    const { code, stdout } = run(['--posts', dir, 'read', 'big']);
    expect(code).toBe(0);
    expect(stdout.split('\n').length).toBeGreaterThan(100_000);
    const last = bigBody(5 * 1024 * 1024).match(/## Section /g)!.length - 1;
    expect(stdout).toContain(`A quote in section ${last}.`);
  });

  it('leaves out a file it may not read, with the reason', () => {
    const dir = hostileCopy();
    // As root every file is readable: run as nobody, in folders nobody can read.
    const uid = READS_ANYTHING ? 65534 : undefined;
    if (uid !== undefined) {
      chmodSync(join(dir, '..'), 0o755);
      chmodSync(join(dir, '..', 'outside'), 0o755);
    }
    const { code, stdout, stderr } = run(['--posts', dir, 'list', '--verbose'], { uid });
    expect(code, stderr).toBe(0);
    expect(stderr).toMatch(/^blog-tui: unreadable\.md: cannot read \(EACCES\)$/m);
    expect(stdout).not.toContain('Unreadable');
  });
});

/** A folder of `count` small posts. */
function manyPosts(count: number): string {
  const dir = tempDir();
  for (let i = 0; i < count; i++) {
    writeFileSync(join(dir, `post-${i}.md`), `---\ntitle: Post number ${i}, with a title long enough to fill a line of the list\ndate: 2024-01-01\n---\n\nText ${i}.\n`);
  }
  return dir;
}

describe('a closed pipe ends quietly with status 0', () => {
  function piped(command: string): { stdout: string; stderr: string } {
    const script = `${command} | head -3 >/dev/null; echo "status=\${PIPESTATUS[0]}"`;
    const result = spawnSync('bash', ['-c', script], { encoding: 'utf8', env: cleanEnv({ XDG_CACHE_HOME: SHARED_CACHE }), timeout: 60_000 });
    return { stdout: result.stdout, stderr: result.stderr };
  }

  it('`read <slug> | head -3` on a 5 MB post, plain and coloured', { timeout: 60_000 }, () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'big.md'), `---\ntitle: Big\n---\n\n${bigBody(5 * 1024 * 1024)}`);
    for (const color of ['', 'FORCE_COLOR=1 ']) {
      const { stdout, stderr } = piped(`${color}"${process.execPath}" "${BIN}" --posts "${dir}" read big`);
      expect(stdout).toBe('status=0\n');
      expect(stderr).toBe('');
    }
  });

  it('`list | head -3` and `list --json | head -3` with 3,000 posts', { timeout: 60_000 }, () => {
    const dir = manyPosts(3000);
    for (const args of ['list', 'list --json']) {
      const { stdout, stderr } = piped(`"${process.execPath}" "${BIN}" --posts "${dir}" ${args}`);
      expect(stdout, args).toBe('status=0\n');
      expect(stderr, args).toBe('');
    }
  });
});

describe('a stale or corrupt posts/index.json next to the built command', () => {
  /** A copy of the package layout: dist/ with posts/ beside it, holding `index` and `files`. */
  function packageCopy(index: string, files: Record<string, string> = {}): string {
    const root = tempDir();
    cpSync(join(BIN, '..'), join(root, 'dist'), { recursive: true });
    mkdirSync(join(root, 'posts'));
    writeFileSync(join(root, 'posts', 'index.json'), index);
    for (const [name, text] of Object.entries(files)) writeFileSync(join(root, 'posts', name), text);
    return join(root, 'dist', 'blog-tui.js');
  }
  const entry = (slug: string, file: string, title = slug) => ({ slug, url: `/${slug}/`, title, tags: [], summary: '', words: 1, readingMinutes: 1, file });

  it('stops with one line and status 1 on a corrupt index, whatever the command', () => {
    for (const index of ['{"version": 2, "posts": [', '{"version": 99, "posts": []}', '{"version": 2, "posts": [{"slug": 3}]}']) {
      const bin = packageCopy(index);
      for (const args of [['list'], ['list', '--json'], ['read', 'x'], []]) {
        const { code, stdout, stderr } = run(args, { bin });
        expect(code, `${index} ${args.join(' ')}`).toBe(1);
        expect(stdout).toBe('');
        expect(stderr).toMatch(/^blog-tui: the post index (is not valid JSON|is not a version 2 blog-tui index|has a malformed entry \(number 1\))\n$/);
      }
    }
  });

  it('reads what a stale index still finds, and says in one line (status 1) why a post cannot be read', () => {
    const posts = [
      entry('here', 'here.md', 'Still \u001b]0;pwned\u0007 here \u202eereh'),
      entry('gone', 'gone.md'),
      entry('escape', '../../../etc/passwd'),
      entry('evil', 'evil\u001b[2J.md'),
    ];
    const bin = packageCopy(JSON.stringify({ version: 2, posts }), { 'here.md': '---\ntitle: Here\n---\n\nStill here.\n' });
    const list = run(['list'], { bin });
    expect(list.code).toBe(0);
    expectClean(list.stdout, 'list');
    expect(list.stdout).toContain('Still ^[]0;pwned^G here <U+202E>ereh');
    expect(run(['read', 'here'], { bin }).stdout).toContain('Still here.');
    const cases: Array<[string, string]> = [
      ['gone', 'blog-tui: cannot read post "gone" (gone.md): ENOENT\n'],
      ['escape', 'blog-tui: cannot read post "escape" (../../../etc/passwd): post "escape" points outside the posts folder\n'],
      ['evil', 'blog-tui: cannot read post "evil" (evil^[[2J.md): ENOENT\n'],
    ];
    for (const [slug, message] of cases) {
      const { code, stdout, stderr } = run(['read', slug], { bin });
      expect(code, slug).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).toBe(message);
    }
  });
});

describe('kill -9 at any moment of a first start', () => {
  it('never leaves a torn index cache: the next start uses it or rebuilds it, and lists every post', { timeout: 60_000 }, async () => {
    const dir = manyPosts(1500);
    const cache = tempDir('blog-tui-cache-');
    const cacheDir = join(cache, 'blog-tui');
    for (const delay of [100, 300, 500, 700, 900, 1100]) {
      rmSync(cacheDir, { recursive: true, force: true });
      const child = spawn(process.execPath, [BIN, '--posts', dir, 'list'], { env: cleanEnv({ XDG_CACHE_HOME: cache }), stdio: 'ignore' });
      const exited = new Promise<string | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
      setTimeout(() => child.kill('SIGKILL'), delay);
      await exited;
      if (existsSync(cacheDir)) {
        for (const file of readdirSync(cacheDir).filter((f) => /^index-[0-9a-f]+\.json$/.test(f))) {
          expect(() => JSON.parse(readFileSync(join(cacheDir, file), 'utf8')), `${file} after a kill at ${delay} ms`).not.toThrow();
        }
      }
      const next = run(['--posts', dir, 'list'], { env: { XDG_CACHE_HOME: cache } });
      expect(next.code).toBe(0);
      expect(next.stderr).toBe('');
      expect(next.stdout.trimEnd().split('\n')).toHaveLength(1501);
    }
  });
});
