import { describe, expect, it } from 'vitest';
import { runCli } from '../support/runCli.js';
import { tempPosts } from '../support/tempPosts.js';

const POST = '---\ntitle: "Isn&#39;t it &mdash; A &amp; B"\ndate: 2024-05-06\ntags: ["R&amp;D"]\n---\n\nIt&rsquo;s <span>here</span>[^1] &rarr; $x_1$.\n\n[^1]: A note.\n';

describe('entities outside post bodies, as the commands print them', { timeout: 60_000 }, () => {
  const run = (args: string[]) => runCli(args, { XDG_CACHE_HOME: tempPosts({}) });

  it('list and list --json show titles, tags and summaries decoded, the summary without tags or footnote marks', () => {
    const dir = tempPosts({ 'post.md': POST });
    const table = run(['--posts', dir, 'list']);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('Isn\'t it — A & B');
    const [entry] = JSON.parse(run(['--posts', dir, 'list', '--json']).stdout);
    expect(entry).toMatchObject({ title: "Isn't it — A & B", tags: ['R&D'], summary: 'It’s here → x_1.' });
  });

  it('index writes the decoded fields', () => {
    const dir = tempPosts({ 'post.md': POST });
    const index = JSON.parse(run(['index', dir]).stdout);
    expect(index.posts[0]).toMatchObject({ title: "Isn't it — A & B", tags: ['R&D'] });
  });
});
