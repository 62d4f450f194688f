import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { writeFileAtomicSync } from '../../src/state/atomicFile.js';
import { openReadingStore } from '../../src/state/readingStore.js';
import { tempPosts } from '../support/tempPosts.js';

// Every write of the state file goes through writeFileAtomicSync: counting its calls counts writes.
vi.mock('../../src/state/atomicFile.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/state/atomicFile.js')>();
  return { ...actual, writeFileAtomicSync: vi.fn(actual.writeFileAtomicSync) };
});

const writes = vi.mocked(writeFileAtomicSync);

/** Updates the same post every 100 ms, `count` times, as a reader moving through it does. */
function keepUpdating(store: ReturnType<typeof openReadingStore>, from: number, count: number) {
  for (let i = from; i < from + count; i++) {
    store.update('bundled', 'cors', { percent: i });
    vi.advanceTimersByTime(100);
  }
}

function openIn(dir: string) {
  return openReadingStore({ env: { BLOG_TUI_STATE_DIR: dir }, warn: (line) => expect.fail(line) });
}

describe('batched writes', () => {
  beforeEach(() => {
    writes.mockClear();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('gather several updates into one write, 500 ms after the last', () => {
    const dir = tempPosts({});
    const store = openIn(dir);
    for (let i = 0; i < 5; i++) store.update('bundled', `post-${i}`, { percent: i * 10 });
    store.update('bundled', 'post-0', { bookmarked: true });
    vi.advanceTimersByTime(499);
    expect(writes).not.toHaveBeenCalled();
    expect(existsSync(join(dir, 'state.json'))).toBe(false);

    vi.advanceTimersByTime(1);
    expect(writes).toHaveBeenCalledTimes(1);
    const sources = JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8')).sources;
    expect(Object.keys(sources.bundled)).toHaveLength(5);
    expect(sources.bundled['post-0']).toMatchObject({ percent: 0, bookmarked: true });

    vi.advanceTimersByTime(10_000);
    expect(writes).toHaveBeenCalledTimes(1);
  });

  it('wait while updates keep coming (a reader moving through a post), and are written once they pause', () => {
    const dir = tempPosts({});
    const store = openIn(dir);
    keepUpdating(store, 0, 20);
    expect(writes).not.toHaveBeenCalled();
    vi.advanceTimersByTime(399);
    expect(writes).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(writes).toHaveBeenCalledTimes(1);
    expect(JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8')).sources.bundled.cors).toMatchObject({ percent: 19 });
  });

  it('are written 5 s after the first update at the latest, however long updates keep coming', () => {
    const dir = tempPosts({});
    const store = openIn(dir);
    keepUpdating(store, 0, 49);
    expect(writes).not.toHaveBeenCalled();
    keepUpdating(store, 49, 1);
    expect(writes).toHaveBeenCalledTimes(1);
    expect(JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8')).sources.bundled.cors).toMatchObject({ percent: 49 });
    // The next updates start a new wait.
    store.update('bundled', 'cors', { percent: 60 });
    vi.advanceTimersByTime(499);
    expect(writes).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(writes).toHaveBeenCalledTimes(2);
  });

  it('are written at once by flush, which cancels the scheduled write', () => {
    const dir = tempPosts({});
    const store = openIn(dir);
    store.update('bundled', 'cors', { read: true });
    store.update('bundled', 'cors', { percent: 30 });
    store.flush();
    expect(writes).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(10_000);
    expect(writes).toHaveBeenCalledTimes(1);
  });

  it('do not happen when nothing changed', () => {
    const store = openIn(tempPosts({}));
    store.flush();
    store.update('bundled', 'cors', { read: true });
    store.flush();
    store.update('bundled', 'cors', { read: true });
    store.flush();
    vi.advanceTimersByTime(10_000);
    expect(writes).toHaveBeenCalledTimes(1);
  });

  it('are not scheduled by a store with state off', () => {
    const store = openReadingStore({ disabled: true });
    store.update('bundled', 'cors', { read: true });
    expect(vi.getTimerCount()).toBe(0);
    store.flush();
    expect(writes).not.toHaveBeenCalled();
  });
});
