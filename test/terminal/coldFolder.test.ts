// A folder seen for the first time in the full-screen app: the list comes from the files' front
// matter alone, its figures marked as not known yet, and fills in once the folder-check worker
// has read the posts. The built command, on a pseudo-terminal.
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

describe('a folder seen for the first time in the full-screen app', () => {
  it('shows titles and dates with the figures pending, then fills the figures in, in place', { timeout: 30_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'blog-tui-cold-'));
    dirs.push(dir);
    const posts = join(dir, 'posts');
    const env = { XDG_CACHE_HOME: join(dir, 'cache'), BLOG_TUI_STATE_DIR: join(dir, 'state') };
    mkdirSync(posts);
    const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');
    writeFileSync(join(posts, 'one.md'), `---\ntitle: The first post\ndate: 2024-01-01\n---\n\n${words(420)}\n`);
    writeFileSync(join(posts, 'two.md'), `---\ntitle: The second post\ndate: 2024-02-01\n---\n\n${words(7)}\n`);
    const result = await runInPty({
      argv: blogTui('--posts', posts),
      env,
      // The figures fill in as each post is read: the first post's and the second's may come apart.
      steps: [{ wait: '? min · ? words' }, { wait: '420 words', from: 'start' }, { wait: '7 words', from: 'start' }, { send: 'q' }],
    });
    expect(result.exitCode, result.error ?? '').toBe(0);
    const all = frames(result.output);
    const first = all.find((f) => f.lines.some((l) => l.includes('The second post')))!;
    // The first list already has every title and date, in date order; only the figures wait.
    expect(first.lines.join('\n')).toMatch(/The second post[\s\S]*February 1, 2024 · \? min · \? words[\s\S]*The first post[\s\S]*January 1, 2024 · \? min · \? words/);
    const last = all.filter((f) => f.lines.some((l) => l.includes('420 words')) && f.lines.some((l) => l.includes(' 7 words'))).pop()!;
    expect(last.lines.join('\n')).toMatch(/The second post[\s\S]*February 1, 2024 · 1 min · 7 words[\s\S]*The first post[\s\S]*January 1, 2024 · 2 min · 420 words/);
    // The selection stayed on the newest post.
    expect(last.lines.find((l) => l.includes('▌'))).toContain('The second post');
    // The worker wrote the cache: the next start reads no file.
    const listed = runCli(['--posts', posts, 'list', '--verbose'], env);
    expect(listed.stderr).toContain('0 read');
  });
});
