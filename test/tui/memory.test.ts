import { describe, expect, it } from 'vitest';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { collectGarbage } from '../../src/tui/memory.js';

// A large list's parsed cache is given back at once after loading rather than whenever V8 would
// next collect (the 50,000-post list's peak resident memory).
describe('collectGarbage', () => {
  it('frees an object nothing refers to any more, at once and again on later calls', async () => {
    for (let round = 0; round < 2; round++) {
      let text: string | undefined = 'x'.repeat(1 << 20) + String(round);
      const ref = new WeakRef({ text });
      text = undefined;
      // A WeakRef keeps its object for the rest of the turn that made it.
      await nextTurn();
      await collectGarbage();
      expect(ref.deref()).toBeUndefined();
    }
  });
});
