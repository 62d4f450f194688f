import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig, readConfig } from '../../src/config/configFile.js';
import { resolveSettings } from '../../src/config/settings.js';
import { configFilePath } from '../../src/config/paths.js';
import { CONFIG_SCHEMA } from '../../src/cli/settings.js';

const FILE = '/home/u/.config/blog-tui/config.toml';
const check = (text: string) => parseConfig(text, FILE, CONFIG_SCHEMA, { HOME: '/home/u' });

describe('the config file', () => {
  it('reads every setting and the key bindings', () => {
    const { values, problems } = check(
      ['style = "light"', 'width = 72', 'mouse = false', 'posts = "~/blog"', 'sort = "title"', '', '[keys.reader]', 'down = ["j", "ctrl+n"]', 'up = "k"'].join('\n'),
    );
    expect(problems).toEqual([]);
    expect(values).toMatchObject({ style: 'light', width: 72, mouse: false, posts: '/home/u/blog', sort: 'title' });
    expect(values.lines).toEqual({ style: 1, width: 2, mouse: 3, posts: 4, sort: 5 });
    expect(values.keys).toEqual([
      { scope: 'reader', action: 'down', keys: ['j', 'ctrl+n'], line: 8 },
      { scope: 'reader', action: 'up', keys: ['k'], line: 9 },
    ]);
  });

  it('reports a typo as one line with the file and line, and applies the rest', () => {
    const { values, problems } = check(['width = 72', 'stlye = "light"', 'sort = "title"'].join('\n'));
    expect(problems).toEqual([`${FILE}:2: unknown setting "stlye" (did you mean "style"?); known: style, width, mouse, posts, sort, keys, feeds`]);
    expect(values).toMatchObject({ width: 72, sort: 'title' });
    expect(values.style).toBeUndefined();
  });

  it('goes on past a TOML syntax error on one line, and says a word needs quotes', () => {
    const { values, problems } = check(['style = light', 'width = 90', '[keys.list]', 'down = ["j"]'].join('\n'));
    expect(problems).toEqual([`${FILE}:1: not valid TOML: invalid value (text needs quotes: style = "light")`]);
    expect(values.width).toBe(90);
    expect(values.keys).toHaveLength(1);
  });

  it('keeps what comes before an unclosed array and says the rest is ignored', () => {
    const { values, problems } = check(['width = 90', 'sort = "oldest"', '[keys.list]', 'down = ["j",', ''].join('\n'));
    expect(problems.length).toBeGreaterThanOrEqual(2);
    expect(problems.at(-1)).toBe(`${FILE}:4: the rest of the file from here is ignored`);
    expect(values).toMatchObject({ width: 90, sort: 'oldest' });
  });

  it('checks each value: its type, its range, its choices', () => {
    const { values, problems } = check(['style = "blue"', 'width = 5', 'mouse = "no"', 'posts = 3', 'sort = "random"', 'keys = 1'].join('\n'));
    expect(problems).toEqual([
      `${FILE}:1: style must be one of auto, dark, light, plain, not "blue"`,
      `${FILE}:2: width must be a whole number from 20 to 1000, not 5`,
      `${FILE}:3: mouse must be true or false, not "no"`,
      `${FILE}:4: posts must be the path of a folder, not 3`,
      `${FILE}:5: sort must be one of newest, oldest, shortest, longest, title, not "random"`,
      `${FILE}:6: keys must be a table of scopes, such as [keys.reader]`,
    ]);
    expect(values).toEqual({ keys: [], lines: {} });
  });

  it('checks key bindings: scopes, actions, key names, keys given twice, Ctrl-C and typed characters', () => {
    const { values, problems } = check(
      [
        '[keys.readr]',
        'down = "j"',
        '[keys.reader]',
        'dwn = "j"',
        'down = ["j", "ctrl+nn"]',
        'up = ["j"]',
        'back = "ctrl+c"',
        'top = []',
        '[keys.input]',
        'commit = ["x", "ctrl+s"]',
      ].join('\n'),
    );
    expect(problems).toEqual([
      `${FILE}:1: unknown key scope "readr" (did you mean "reader"?); known: list, reader, picker, input, help`,
      expect.stringMatching(new RegExp(`^${FILE}:4: unknown action "dwn" in \\[keys.reader\\] \\(did you mean "down"\\?\\); known: down, up, `)),
      expect.stringMatching(new RegExp(`^${FILE}:5: down: "ctrl\\+nn" is not a key: use one character`)),
      `${FILE}:6: up: "j" is already bound to down in [keys.reader]`,
      `${FILE}:7: back: "ctrl+c" always quits at once and cannot be bound to another action`,
      `${FILE}:8: top must be a key or a list of keys, such as ["j", "ctrl+n"], not an array`,
      `${FILE}:10: commit: "x" is a character, which the prompt types, so it cannot be a key in [keys.input]`,
    ]);
    // The valid keys of a partly wrong binding still apply.
    expect(values.keys).toEqual([
      { scope: 'reader', action: 'down', keys: ['j'], line: 5 },
      { scope: 'input', action: 'commit', keys: ['ctrl+s'], line: 10 },
    ]);
  });

  it('accepts key names as the help shows them and as less writes them', () => {
    const { values, problems } = check(['[keys.list]', 'down = ["PgDn", "Esc", "space", " ", "C-n", "Ctrl-P", "alt+x", "G"]'].join('\n'));
    expect(problems).toEqual([]);
    expect(values.keys[0]!.keys).toEqual(['pagedown', 'escape', 'space', 'ctrl+n', 'ctrl+p', 'meta+x', 'G']);
  });

  it('takes a relative posts folder from the config file\'s folder', () => {
    expect(check('posts = "blog"').values.posts).toBe('/home/u/.config/blog-tui/blog');
  });

  it('never lets the file write control characters to the terminal in a message', () => {
    const { problems } = check('"\u001b[31mred" = 1\nstyle = "\u001b]0;title\u0007"');
    expect(problems.join('\n')).not.toMatch(/\u001b/);
    expect(problems).toHaveLength(2);
  });
});

describe('reading the config file', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is no config at all when the default file is missing, and one line when a named one is', () => {
    dir = mkdtempSync(join(tmpdir(), 'blog-tui-config-'));
    const missing = join(dir, 'config.toml');
    expect(readConfig(missing, CONFIG_SCHEMA, false)).toMatchObject({ found: false, problems: [] });
    expect(readConfig(missing, CONFIG_SCHEMA, true).problems).toEqual([`${missing}: cannot read the config file (no such file)`]);
    expect(readConfig(dir, CONFIG_SCHEMA, false).problems).toEqual([`${dir}: cannot read the config file (a folder, not a file)`]);
    writeFileSync(missing, Buffer.from([0x73, 0x3d, 0xff, 0xfe]));
    expect(readConfig(missing, CONFIG_SCHEMA, false).problems).toEqual([`${missing}: cannot read the config file (not UTF-8 text)`]);
  });

  it('is found where BLOG_TUI_CONFIG, XDG_CONFIG_HOME or HOME say', () => {
    expect(configFilePath({ BLOG_TUI_CONFIG: '/etc/b.toml', XDG_CONFIG_HOME: '/x', HOME: '/h' })).toBe('/etc/b.toml');
    expect(configFilePath({ XDG_CONFIG_HOME: '/x', HOME: '/h' })).toBe('/x/blog-tui/config.toml');
    expect(configFilePath({ XDG_CONFIG_HOME: 'relative', HOME: '/h' })).toBe('/h/.config/blog-tui/config.toml');
  });
});

describe('the settings in force', () => {
  const config = (text: string) => ({ path: FILE, found: true, ...check(text) });

  it('take an option over the environment over the config file over the default, and say which', () => {
    const settings = resolveSettings(config('style = "light"\nposts = "/from/config"\nsort = "title"'), {
      style: { value: 'dark', source: 'option', where: '--style' },
      posts: { value: '/from/env', source: 'environment', where: 'BLOG_TUI_POSTS' },
    });
    expect(settings.style).toEqual({ value: 'dark', source: 'option', where: '--style' });
    expect(settings.posts).toEqual({ value: '/from/env', source: 'environment', where: 'BLOG_TUI_POSTS' });
    expect(settings.sort).toEqual({ value: 'title', source: 'config', where: 'line 3' });
    expect(settings.width).toEqual({ value: 100, source: 'default' });
    expect(settings.mouse).toEqual({ value: true, source: 'default' });
  });
});
