// One Markdown file or standard input, unknown commands and `help`, and how piped text is
// wrapped and coloured. The built command, as users run it.
import { spawnSync } from 'node:child_process';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { BIN, cleanEnv, runCli } from '../support/runCli.js';
import { tempPosts } from '../support/tempPosts.js';
import { blogTui, runInPty } from '../support/ptyRun.js';

const NOTES = '---\ntitle: My Notes\ndate: 2024-05-06\ntags: [notes]\n---\n\n# First\n\nSome **bold** words and more text to wrap around the width of the page.\n';

function withInput(args: string[], input: string, extra: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: cleanEnv(extra), input, timeout: 20_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('reading a Markdown file or standard input', { timeout: 60_000 }, () => {
  it('read FILE.md prints the file as plain text, with the title and date of its front matter', () => {
    const dir = tempPosts({ 'notes.md': NOTES });
    const { code, stdout, stderr } = runCli(['read', `${dir}/notes.md`]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe('My Notes');
    expect(stdout).toContain('May 6, 2024');
    expect(stdout).toContain('Some bold words');
    expect(stdout).not.toContain('title:');
    expect(stdout).not.toMatch(/\u001b/);
  });

  it('blog-tui FILE.md is the same as read FILE.md', () => {
    const dir = tempPosts({ 'notes.md': NOTES });
    expect(runCli([`${dir}/notes.md`]).stdout).toBe(runCli(['read', `${dir}/notes.md`]).stdout);
  });

  it('read - reads standard input; a file without front matter takes its title from the first heading', () => {
    const { code, stdout } = withInput(['read', '-', '--width', '40'], '# Piped title\n\nText from a pipe.\n');
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe('Piped title');
    expect(stdout).toContain('Text from a pipe.');
    for (const line of stdout.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(40);
  });

  it('a missing file is one line and status 1', () => {
    const { code, stdout, stderr } = runCli(['read', '/no/such/notes.md']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe('blog-tui: cannot read /no/such/notes.md (ENOENT)\n');
  });

  it('read - on a terminal shows the reader and takes keys from the terminal while the text comes from a pipe', { timeout: 20_000 }, async () => {
    const dir = tempPosts({ 'notes.md': NOTES });
    const result = await runInPty({
      argv: ['sh', '-c', `cat "${dir}/notes.md" | "${process.execPath}" "${blogTui()[1]}" --no-state read -`],
      steps: [{ wait: 'Some ' }, { waitTermios: { icanon: false } }, { send: '?' }, { wait: 'Keys' }, { send: 'q' }, { wait: 'Esc quit' }, { send: 'q' }],
      timeout: 15,
    });
    expect(result.error).toBeNull();
    expect(result.output).toContain('My Notes');
    expect(result.exitCode).toBe(0);
    expect(result.termios).toMatchObject({ icanon: true, echo: true });
  });
});

describe('commands', { timeout: 60_000 }, () => {
  it('an unknown command says so, status 2', () => {
    const { code, stdout, stderr } = runCli(['foo']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe("blog-tui: unknown command 'foo' (see blog-tui --help)\n");
  });

  it('help prints the help, help read the help of read', () => {
    const help = runCli(['help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: blog-tui');
    expect(help.stdout).toContain('--color <when>');
    expect(help.stdout).toContain('--width, else $COLUMNS, else 80');
    expect(help.stdout).toContain('--color=always | less -R');
    expect(help.stdout).not.toMatch(/read cors \| less -R/);
    expect(runCli(['help', 'read']).stdout).toContain('Usage: blog-tui read');
  });
});

describe('piped text', { timeout: 60_000 }, () => {
  const slug = 'cors-zero-to-hero';

  it('wraps at --width, else $COLUMNS, else 80', () => {
    const widest = (text: string) => Math.max(...text.split('\n').map((l) => stringWidth(l)));
    expect(widest(runCli(['read', slug], { COLUMNS: '50' }).stdout)).toBeLessThanOrEqual(50);
    expect(widest(runCli(['read', slug], { COLUMNS: '50' }).stdout)).toBeGreaterThan(40);
    expect(widest(runCli(['read', slug, '--width', '30'], { COLUMNS: '50' }).stdout)).toBeLessThanOrEqual(30);
    expect(widest(runCli(['read', slug], { COLUMNS: 'wide' }).stdout)).toBeGreaterThan(70);
  });

  it('has colour only with --color=always or FORCE_COLOR; --color=never wins over FORCE_COLOR', () => {
    expect(runCli(['read', slug]).stdout).not.toMatch(/\u001b\[/);
    expect(runCli(['read', slug, '--color=always']).stdout).toMatch(/\u001b\[1m/);
    expect(runCli(['read', slug], { FORCE_COLOR: '1' }).stdout).toMatch(/\u001b\[1m/);
    expect(runCli(['--color', 'never', 'read', slug], { FORCE_COLOR: '1' }).stdout).not.toMatch(/\u001b\[/);
    const bad = runCli(['--color', 'sometimes', 'list']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^blog-tui: .*expected auto, always or never/);
  });
});

describe('a terminal that cannot show the full screen', () => {
  for (const term of ['dumb', '']) {
    it(`TERM=${JSON.stringify(term)}: blog-tui prints the list instead of the full screen`, { timeout: 20_000 }, async () => {
      const result = await runInPty({ argv: blogTui('--no-state'), env: { TERM: term }, steps: [{ wait: 'TITLE' }], timeout: 15 });
      expect(result.error).toBeNull();
      expect(result.exitCode).toBe(0);
      expect(result.output).not.toContain('\u001b[?1049h');
      expect(result.output).toContain('CORS From Zero to Hero');
    });
  }
});
