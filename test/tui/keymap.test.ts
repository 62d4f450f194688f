import { describe, expect, it } from 'vitest';
import { HELP_KEYS_WIDTH, KEYMAP, actionFor, bindingFor, helpLine, helpLines, keyLabel, keyName, keyNames, parseMouse, withBindings, type Scope } from '../../src/tui/keymap.js';

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
        expect(help).toContain(helpLine(binding));
        expect(helpLine(binding)).toContain(binding.keys.map(keyLabel).join(' '));
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

  it("binds less's Ctrl and letter forms in the reader, the list and the help", () => {
    const expected: Record<string, string> = {
      'ctrl+f': 'pageDown', 'ctrl+b': 'pageUp', 'ctrl+d': 'halfPageDown', 'ctrl+u': 'halfPageUp', e: 'down', y: 'up',
      'ctrl+e': 'down', 'ctrl+y': 'up', 'ctrl+n': 'down', 'ctrl+p': 'up', z: 'pageDown', w: 'pageUp', '<': 'top', '>': 'bottom',
    };
    for (const scope of ['reader', 'list', 'help'] as const) {
      for (const [key, action] of Object.entries(expected)) expect(actionFor(scope, key), `${scope} ${key}`).toBe(action);
    }
    for (const scope of ['reader', 'list'] as const) {
      expect(actionFor(scope, '=')).toBe('info');
      expect(actionFor(scope, 'v')).toBe('edit');
      expect(actionFor(scope, '%')).toBe('percent');
      expect(actionFor(scope, 'p')).toBe('percent');
      for (const digit of '0123456789') expect(actionFor(scope, digit)).toBe('count');
    }
  });

  it('suspends on Ctrl-Z on every screen, the prompt included', () => {
    for (const scope of Object.keys(KEYMAP) as Scope[]) expect(actionFor(scope, 'ctrl+z'), scope).toBe('suspend');
  });

  it('lets the prompt type digits: counts are not keys there', () => {
    expect(actionFor('input', '5')).toBeUndefined();
  });

  it('scrolls the reader three lines per wheel step, by the binding\'s count', () => {
    expect(bindingFor('reader', 'wheeldown')).toMatchObject({ action: 'down', count: 3 });
    expect(bindingFor('list', 'wheelup')).toMatchObject({ action: 'up' });
    expect(actionFor('list', 'click')).toBe('open');
  });

  it('names control characters that arrive with other keys as Ctrl keys', () => {
    expect(keyName('f', { ctrl: true })).toBe('ctrl+f');
    expect(keyNames('\u0006\u0002j', {})).toEqual(['ctrl+f', 'ctrl+b', 'j']);
    expect(keyNames('10j', {})).toEqual(['1', '0', 'j']);
    expect(keyLabel('ctrl+z')).toBe('Ctrl-Z');
  });

  it('reads SGR mouse reports with or without their ESC, and ignores releases and other buttons', () => {
    expect(parseMouse('\u001b[<65;10;5M')).toEqual({ name: 'wheeldown', x: 10, y: 5 });
    expect(parseMouse('[<64;1;2M')).toEqual({ name: 'wheelup', x: 1, y: 2 });
    expect(parseMouse('[<0;30;11M')).toEqual({ name: 'click', x: 30, y: 11 });
    expect(parseMouse('[<0;30;11m')).toBeNull();
    expect(parseMouse('[<2;30;11M')).toBeNull();
    expect(parseMouse('[<68;3;4M')).toEqual({ name: 'wheelup', x: 3, y: 4 });
    expect(parseMouse('j')).toBeUndefined();
    expect(parseMouse('[B')).toBeUndefined();
  });
});

describe('key bindings from the config file', () => {
  it('give an action exactly the given keys and take them from other actions of that screen only', () => {
    const keymap = withBindings([{ scope: 'reader', action: 'down', keys: ['j', 'ctrl+n', 'n'] }]);
    expect(actionFor('reader', 'ctrl+n', keymap)).toBe('down');
    expect(actionFor('reader', 'n', keymap)).toBe('down');
    expect(actionFor('reader', 'down', keymap)).toBeUndefined();
    expect(keymap.reader.find((b) => b.action === 'nextMatch')!.keys).toEqual([]);
    expect(actionFor('list', 'down', keymap)).toBe('down');
    expect(actionFor('reader', 'down')).toBe('down');
  });

  it('keep Ctrl-C quitting at once whatever is given', () => {
    const keymap = withBindings([{ scope: 'list', action: 'interrupt', keys: ['ctrl+q'] }]);
    expect(actionFor('list', 'ctrl+c', keymap)).toBe('interrupt');
    expect(actionFor('list', 'ctrl+q', keymap)).toBe('interrupt');
  });

  it('show in the help: the keys in force, and an action left without a key', () => {
    const help = helpLines(withBindings([{ scope: 'reader', action: 'down', keys: ['j', 'n'] }])).join('\n');
    expect(help).toContain(`${'j n'.padEnd(HELP_KEYS_WIDTH)} down one line`);
    expect(help).toContain(`${'(no key)'.padEnd(HELP_KEYS_WIDTH)} next match`);
    // The wheel still scrolls: it is not a key the config file moves.
    expect(help).toContain(`${'wheel down'.padEnd(HELP_KEYS_WIDTH)} down three lines`);
  });
});
