import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cleanEnv } from '../support/runCli.js';
import { tempPosts } from '../support/tempPosts.js';

// `npm run fidelity` is the built dist/fidelity.mjs (npm test builds it first).
const TOOL = fileURLToPath(new URL('../../dist/fidelity.mjs', import.meta.url));

function fidelity(args: string[]) {
  const cache = tempPosts({});
  const result = spawnSync(process.execPath, [TOOL, ...args], { encoding: 'utf8', env: cleanEnv({ XDG_CACHE_HOME: cache }), timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const CLEAN = '---\ntitle: Clean\ndate: 2024-01-02\n---\n\nA plain paragraph with `<code>` in it.\n\n1. one\n2. two\n';
const LEAKY = [
  '---',
  'title: Leaky',
  'date: 2024-01-01',
  '---',
  '',
  'Text first.',
  '',
  '{{< figure src="a.png" >}}',
  '',
  '{% include note.html %}',
  '',
].join('\n');

// Each test starts the tool, which loads the renderer and maybe pandoc: slow on a busy machine.
describe('npm run fidelity -- DIR', { timeout: 120_000 }, () => {
  it('renders every post of the folder and prints each kind of leak with its count and first places', () => {
    const dir = tempPosts({ 'clean.md': CLEAN, 'leaky.md': LEAKY });
    const { code, stdout, stderr } = fidelity([dir, '--no-pandoc']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain(`${dir}: 2 posts rendered at 80 columns`);
    expect(stdout).toMatch(/^raw HTML tag +0$/m);
    expect(stdout).toMatch(/^generator syntax \(\{\{< \{% \{: MDX\) +2 in 1 post\n {4}leaky\.md:8 {2}\{\{< figure src="a\.png" >\}\}\n {4}leaky\.md:10 {2}\{% include note\.html %\}$/m);
    expect(stdout).toMatch(/^line over width +0$/m);
    expect(stdout).toContain('Words against pandoc: not measured');
  });

  it('gives every place as JSON with --json', () => {
    const dir = tempPosts({ 'leaky.md': LEAKY });
    const { code, stdout } = fidelity([dir, '--json', '--no-pandoc', '--width', '60']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.width).toBe(60);
    expect(report.posts).toBe(1);
    const generator = report.kinds.find((k: { kind: string }) => k.kind === 'generator');
    expect(generator.places).toEqual([
      expect.objectContaining({ file: 'leaky.md', sourceLine: 8, text: '{{< figure src="a.png" >}}' }),
      expect.objectContaining({ file: 'leaky.md', sourceLine: 10, text: '{% include note.html %}' }),
    ]);
  });

  it('compares the words with pandoc -t plain where pandoc is installed', () => {
    const hasPandoc = spawnSync('pandoc', ['--version']).status === 0;
    const dir = tempPosts({ 'clean.md': CLEAN, 'other.md': '---\ntitle: Other\n---\n\nSome words here.\n' });
    const { code, stdout } = fidelity([dir]);
    expect(code).toBe(0);
    if (hasPandoc) expect(stdout).toMatch(/^Words against pandoc [\d.]+ -t plain .*: 2 posts\n {2}median 1\.000, worst 1\.000$/m);
    else expect(stdout).toContain('Words against pandoc: not measured');
  });

  it('exits 2 with the usage for a missing folder argument, and 1 with one line for a folder that does not exist', () => {
    const usage = fidelity([]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/^fidelity: which folder\?\nusage: npm run fidelity -- DIR/);
    const missing = fidelity(['/nonexistent/blog-tui-fidelity']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('fidelity: no such folder: /nonexistent/blog-tui-fidelity\n');
  });
});
