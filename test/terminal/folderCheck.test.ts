// The full-screen app on a --posts folder starts on the cached index and checks the folder
// after its first frame: the built command, with its folder-check worker, on a pseudo-terminal.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { blogTui, frames, runInPty } from '../support/ptyRun.js';
import { runCli } from '../support/runCli.js';

const dirs: string[] = [];
afterEach(() => {
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});
const post = (title: string, date: string) => `---\ntitle: ${title}\ndate: ${date}\n---\n\nThe text of ${title}.\n`;

describe('a cached folder in the full-screen app', () => {
  it('shows the cached list at once, then the posts added since, in place', { timeout: 30_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'blog-tui-check-'));
    dirs.push(dir);
    const posts = join(dir, 'posts');
    const env = { XDG_CACHE_HOME: join(dir, 'cache'), BLOG_TUI_STATE_DIR: join(dir, 'state') };
    mkdirSync(posts);
    writeFileSync(join(posts, 'old.md'), post('An older post', '2024-01-01'));
    writeFileSync(join(posts, 'mid.md'), post('A middle post', '2024-06-01'));
    expect(runCli(['--posts', posts, 'list'], env).code).toBe(0);
    writeFileSync(join(posts, 'new.md'), post('A post added since', '2025-01-01'));
    const result = await runInPty({
      argv: blogTui('--posts', posts),
      env,
      steps: [{ wait: '2 posts' }, { wait: '3 posts' }, { wait: 'A post added since' }, { send: 'q' }],
    });
    expect(result.exitCode, result.error ?? '').toBe(0);
    // The cached list came first, with the newest cached post selected: it stays selected.
    expect(result.output.indexOf('2 posts')).toBeLessThan(result.output.indexOf('3 posts'));
    const last = frames(result.output).filter((f) => f.lines.some((l) => l.includes('3 posts'))).pop()!;
    expect(last.lines.find((l) => l.includes('▌'))).toContain('A middle post');
    // The check wrote the cache: the next list knows the new post without reading it again.
    const listed = runCli(['--posts', posts, 'list', '--verbose'], env);
    expect(listed.stdout).toContain('A post added since');
    expect(listed.stderr).toContain('0 read');
  });
});
