// The app on posts that used to hold up its only thread: a post replaced by a FIFO or grown to
// 300 MB after start, and posts whose layout takes longer than its budget. Keys still work, and
// Ctrl-C gives the terminal back at once.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, blogTui, runInPty, type PtyResult } from '../support/ptyRun.js';
import { INDEX_VERSION } from '../../src/content/postIndexFile.js';
import { tempDir } from '../support/hostile.js';

const ESC = '\u001b';
const LIST = 'posts · newest first';

function tail(result: PtyResult, chars = 800): string {
  return JSON.stringify(result.output.slice(-chars));
}

/** Ended by Ctrl-C (status 130) within a second of it, with the terminal as it was. */
function expectRestoredAfterCtrlC(result: PtyResult): void {
  expect(result.timedOut, `timed out: ${result.error}; ${tail(result)}`).toBe(false);
  expect(result.error, tail(result)).toBeNull();
  expect(result.exitCode, tail(result)).toBe(130);
  expect(result.termios, tail(result)).toMatchObject({ icanon: true, echo: true, isig: true });
  expect(result.output.lastIndexOf(`${ESC}[?1049l`), tail(result)).toBeGreaterThan(result.output.lastIndexOf(`${ESC}[?1049h`));
  expect(result.elapsed - result.marks.ctrlC!, 'seconds from Ctrl-C to exit').toBeLessThan(1);
}

/** Three posts in a folder with a private cache and state: `first` (newest), `second`, `third`. */
function folder(): { dir: string; env: Record<string, string> } {
  const root = tempDir('blog-tui-stuck-');
  const dir = join(root, 'posts');
  for (const path of [dir, join(root, 'cache'), join(root, 'state')]) mkdirSync(path, { recursive: true, mode: 0o700 });
  const post = (title: string, date: string, body: string) => `---\ntitle: ${title}\ndate: ${date}\n---\n\n${body}\n`;
  writeFileSync(join(dir, 'first.md'), post('First post', '2024-03-01', 'The first post.'));
  writeFileSync(join(dir, 'second.md'), post('Second post', '2024-02-01', 'The second post.'));
  writeFileSync(join(dir, 'third.md'), post('Third post', '2024-01-01', 'The third post.'));
  return { dir, env: { XDG_CACHE_HOME: join(root, 'cache'), BLOG_TUI_STATE_DIR: join(root, 'state') } };
}

/**
 * A copy of the built app whose bundled index names three posts, the second of which `replace`
 * turns into something else after the index was written: the app reads only the index at start,
 * and the post's file when it is opened.
 */
function packageWithReplacedPost(replace: (path: string) => void): { argv: string[]; env: Record<string, string> } {
  const root = tempDir('blog-tui-stuck-');
  cpSync(join(BIN, '..'), join(root, 'dist'), { recursive: true });
  mkdirSync(join(root, 'posts'));
  mkdirSync(join(root, 'state'), { mode: 0o700 });
  const posts = ['first', 'second', 'third'].map((slug, i) => {
    writeFileSync(join(root, 'posts', `${slug}.md`), `---\ntitle: ${slug} post\n---\n\nThe ${slug} post.\n`);
    return { slug, url: `/${slug}/`, title: `${slug} post`, date: `2024-0${3 - i}-01`, tags: [], summary: '', words: 3, readingMinutes: 1, file: `${slug}.md` };
  });
  writeFileSync(join(root, 'posts', 'index.json'), JSON.stringify({ version: INDEX_VERSION, posts }));
  replace(join(root, 'posts', 'second.md'));
  return { argv: [process.execPath, join(root, 'dist', 'blog-tui.js')], env: { BLOG_TUI_STATE_DIR: join(root, 'state') } };
}

const toFifo = (path: string) => {
  unlinkSync(path);
  execFileSync('mkfifo', [path]);
};
const to300MB = (path: string) => truncateSync(path, 300 * 1024 * 1024);

describe('posts that change or take long after the app started', () => {
  it.each([
    ['replaced by a FIFO', toFifo, 'a FIFO, not a regular file'],
    ['grown to 300 MB', to300MB, 'larger than 10 MB'],
  ] as const)('shows one line for a post %s since the index was made, and keeps answering keys', { timeout: 60_000 }, async (_, replace, reason) => {
    const { argv, env } = packageWithReplacedPost(replace);
    const result = await runInPty({
      argv,
      env,
      timeout: 40,
      steps: [
        { wait: '3 posts' },
        { waitTermios: { icanon: false, echo: false } },
        { send: 'j' },
        { send: '\r' },
        { wait: reason, timeout: 20 },
        { send: 'q' },
        { wait: '3 posts', from: 'now', timeout: 20 },
        { send: 'j' },
        { send: '\r' },
        { wait: 'The third post.', timeout: 20 },
        { mark: 'ctrlC' },
        { send: '\u0003' },
      ],
    });
    expectRestoredAfterCtrlC(result);
  });

  it.each([
    ['replaced by a FIFO', toFifo, 'a FIFO, not a regular file'],
    ['grown to 300 MB', to300MB, 'larger than 10 MB'],
  ] as const)('`read` of a post %s says why in one line and exits 1', { timeout: 30_000 }, (_, replace, reason) => {
    const { argv, env } = packageWithReplacedPost(replace);
    const run = spawnSync(argv[0]!, [argv[1]!, 'read', 'second'], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 20_000 });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`blog-tui: cannot read post "second" (second.md): ${reason}\n`);
  });

  it('shows one line for a post over its layout budget, and Ctrl-C during a layout restores the terminal', { timeout: 90_000 }, async () => {
    const { dir, env } = folder();
    writeFileSync(join(dir, 'wide.md'), `---\ntitle: Wide\ndate: 2025-01-01\n---\n\n${'漢'.repeat(100_000)}\n`);
    const result = await runInPty({
      argv: blogTui('--posts', dir),
      env: { ...env, BLOG_TUI_RENDER_BUDGET: '0.001' },
      timeout: 60,
      steps: [
        { wait: LIST },
        { waitTermios: { icanon: false, echo: false } },
        { send: '\r' },
        { wait: 'took longer than', timeout: 30 },
        { send: 'q' },
        { wait: LIST, from: 'now', timeout: 20 },
        { send: 'j' },
        { send: '\r' },
        { mark: 'ctrlC' },
        { send: '\u0003' },
      ],
    });
    expectRestoredAfterCtrlC(result);
  });
});
