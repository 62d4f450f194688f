import { describe, expect, it } from 'vitest';
import { KEYMAP, actionFor, helpLines, keyLabel, keyName, keyNames, type Scope } from '../../src/tui/keymap.js';

describe('the keymap', () => {
  it('binds the less-style keys of the list', () => {
    const expected: Record<string, string> = {
      down: 'down', j: 'down', up: 'up', k: 'up', pagedown: 'pageDown', space: 'pageDown', pageup: 'pageUp', b: 'pageUp',
      home: 'top', g: 'top', end: 'bottom', G: 'bottom', enter: 'open', l: 'open', right: 'open', q: 'quit', 'ctrl+c': 'interrupt', '?': 'help',
    };
    for (const [key, action] of Object.entries(expected)) expect(actionFor('list', key), key).toBe(action);
  });

  it('binds the reader keys, with d/u for half pages and four ways back', () => {
    expect(actionFor('reader', 'd')).toBe('halfPageDown');
    expect(actionFor('reader', 'u')).toBe('halfPageUp');
    for (const key of ['escape', 'q', 'h', 'left']) expect(actionFor('reader', key)).toBe('back');
  });

  it('never binds one key to two actions in the same screen', () => {
    for (const scope of Object.keys(KEYMAP) as Scope[]) {
      const keys = KEYMAP[scope].flatMap((b) => b.keys);
      expect(new Set(keys).size, scope).toBe(keys.length);
    }
  });

  it('generates the help from the same table: every binding, every screen', () => {
    const help = helpLines().join('\n');
    for (const scope of Object.keys(KEYMAP) as Scope[]) {
      for (const binding of KEYMAP[scope]) {
        expect(help).toContain(`${binding.keys.map(keyLabel).join(' ').padEnd(22)} ${binding.description}`);
      }
    }
  });

  it('names the keys Ink reports', () => {
    expect(keyName('', { downArrow: true })).toBe('down');
    expect(keyName('', { pageDown: true })).toBe('pagedown');
    expect(keyName('', { home: true })).toBe('home');
    expect(keyName('\r', { return: true })).toBe('enter');
    expect(keyName('c', { ctrl: true })).toBe('ctrl+c');
    expect(keyName(' ', {})).toBe('space');
    expect(keyName('G', {})).toBe('G');
  });

  it('splits keys that arrive together into separate keys', () => {
    expect(keyNames('jj\r', {})).toEqual(['j', 'j', 'enter']);
    expect(keyNames('q', {})).toEqual(['q']);
    expect(keyNames('\u001b[B', { downArrow: true })).toEqual(['down']);
  });
});
