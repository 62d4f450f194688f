import { lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultConfigText, writeNewConfig } from '../../src/config/initConfig.js';
import { parseConfig } from '../../src/config/configFile.js';
import { STYLE_NAMES } from '../../src/config/settings.js';
import { SORT_ORDERS } from '../../src/content/sortOrders.js';
import { keymapOutline } from '../../src/tui/keymap.js';
import { CONFIG_SCHEMA } from '../../src/cli/settings.js';

const TEXT = defaultConfigText(keymapOutline(), STYLE_NAMES, SORT_ORDERS);

describe('the default config file', () => {
  it('sets nothing as written: every setting is commented out', () => {
    expect(parseConfig(TEXT, 'config.toml', CONFIG_SCHEMA)).toEqual({ values: { keys: [], lines: {} }, problems: [] });
  });

  it('is valid and gives the defaults with every line uncommented', () => {
    const uncommented = TEXT.split('\n').map((l) => l.replace(/^# (?=[A-Za-z]+ = |\[keys)/, '')).join('\n');
    const { values, problems } = parseConfig(uncommented, '/c/config.toml', CONFIG_SCHEMA, { HOME: '/h' });
    expect(problems).toEqual([]);
    expect(values).toMatchObject({ style: 'auto', width: 100, mouse: true, sort: 'newest', posts: '/h/src/my-blog' });
    const bound = Object.fromEntries(values.keys.map((k) => [`${k.scope}.${k.action}`, k.keys]));
    for (const [scope, bindings] of Object.entries(keymapOutline())) {
      for (const b of bindings) expect(bound[`${scope}.${b.action}`], `${scope}.${b.action}`).toEqual(b.keys);
    }
  });
});

describe('config --init writing the file', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'blog-tui-init-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates the folders and the file', () => {
    const path = join(dir, 'config', 'blog-tui', 'config.toml');
    expect(writeNewConfig(path, 'x = 1\n')).toEqual({ written: path });
    expect(readFileSync(path, 'utf8')).toBe('x = 1\n');
  });

  it('refuses to overwrite an existing file', () => {
    const path = join(dir, 'config.toml');
    writeFileSync(path, 'mine');
    expect(writeNewConfig(path, 'x = 1\n')).toEqual({ refused: `${path} already exists; it was left as it is` });
    expect(readFileSync(path, 'utf8')).toBe('mine');
  });

  it('writes through a symbolic link to a file not yet there, and keeps the link', () => {
    const target = join(dir, 'dotfiles', 'blog-tui.toml');
    const path = join(dir, 'config.toml');
    symlinkSync(join('dotfiles', 'blog-tui.toml'), path);
    expect(writeNewConfig(path, 'x = 1\n')).toEqual({ written: target });
    expect(lstatSync(path).isSymbolicLink()).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe('x = 1\n');
    expect(writeNewConfig(path, 'y = 2\n')).toEqual({ refused: `${target} already exists; it was left as it is` });
  });

  it('never replaces a folder, a FIFO or a link loop', () => {
    const folder = join(dir, 'folder.toml');
    mkdirSync(folder);
    expect(writeNewConfig(folder, 'x')).toEqual({ refused: `${folder} exists and is not a regular file; it was left as it is` });
    const fifo = join(dir, 'fifo.toml');
    execFileSync('mkfifo', [fifo]);
    expect(writeNewConfig(fifo, 'x')).toEqual({ refused: `${fifo} exists and is not a regular file; it was left as it is` });
    const loop = join(dir, 'loop.toml');
    symlinkSync(loop, loop);
    expect(writeNewConfig(loop, 'x')).toEqual({ refused: `${loop}: too many symbolic links` });
  });
});
