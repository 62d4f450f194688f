import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, cleanEnv } from '../support/runCli.js';
import { tempPosts } from '../support/tempPosts.js';

// What a piped `read` loads before its text is out: each module and stream is time on every
// read. A preload (run before the command) notes which of Node's modules the run loaded, which
// of the read's own libraries (dist/lib/) it read and whether anything asked for process.stderr,
// and writes that to a file when the process exits.
let preload: string;
let report: string;
beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'blog-tui-read-start-'));
  preload = join(dir, 'preload.cjs');
  report = join(dir, 'report.json');
  writeFileSync(
    preload,
    `const fs = require('node:fs');
const before = new Set(process.moduleLoadList);
let stderrMade = false;
const libs = [];
const readFileSync = fs.readFileSync;
fs.readFileSync = function (file, ...rest) {
  if (/[\\/]lib[\\/][^\\/]+\.cjs$/.test(String(file))) libs.push(String(file).replace(/^.*[\\/]/, ''));
  return readFileSync.call(this, file, ...rest);
};
const made = Object.getOwnPropertyDescriptor(process, 'stderr');
Object.defineProperty(process, 'stderr', { configurable: true, enumerable: made.enumerable, get() { stderrMade = true; Object.defineProperty(process, 'stderr', made); return made.get.call(process); } });
process.on('exit', () => {
  const loaded = process.moduleLoadList.filter((m) => !before.has(m) && m.startsWith('NativeModule ')).map((m) => m.slice('NativeModule '.length));
  fs.writeFileSync(process.env.READ_START_REPORT, JSON.stringify({ loaded, libs, stderrMade }));
});
`,
  );
});

interface Report {
  loaded: string[];
  libs: string[];
  stderrMade: boolean;
}

/** `blog-tui args` with stdout on a pipe (and the cache folder `cache`); what it loaded, and its output. */
function readWith(args: string[], cache = mkdtempSync(join(tmpdir(), 'blog-tui-read-start-cache-'))): Report & { stdout: string; code: number | null } {
  const run = spawnSync(process.execPath, ['--require', preload, BIN, ...args], {
    encoding: 'utf8',
    env: cleanEnv({ READ_START_REPORT: report, XDG_CACHE_HOME: cache }),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  return { ...(JSON.parse(readFileSync(report, 'utf8')) as Report), stdout: run.stdout, code: run.status };
}

describe('a piped read (built dist/)', () => {
  it('without colour loads neither the painters (chalk) nor node:tty, and makes no stderr stream', () => {
    const plain = readWith(['read', 'cors-zero-to-hero']);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('CORS');
    expect(plain.stdout).not.toContain('\u001b[');
    expect(plain.loaded).not.toContain('tty');
    expect(plain.stderrMade).toBe(false);
  });

  it('with colour loads the painters, which detect the terminal through node:tty', () => {
    const coloured = readWith(['read', 'cors-zero-to-hero', '--color=always']);
    expect(coloured.code).toBe(0);
    expect(coloured.stdout).toMatch(/\u001b\[\d/);
    expect(coloured.loaded).toContain('tty');
  });

  it('of a post of a folder whose cache is built loads none of its libraries (the entity decoder here), nor node:crypto or node:worker_threads', () => {
    const dir = tempPosts({
      'first.md': '---\ntitle: "Tom &amp; Jerry"\ndate: 2026-01-02\n---\n\nA post whose title has an entity.\n',
      'second.md': '---\ntitle: Second\ndate: 2026-01-03\n---\n\nAnother post.\n',
    });
    const cache = mkdtempSync(join(tmpdir(), 'blog-tui-read-start-cache-'));
    expect(readWith(['--posts', dir, 'list'], cache).code).toBe(0);
    const read = readWith(['--posts', dir, 'read', 'first'], cache);
    expect(read.code).toBe(0);
    expect(read.stdout).toMatch(/^Tom & Jerry\n/);
    expect(read.stdout).toContain('A post whose title has an entity.');
    expect(read.libs).toEqual([]);
    expect(read.loaded.filter((m) => /^(crypto|worker_threads)$/.test(m))).toEqual([]);
  });

  it('a failure still reaches stderr', () => {
    const run = spawnSync(process.execPath, [BIN, 'read', 'no-such-post'], { encoding: 'utf8', env: cleanEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^blog-tui: no post matches "no-such-post"/);
  });
});

describe('the CommonJS files a read or the app compiles at start (built dist/)', () => {
  it('are ASCII: one character past it would make V8 hold the whole source at two bytes a character', () => {
    for (const name of ['blog-tui.js', 'quick-read.cjs', 'quick-start.cjs']) {
      const text = readFileSync(join(dirname(BIN), name), 'utf8');
      const at = text.search(/[^\u0000-\u007f]/);
      expect(at === -1 ? '' : `${name}: ${JSON.stringify(text.slice(Math.max(0, at - 40), at + 10))}`).toBe('');
    }
  });
});
