import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from '../support/runCli.js';

describe('the CommonJS files a read or the app compiles at start (built dist/)', () => {
  it('are ASCII: one character past it would make V8 hold the whole source at two bytes a character', () => {
    for (const name of ['blog-tui.js', 'quick-read.cjs', 'quick-start.cjs']) {
      const text = readFileSync(join(dirname(BIN), name), 'utf8');
      const at = text.search(/[^\u0000-\u007f]/);
      expect(at === -1 ? '' : `${name}: ${JSON.stringify(text.slice(Math.max(0, at - 40), at + 10))}`).toBe('');
    }
  });
});
