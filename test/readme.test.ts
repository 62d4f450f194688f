import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KEYMAP, SCOPE_TITLES, keyLabel, type Scope } from '../src/tui/keymap.js';

const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('the README', () => {
  it('lists every key of the keymap, screen by screen, as the help does', () => {
    for (const scope of Object.keys(KEYMAP) as Scope[]) {
      const table = [
        `### ${SCOPE_TITLES[scope]}`,
        '',
        '| Keys | Action |',
        '|---|---|',
        ...KEYMAP[scope].map((b) => `| ${b.keys.map((k) => `\`${keyLabel(k)}\``).join(' ')} | ${b.description} |`),
      ].join('\n');
      expect(README).toContain(table);
    }
  });

  it('has a quick start of exactly two commands: start the app, run every test', () => {
    const quickStart = README.slice(README.indexOf('## Quick start'), README.indexOf('\n## ', README.indexOf('## Quick start') + 1));
    const commands = /```sh\n([\s\S]*?)```/.exec(quickStart)![1]!.trim().split('\n');
    expect(commands).toHaveLength(2);
    expect(commands[0]).toMatch(/^npm install && npm start\b/);
    expect(commands[1]).toMatch(/^npm install && npm test\b/);
  });
});
