import { execFileSync } from 'node:child_process';
import { lstatSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/runCli.js';
import { tempPosts } from '../support/tempPosts.js';
import { blogTui, runInPty } from '../support/ptyRun.js';

describe('the command line with hostile input', () => {
  it('shows a rejected option with its control characters made visible', () => {
    const { code, stderr } = runCli(['read', '--\u001b]0;PWN\u0007']);
    expect(code).toBe(2);
    expect(stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    expect(stderr).toContain('^[]0;PWN^G');
    expect(stderr.split('\n')).toHaveLength(2);
  });

  it('writes `index --out` through a symbolic link, which stays a link', { timeout: 30_000 }, () => {
    const dir = tempPosts({ 'posts/a.md': '---\ntitle: A\n---\n\nText.\n', 'dotfiles/keep': '' });
    symlinkSync(join(dir, 'dotfiles', 'index.json'), join(dir, 'index.json'));
    const { code } = runCli(['index', join(dir, 'posts'), '--out', join(dir, 'index.json')]);
    expect(code).toBe(0);
    expect(lstatSync(join(dir, 'index.json')).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'dotfiles', 'index.json'), 'utf8')).posts[0].title).toBe('A');
  });

  it('refuses `index --out` onto a FIFO, a device or a folder with one line, leaving it as it was', { timeout: 30_000 }, () => {
    const dir = tempPosts({ 'posts/a.md': '---\ntitle: A\n---\n\nText.\n' });
    execFileSync('mkfifo', [join(dir, 'fifo')]);
    for (const [out, kind] of [[join(dir, 'fifo'), 'a FIFO'], ['/dev/null', 'a device'], [dir, 'a folder']] as const) {
      const { code, stderr } = runCli(['index', join(dir, 'posts'), '--out', out]);
      expect(code, out).toBe(1);
      expect(stderr, out).toContain(`${kind}, not a regular file`);
    }
    expect(statSync(join(dir, 'fifo')).isFIFO()).toBe(true);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('ignores SIGUSR1: no inspector starts, and the app goes on', { timeout: 60_000 }, async () => {
    const result = await runInPty({
      argv: blogTui(),
      env: { BLOG_TUI_STATE_DIR: tempPosts({}) },
      timeout: 30,
      steps: [{ wait: '5 posts' }, { waitTermios: { icanon: false } }, { signal: 'SIGUSR1' }, { send: 'j' }, { wait: '2/5', timeout: 15 }, { send: 'q' }],
    });
    expect(result.error).toBeNull();
    expect(result.exitCode).toBe(0);
    expect(result.output).not.toContain('Debugger listening');
  });
});
