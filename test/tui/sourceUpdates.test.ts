import { describe, expect, it } from 'vitest';
import { startSourceUpdates } from '../../src/tui/sourceUpdates.js';
import type { PostSource, SourceUpdate } from '../../src/tui/postSource.js';
import type { PostEntry } from '../../src/content/postEntry.js';

const entry = (slug: string): PostEntry => ({ slug, url: `/${slug}/`, title: slug, tags: [], summary: '', words: 1, readingMinutes: 1, file: `${slug}.md` });

/** A source whose refresh the test ends by hand, after telling of posts read so far. */
function sourceWithRefresh() {
  let finish!: (update: SourceUpdate & { lines: string[] }) => void;
  let fail!: (error: Error) => void;
  let tellSoFar!: (posts: PostEntry[]) => void;
  let started = 0;
  const source: PostSource = {
    id: 'test',
    name: 'test',
    posts: [entry('a')],
    readBody: () => '',
    refresh: (_signal, onPosts) => {
      started++;
      tellSoFar = (posts) => onPosts?.(posts);
      return new Promise((done, failed) => {
        finish = done;
        fail = failed;
      });
    },
  };
  return { source, finish: (u: SourceUpdate & { lines: string[] }) => finish(u), fail: (e: Error) => fail(e), tellSoFar: (p: PostEntry[]) => tellSoFar(p), started: () => started };
}

const tick = () => new Promise((done) => setImmediate(done));

describe('a source checked from the first frame on, before the app listens', () => {
  it('keeps the latest update for the app, then hands it each one after', async () => {
    const s = sourceWithRefresh();
    const warnings: string[] = [];
    const updates = startSourceUpdates(s.source, new AbortController().signal, warnings, (line) => warnings.push(line))!;
    await tick();
    expect(s.started()).toBe(1);
    s.tellSoFar([entry('a'), entry('b')]);
    const heard: SourceUpdate[] = [];
    const stop = updates.subscribe((u) => heard.push(u));
    // Subscribing late hands over what was found meanwhile.
    expect(heard).toEqual([{ posts: [entry('a'), entry('b')], samePlaces: true }]);
    s.finish({ posts: [entry('c')], changed: ['c.md'], lines: ['blog-tui: 1 file could not be used'] });
    await tick();
    expect(heard.at(-1)).toEqual({ posts: [entry('c')], changed: ['c.md'] });
    expect(warnings).toEqual(['blog-tui: 1 file could not be used']);
    stop();
  });

  it('says nothing when the check found nothing new, one line when it failed, and never starts once the app has left', async () => {
    const quiet = sourceWithRefresh();
    const heard: SourceUpdate[] = [];
    startSourceUpdates(quiet.source, new AbortController().signal, [], () => undefined)!.subscribe((u) => heard.push(u));
    await tick();
    quiet.finish({ lines: [] });
    await tick();
    expect(heard).toEqual([]);

    const failing = sourceWithRefresh();
    const warned: string[] = [];
    startSourceUpdates(failing.source, new AbortController().signal, [], (line) => warned.push(line));
    await tick();
    failing.fail(new Error('EACCES\u001b[2J'));
    await tick();
    expect(warned).toHaveLength(1);
    expect(warned[0]).toMatch(/^blog-tui: the folder could not be checked: EACCES/);
    expect(warned[0]).not.toMatch(/\u001b/);

    const left = sourceWithRefresh();
    const leaving = new AbortController();
    startSourceUpdates(left.source, leaving.signal, [], () => undefined);
    leaving.abort();
    await tick();
    expect(left.started()).toBe(0);
    expect(startSourceUpdates({ ...left.source, refresh: undefined }, leaving.signal, [], () => undefined)).toBeUndefined();
  });
});
