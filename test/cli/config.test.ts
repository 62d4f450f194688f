import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../support/runCli.js';

// The built command with a config folder, state and cache of its own.
let home: string;
let env: Record<string, string>;
const configFile = () => join(home, 'config', 'blog-tui', 'config.toml');
const writeConfig = (text: string) => {
  mkdirSync(join(home, 'config', 'blog-tui'), { recursive: true });
  writeFileSync(configFile(), text);
};

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'blog-tui-cfg-'));
  env = { XDG_CONFIG_HOME: join(home, 'config'), XDG_STATE_HOME: join(home, 'state'), XDG_CACHE_HOME: join(home, 'cache') };
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

describe('blog-tui config', () => {
  it('prints the defaults and the paths of the config, state and cache when there is no config file', () => {
    const { code, stdout, stderr } = runCli(['config'], env);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^ {2}style +auto +default$/m);
    expect(stdout).toMatch(/^ {2}width +100 +default$/m);
    expect(stdout).toMatch(/^ {2}posts +\(the bundled posts\) +default$/m);
    expect(stdout).toContain(`config   ${configFile()} (none; blog-tui config --init writes one)`);
    expect(stdout).toContain(`state    ${join(home, 'state', 'blog-tui', 'state.json')}`);
    expect(stdout).toContain(`cache    ${join(home, 'cache', 'blog-tui')}`);
  });

  it('says where each setting comes from: option, environment, config file line, default', () => {
    writeConfig('width = 72\nstyle = "light"\nposts = "/nowhere"\n\n[keys.reader]\ndown = ["j", "ctrl+n"]\n');
    const { code, stdout } = runCli(['--style', 'plain', 'config'], { ...env, BLOG_TUI_POSTS: home });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^ {2}style +plain +option \(--style\)$/m);
    expect(stdout).toMatch(new RegExp(`^ {2}posts +${home} +environment \\(BLOG_TUI_POSTS\\)$`, 'm'));
    expect(stdout).toMatch(/^ {2}width +72 +config file \(line 1\)$/m);
    expect(stdout).toMatch(/^ {2}sort +newest +default$/m);
    expect(stdout).toMatch(/^ {2}reader\.down +j Ctrl-N +config file \(line 6\)$/m);
    expect(stdout).toContain(`config   ${configFile()}\n`);
  });

  it('reports a typo as one line naming the file and line, keeps working, and exits 1 from config', () => {
    writeConfig('width = 72\nsrot = "title"\n');
    const listed = runCli(['list'], env);
    expect(listed.code).toBe(0);
    expect(listed.stderr).toBe(`blog-tui: ${configFile()}:2: unknown setting "srot" (did you mean "sort"?); known: style, width, mouse, posts, sort, keys, feeds\n`);
    expect(listed.stdout).toMatch(/^DATE/);
    const shown = runCli(['config'], env);
    expect(shown.code).toBe(1);
    expect(shown.stdout).toMatch(/^ {2}width +72 +config file \(line 1\)$/m);
  });

  it('reads the file BLOG_TUI_CONFIG names, and says so when it is missing', () => {
    const named = join(home, 'other.toml');
    writeFileSync(named, 'width = 60\n');
    expect(runCli(['config'], { ...env, BLOG_TUI_CONFIG: named }).stdout).toMatch(/^ {2}width +60 +config file \(line 1\)$/m);
    const missing = runCli(['list'], { ...env, BLOG_TUI_CONFIG: join(home, 'nope.toml') });
    expect(missing.code).toBe(0);
    expect(missing.stderr).toBe(`blog-tui: ${join(home, 'nope.toml')}: cannot read the config file (no such file)\n`);
  });

  it('uses the posts folder of the config file, and --posts over it', () => {
    writeConfig(`posts = "${join(home, 'missing-blog')}"\n`);
    const fromConfig = runCli(['list'], env);
    expect(fromConfig.code).toBe(1);
    expect(fromConfig.stderr).toBe(`blog-tui: no such folder: ${join(home, 'missing-blog')}\n`);
    const bundled = join(process.cwd(), 'posts');
    const fromOption = runCli(['--posts', bundled, 'list'], env);
    expect(fromOption.code).toBe(0);
    expect(fromOption.stdout).toContain('elasticsearch-zero-to-hero');
  });

  it('rejects an unknown --style as a usage error', () => {
    const { code, stderr } = runCli(['--style', 'neon', 'list'], env);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^blog-tui: option '--style <style>' argument 'neon' is invalid\. Allowed choices are auto, dark, light, plain\. \(see blog-tui --help\)\n$/);
  });
});

describe('blog-tui config --init', () => {
  it('writes a commented default file once, then refuses to overwrite it', () => {
    const first = runCli(['config', '--init'], env);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(`Wrote ${configFile()}: every setting at its default, commented out.\n`);
    const text = readFileSync(configFile(), 'utf8');
    expect(text).toContain('# style = "auto"');
    expect(text).toContain('# [keys.reader]');
    expect(runCli(['config'], env)).toMatchObject({ code: 0, stderr: '' });
    writeFileSync(configFile(), 'width = 50\n');
    const second = runCli(['config', '--init'], env);
    expect(second.code).toBe(1);
    expect(second.stderr).toBe(`blog-tui: config --init: ${configFile()} already exists; it was left as it is\n`);
    expect(readFileSync(configFile(), 'utf8')).toBe('width = 50\n');
  });
});
