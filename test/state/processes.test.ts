import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReadingStore } from '../../src/state/readingStore.js';
import { buildStateChild, startStateChild } from '../support/stateChildren.js';
import { tempPosts } from '../support/tempPosts.js';

// Real blog-tui-like processes sharing one state directory.

let child: ReturnType<typeof buildStateChild>;
beforeAll(() => {
  child = buildStateChild();
});
afterAll(() => child.remove());

function parseState(dir: string) {
  const doc = JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8'));
  expect(doc).toMatchObject({ format: 'blog-tui-state', version: 1 });
  return doc as { sources: Record<string, Record<string, { percent: number; position: { block: number } }>> };
}

describe('reading state shared by processes', { timeout: 60_000 }, () => {
  it('two processes writing 200 updates each at once: the file parses and holds all 400', async () => {
    const dir = tempPosts({});
    const go = join(dir, 'go');
    const writers = ['a', 'b'].map((prefix) => startStateChild(child.script, dir, ['write', prefix, '200', '2', go]));
    await Promise.all(writers.map((w) => w.waitForLine(/^ready$/)));
    writeFileSync(go, '');
    expect(await Promise.all(writers.map((w) => w.exited))).toEqual([0, 0]);
    expect(writers.map((w) => w.stderr())).toEqual(['', '']);

    const posts = parseState(dir).sources.bundled!;
    expect(Object.keys(posts)).toHaveLength(400);
    for (const prefix of ['a', 'b']) {
      for (let i = 0; i < 200; i++) expect(posts[`${prefix}-${i}`], `${prefix}-${i}`).toMatchObject({ percent: i % 101, position: { block: i } });
    }
    expect(existsSync(join(dir, 'state.json.lock'))).toBe(false);
  });

  it('a process killed with SIGKILL in the middle of writing leaves a file that parses, and a lock the next one breaks', async () => {
    const dir = tempPosts({});
    for (let round = 1; round <= 3; round++) {
      const writer = startStateChild(child.script, dir, ['loop', '2000']);
      await writer.waitForLine(new RegExp(`^flushed ${5 * round}$`));
      writer.process.kill('SIGKILL');
      expect(await writer.exited).toBe('SIGKILL');

      expect(Object.keys(parseState(dir).sources.bundled!)).toHaveLength(2000 + round - 1);
      const warnings: string[] = [];
      const store = openReadingStore({ env: { BLOG_TUI_STATE_DIR: dir }, warn: (line) => warnings.push(line), lock: { staleMs: 60_000, maxWaitMs: 20_000 } });
      store.update('bundled', `after-${round}`, { read: true });
      const start = performance.now();
      store.flush();
      expect(performance.now() - start).toBeLessThan(2_000);
      expect(warnings).toEqual([]);
      expect(parseState(dir).sources.bundled).toHaveProperty(`after-${round}`);
    }
  });

  it('a pending batched write does not keep the process alive', async () => {
    const lingering = startStateChild(child.script, tempPosts({}), ['linger']);
    await lingering.waitForLine(/^updated$/);
    expect(await lingering.exited).toBe(0);
  });
});
