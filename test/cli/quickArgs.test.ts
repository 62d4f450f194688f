import { describe, expect, it } from 'vitest';
import { isAddress, quickListKind, quickListOf, quickReadKind, quickReadOf, quickStartOf } from '../../src/cli/quickArgs.js';

const NO_ENV = {};

describe('the command line of a piped read, read without the parser', () => {
  it('takes read POST with the options scripts use, before or after the command', () => {
    expect(quickReadOf(['read', 'cors'], NO_ENV)).toEqual({ post: 'cors', given: {}, globals: {} });
    const read = quickReadOf(['--posts', '/blog', 'read', 'cors', '--width', '60', '--color=always', '--style', 'light', '--no-state'], NO_ENV);
    expect(read).toEqual({
      post: 'cors',
      width: 60,
      given: { posts: { value: '/blog', source: 'option', where: '--posts' }, style: { value: 'light', source: 'option', where: '--style' } },
      globals: { posts: '/blog', color: 'always', style: 'light', state: false },
    });
    expect(quickReadOf(['read', 'cors', '-w', '40', '--posts=/blog', '--color', 'never'], NO_ENV)).toMatchObject({ post: 'cors', width: 40, globals: { posts: '/blog', color: 'never' } });
  });

  it('leaves every other command line to the parser, which says what is wrong with it', () => {
    for (const argv of [
      [],
      ['read'],
      ['list'],
      ['cors'],
      ['read', 'a', 'b'],
      ['read', '-'],
      ['read', 'cors', '--'],
      ['read', 'cors', '--help'],
      ['read', 'cors', '--verbose'],
      ['read', 'cors', '--drafts'],
      ['--url', 'https://example.com/', 'read', 'cors'],
      ['-w', '60', 'read', 'cors'],
      ['--width', '60', 'read', 'cors'],
      ['read', 'cors', '--width', '5'],
      ['read', 'cors', '--width', '60.5'],
      ['read', 'cors', '--width'],
      ['read', 'cors', '--posts'],
      ['read', 'cors', '--posts', '--width'],
      ['read', 'cors', '--color', 'sometimes'],
      ['read', 'cors', '--style', 'neon'],
      ['read', 'cors', '--no-state=1'],
      ['read', 'cors', '-w60'],
    ]) {
      expect(quickReadOf(argv, NO_ENV), argv.join(' ')).toBeUndefined();
    }
  });

  it('takes the folder from BLOG_TUI_POSTS when --posts is not given, as the parser does', () => {
    expect(quickReadOf(['read', 'cors'], { BLOG_TUI_POSTS: '/env' })?.given.posts).toEqual({ value: '/env', source: 'environment', where: 'BLOG_TUI_POSTS' });
    expect(quickReadOf(['--posts', '/opt', 'read', 'cors'], { BLOG_TUI_POSTS: '/env' })?.given.posts).toEqual({ value: '/opt', source: 'option', where: '--posts' });
    // An empty value names no folder, and an empty --posts beats the variable.
    expect(quickReadOf(['read', 'cors'], { BLOG_TUI_POSTS: '' })?.given.posts).toBeUndefined();
    expect(quickReadOf(['--posts=', 'read', 'cors'], { BLOG_TUI_POSTS: '/env' })?.given.posts).toBeUndefined();
  });

  it('names the kind of read: colour as --color, NO_COLOR and FORCE_COLOR say, and a folder or the bundled posts', () => {
    const kind = (argv: string[], env: NodeJS.ProcessEnv = NO_ENV) => quickReadKind(quickReadOf(argv, env)!, env);
    expect(kind(['read', 'cors'])).toBe('plain');
    expect(kind(['read', 'cors', '--color=always'])).toBe('colour');
    expect(kind(['read', 'cors', '--color=never'], { FORCE_COLOR: '1' })).toBe('plain');
    expect(kind(['read', 'cors'], { FORCE_COLOR: '1' })).toBe('colour');
    expect(kind(['read', 'cors'], { FORCE_COLOR: '1', NO_COLOR: '1' })).toBe('plain');
    expect(kind(['--posts', '/blog', 'read', 'cors', '--color', 'always'])).toBe('colour-folder');
  });
});

describe('the command line of a piped list, read without the parser', () => {
  it('takes list with the options scripts use, before or after the command', () => {
    expect(quickListOf(['list'], NO_ENV)).toEqual({ given: {}, globals: {} });
    expect(quickListOf(['--posts', '/blog', 'list', '--color=never', '--no-state'], NO_ENV)).toEqual({
      given: { posts: { value: '/blog', source: 'option', where: '--posts' } },
      globals: { posts: '/blog', color: 'never', state: false },
    });
    expect(quickListOf(['list'], { BLOG_TUI_POSTS: '/env' })?.given.posts).toEqual({ value: '/env', source: 'environment', where: 'BLOG_TUI_POSTS' });
  });

  it('leaves --json, other commands, operands, an address and every other option to the parser', () => {
    for (const argv of [
      [],
      ['list', '--json'],
      ['list', '--verbose'],
      ['list', '--drafts'],
      ['list', '--width', '60'],
      ['list', 'more'],
      ['list', 'read'],
      ['read', 'list'],
      ['index'],
      ['--url', 'https://example.com/', 'list'],
      ['https://example.com/', 'list'],
      ['list', '--help'],
    ]) {
      expect(quickListOf(argv, NO_ENV), argv.join(' ')).toBeUndefined();
    }
  });

  it('names the kind of list: a folder or the bundled posts', () => {
    expect(quickListKind(quickListOf(['list'], NO_ENV)!)).toBe('list');
    expect(quickListKind(quickListOf(['--posts', '/blog', 'list'], NO_ENV)!)).toBe('list-folder');
  });
});

describe('the command line of the app with no command, read without the parser', () => {
  it('takes the bundled posts, a folder or an address, with the options of the app', () => {
    expect(quickStartOf([], NO_ENV)).toEqual({ given: {}, globals: {} });
    expect(quickStartOf(['--posts', '/blog', '--style=light', '--no-state', '--no-mouse', '--color', 'never'], NO_ENV)).toEqual({
      given: {
        posts: { value: '/blog', source: 'option', where: '--posts' },
        style: { value: 'light', source: 'option', where: '--style' },
        mouse: { value: false, source: 'option', where: '--no-mouse' },
      },
      globals: { posts: '/blog', style: 'light', state: false, mouse: false, color: 'never' },
    });
    expect(quickStartOf(['https://example.com/'], NO_ENV)).toEqual({ given: {}, globals: { url: 'https://example.com/' } });
    expect(quickStartOf(['--no-state', '--url', 'https://example.com/feed.xml'], NO_ENV)).toEqual({ given: {}, globals: { state: false, url: 'https://example.com/feed.xml' } });
    expect(quickStartOf([], { BLOG_TUI_POSTS: '/env' })?.given.posts).toEqual({ value: '/env', source: 'environment', where: 'BLOG_TUI_POSTS' });
  });

  it('leaves commands, files, help and every other option to the parser', () => {
    for (const argv of [
      ['list'],
      ['read', 'cors'],
      ['notes.md'],
      ['--help'],
      ['-V'],
      ['--verbose'],
      ['--drafts'],
      ['--future'],
      ['--'],
      ['--posts'],
      ['--posts', '--no-state'],
      ['--width', '60'],
      ['-w', '60'],
      ['--style', 'neon'],
      ['--color', 'sometimes'],
      ['--no-state=1'],
      ['https://example.com/', 'list'],
      ['https://a.example/', 'https://b.example/'],
      ['--url', 'https://a.example/', 'https://b.example/'],
      ['--url', 'https://a.example/', '--url', 'https://b.example/'],
    ]) {
      expect(quickStartOf(argv, NO_ENV), argv.join(' ')).toBeUndefined();
    }
  });

  it('reads an argument as an address when it has a scheme, as the parser does', () => {
    expect(isAddress('https://example.com/')).toBe(true);
    expect(isAddress('HTTP://example.com')).toBe(true);
    expect(isAddress('ftp://example.com/')).toBe(true);
    expect(isAddress('example.com')).toBe(false);
    expect(isAddress('posts/notes.md')).toBe(false);
  });
});
