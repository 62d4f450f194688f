import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openReadingStore, stateFilePath, type OpenOptions } from '../../src/state/readingStore.js';
import { tempPosts } from '../support/tempPosts.js';

const SOURCE = '/home/reader/blog';

/** A store on `dir`, collecting its warnings. */
function openIn(dir: string, options: OpenOptions = {}) {
  const warnings: string[] = [];
  const store = openReadingStore({ env: { BLOG_TUI_STATE_DIR: dir }, warn: (line) => warnings.push(line), ...options });
  return { store, warnings };
}

function readState(dir: string): { format: string; version: number; sources: Record<string, Record<string, unknown>> } {
  return JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8'));
}

function writeState(dir: string, sources: unknown): void {
  writeFileSync(join(dir, 'state.json'), JSON.stringify({ format: 'blog-tui-state', version: 1, sources }));
}

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

describe('the state file path', () => {
  it('is state.json in $BLOG_TUI_STATE_DIR first', () => {
    expect(stateFilePath({ BLOG_TUI_STATE_DIR: '/s/dir', XDG_STATE_HOME: '/xdg', HOME: '/home/u' })).toBe('/s/dir/state.json');
  });

  it('takes a relative BLOG_TUI_STATE_DIR from the current directory', () => {
    expect(stateFilePath({ BLOG_TUI_STATE_DIR: 'rel/dir' })).toBe(resolve('rel/dir', 'state.json'));
  });

  it('is blog-tui/state.json in $XDG_STATE_HOME without BLOG_TUI_STATE_DIR', () => {
    expect(stateFilePath({ XDG_STATE_HOME: '/xdg/state', HOME: '/home/u' })).toBe('/xdg/state/blog-tui/state.json');
    expect(stateFilePath({ BLOG_TUI_STATE_DIR: '', XDG_STATE_HOME: '/xdg/state', HOME: '/home/u' })).toBe('/xdg/state/blog-tui/state.json');
  });

  it('is ~/.local/state/blog-tui/state.json otherwise, ignoring a relative XDG_STATE_HOME', () => {
    expect(stateFilePath({ HOME: '/home/u' })).toBe('/home/u/.local/state/blog-tui/state.json');
    expect(stateFilePath({ XDG_STATE_HOME: 'relative', HOME: '/home/u' })).toBe('/home/u/.local/state/blog-tui/state.json');
  });
});

describe('a reading store', () => {
  it('has no state for a post never opened', () => {
    const { store } = openIn(tempPosts({}));
    expect(store.get('bundled', 'cors')).toBeUndefined();
  });

  it('round-trips every field through the file to a second store, positions exactly', () => {
    const dir = tempPosts({});
    const { store, warnings } = openIn(dir, { now: () => 1_700_000_000_000 });
    const position = { block: 17, fraction: 1 / 3 };
    store.update('bundled', 'cors', { read: true, percent: 42.5, position, bookmarked: true });
    store.update('bundled', 'elastic', { percent: 0, position: { block: 0, fraction: 0 } });
    store.flush();

    const again = openIn(dir).store;
    expect(again.get('bundled', 'cors')).toEqual({ read: true, percent: 42.5, position, bookmarked: true, updatedAt: 1_700_000_000_000 });
    expect(Object.is(again.get('bundled', 'cors')!.position!.fraction, 1 / 3)).toBe(true);
    expect(again.get('bundled', 'elastic')).toEqual({ read: false, percent: 0, position: { block: 0, fraction: 0 }, bookmarked: false, updatedAt: 1_700_000_000_000 });
    expect(again.path).toBe(join(dir, 'state.json'));
    expect(warnings).toEqual([]);
  });

  it('keeps the posts of different sources apart', () => {
    const dir = tempPosts({});
    const { store } = openIn(dir);
    store.update('bundled', 'cors', { bookmarked: true });
    store.update(SOURCE, 'cors', { read: true });
    store.flush();

    const again = openIn(dir).store;
    expect(again.get('bundled', 'cors')).toMatchObject({ bookmarked: true, read: false });
    expect(again.get(SOURCE, 'cors')).toMatchObject({ bookmarked: false, read: true });
    expect(again.get('/elsewhere', 'cors')).toBeUndefined();
    expect(Object.keys(readState(dir).sources)).toEqual([SOURCE, 'bundled'].sort());
  });

  it('changes only the fields in a patch and removes percent or position given as undefined', () => {
    const { store } = openIn(tempPosts({}));
    store.update('bundled', 'cors', { read: true, percent: 50, position: { block: 3, fraction: 0.5 }, bookmarked: true });
    expect(store.update('bundled', 'cors', { bookmarked: false })).toMatchObject({ read: true, percent: 50, position: { block: 3, fraction: 0.5 }, bookmarked: false });
    const cleared = store.update('bundled', 'cors', { percent: undefined, position: undefined });
    expect(cleared).not.toHaveProperty('percent');
    expect(cleared).not.toHaveProperty('position');
    expect(store.get('bundled', 'cors')).toBe(cleared);
  });

  it('clamps out-of-range numbers in an update', () => {
    const { store } = openIn(tempPosts({}));
    expect(store.update('bundled', 'a', { percent: 140, position: { block: 2.7, fraction: 1.5 } })).toMatchObject({ percent: 100, position: { block: 2, fraction: 1 } });
    expect(store.update('bundled', 'a', { percent: -3, position: { block: -4, fraction: -0.1 } })).toMatchObject({ percent: 0, position: { block: 0, fraction: 0 } });
    expect(store.update('bundled', 'a', { percent: Number.NaN })).not.toHaveProperty('percent');
  });

  it('stamps updatedAt from the clock and leaves an entry alone when a patch changes nothing', () => {
    let now = 1_000;
    const { store } = openIn(tempPosts({}), { now: () => now });
    const first = store.update('bundled', 'cors', { read: true });
    expect(first.updatedAt).toBe(1_000);
    now = 2_000;
    expect(store.update('bundled', 'cors', { read: true })).toBe(first);
    expect(store.update('bundled', 'cors', { read: false }).updatedAt).toBe(2_000);
    now = 1_500; // the clock went back: the change still counts as later
    expect(store.update('bundled', 'cors', { read: true }).updatedAt).toBe(2_001);
  });

  it('hands out frozen states', () => {
    const { store } = openIn(tempPosts({}));
    const state = store.update('bundled', 'cors', { position: { block: 1, fraction: 0 } });
    expect(Object.isFrozen(state)).toBe(true);
    expect(Object.isFrozen(state.position)).toBe(true);
  });

  it('rejects an empty source id or slug', () => {
    const { store } = openIn(tempPosts({}));
    expect(() => store.update('bundled', '', { read: true })).toThrow(TypeError);
    expect(() => store.update('', 'cors', { read: true })).toThrow(TypeError);
  });

  it('writes the versioned format, the file 0600 in a created 0700 directory', () => {
    const dir = join(tempPosts({}), 'deep', 'state');
    const { store } = openIn(dir, { now: () => 5 });
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    store.update('bundled', 'cors', { read: true, position: { block: 2, fraction: 0.25 } });
    store.flush();
    expect(readState(dir)).toEqual({
      format: 'blog-tui-state',
      version: 1,
      sources: { bundled: { cors: { read: true, position: { block: 2, fraction: 0.25 }, bookmarked: false, updatedAt: 5 } } },
    });
    expect(statSync(join(dir, 'state.json')).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir).sort()).toEqual(['state.json']);
  });

  it('replaces the file by a rename, never rewriting it in place', () => {
    const dir = tempPosts({});
    const { store } = openIn(dir);
    store.update('bundled', 'cors', { read: true });
    store.flush();
    const before = readFileSync(join(dir, 'state.json'), 'utf8');
    linkSync(join(dir, 'state.json'), join(dir, 'old-link'));
    store.update('bundled', 'cors', { percent: 70 });
    store.flush();
    expect(readFileSync(join(dir, 'old-link'), 'utf8')).toBe(before);
    expect(statSync(join(dir, 'state.json')).ino).not.toBe(statSync(join(dir, 'old-link')).ino);
    expect(readState(dir).sources.bundled!.cors).toMatchObject({ percent: 70 });
    expect(readdirSync(dir).sort()).toEqual(['old-link', 'state.json']);
  });

  it('writes only while holding the lock: it waits for a live holder before writing', () => {
    const dir = tempPosts({});
    const { store } = openIn(dir, { lock: { staleMs: 60_000, maxWaitMs: 150 } });
    const theirs = JSON.stringify({ pid: process.ppid, host: hostname(), time: Date.now(), nonce: 'theirs' });
    writeFileSync(join(dir, 'state.json.lock'), theirs);
    store.update('bundled', 'cors', { read: true });
    const start = performance.now();
    store.flush();
    expect(performance.now() - start).toBeGreaterThanOrEqual(140);
    expect(readState(dir).sources.bundled).toHaveProperty('cors');
    expect(existsSync(join(dir, 'state.json.lock'))).toBe(false);
  });

  it('with --no-state keeps state in memory and never touches the disk', () => {
    const dir = join(tempPosts({}), 'state');
    const { store, warnings } = openIn(dir, { disabled: true });
    expect(store.path).toBeUndefined();
    store.update('bundled', 'cors', { bookmarked: true });
    store.flush();
    expect(store.get('bundled', 'cors')).toMatchObject({ bookmarked: true });
    expect(existsSync(dir)).toBe(false);
    expect(warnings).toEqual([]);
  });

  it('removes temporary files a killed process left, once they are a minute old', () => {
    const dir = tempPosts({ 'state.json.4242.0a1b2c.tmp': '{"format":', 'state.json.4243.0d0e0f.tmp': '{', 'notes.tmp': 'mine' });
    const old = new Date(Date.now() - 120_000);
    utimesSync(join(dir, 'state.json.4242.0a1b2c.tmp'), old, old);
    utimesSync(join(dir, 'notes.tmp'), old, old);
    openIn(dir);
    expect(readdirSync(dir).sort()).toEqual(['notes.tmp', 'state.json.4243.0d0e0f.tmp']);
  });
});

describe('a damaged state file', () => {
  it.each([
    ['not JSON', '{"format":"blog-tui-state","vers', 'is not valid JSON'],
    ['another format', '{"format":"something-else","version":1,"sources":{}}', 'is not a blog-tui state file'],
    ['a top-level array', '[1,2,3]', 'is not a blog-tui state file'],
    ['sources of the wrong type', '{"format":"blog-tui-state","version":1,"sources":[]}', 'has no sources object'],
    ['a version of the wrong type', '{"format":"blog-tui-state","version":"1","sources":{}}', 'has no valid version'],
  ])('holding %s is moved aside with one warning and the store starts empty', (_, content, reason) => {
    const dir = tempPosts({ 'state.json': content });
    const { store, warnings } = openIn(dir, { now: () => Date.UTC(2026, 2, 3, 12, 30, 15) });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(reason);
    expect(warnings[0]).not.toMatch(CONTROL);
    expect(readFileSync(join(dir, 'state.json.corrupt-20260303T123015Z'), 'utf8')).toBe(content);
    expect(existsSync(join(dir, 'state.json'))).toBe(false);
    expect(store.path).toBe(join(dir, 'state.json'));

    store.update('bundled', 'cors', { read: true });
    store.flush();
    expect(readState(dir).sources.bundled).toHaveProperty('cors');
    expect(warnings).toHaveLength(1);
  });

  it('is moved aside under a new name when an older corrupt file holds the first', () => {
    const dir = tempPosts({ 'state.json': 'garbage', 'state.json.corrupt-19700101T000000Z': 'older' });
    openIn(dir, { now: () => 0 });
    expect(readFileSync(join(dir, 'state.json.corrupt-19700101T000000Z-2'), 'utf8')).toBe('garbage');
    expect(readFileSync(join(dir, 'state.json.corrupt-19700101T000000Z'), 'utf8')).toBe('older');
  });

  it('that cannot be read (a directory) is moved aside too', () => {
    const dir = tempPosts({ 'state.json/inside': 'x' });
    const { store, warnings } = openIn(dir);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/is a folder, not a regular file; moved it to .*state\.json\.corrupt-/);
    store.update('bundled', 'cors', { read: true });
    store.flush();
    expect(readState(dir).sources.bundled).toHaveProperty('cors');
  });

  it('is named in the warning without control characters', () => {
    const dir = join(tempPosts({}), 'evil\u001b]0;title\u0007\nname');
    mkdirSync(dir);
    writeFileSync(join(dir, 'state.json'), 'not json');
    const { warnings } = openIn(dir);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).not.toMatch(CONTROL);
    expect(warnings[0]).toContain('evil^[]0;title^G name');
  });

  it('from a newer blog-tui is left alone, and state is kept in memory', () => {
    const content = '{"format":"blog-tui-state","version":2,"sources":{}}';
    const dir = tempPosts({ 'state.json': content });
    const { store, warnings } = openIn(dir);
    expect(warnings).toEqual([expect.stringContaining('newer blog-tui (version 2)')]);
    expect(store.path).toBeUndefined();
    store.update('bundled', 'cors', { read: true });
    store.flush();
    expect(store.get('bundled', 'cors')).toMatchObject({ read: true });
    expect(readFileSync(join(dir, 'state.json'), 'utf8')).toBe(content);
    expect(readdirSync(dir)).toEqual(['state.json']);
  });

  it('loses only its invalid entries, one by one, with one warning', () => {
    const good = { read: true, bookmarked: false, updatedAt: 10 };
    const dir = tempPosts({});
    writeState(dir, {
      bundled: {
        ok: good,
        'ok-full': { ...good, percent: 100, position: { block: 0, fraction: 1 } },
        'percent-high': { ...good, percent: 101 },
        'fraction-high': { ...good, position: { block: 1, fraction: 1.01 } },
        'block-negative': { ...good, position: { block: -1, fraction: 0 } },
        'block-fractional': { ...good, position: { block: 1.5, fraction: 0 } },
        'read-string': { ...good, read: 'yes' },
        'no-bookmarked': { read: true, updatedAt: 10 },
        'no-updatedAt': { read: true, bookmarked: false },
        'updatedAt-negative': { ...good, updatedAt: -1 },
        null: null,
        '': good,
      },
      [SOURCE]: 'not an object',
      '/kept': { post: good },
    });
    const { store, warnings } = openIn(dir);
    expect(warnings).toEqual(['blog-tui: ignored 11 invalid entries in the reading state file ' + join(dir, 'state.json')]);
    expect(store.get('bundled', 'ok')).toEqual(good);
    expect(store.get('bundled', 'ok-full')).toEqual({ ...good, percent: 100, position: { block: 0, fraction: 1 } });
    expect(store.get('/kept', 'post')).toEqual(good);
    for (const slug of ['percent-high', 'fraction-high', 'block-negative', 'block-fractional', 'read-string', 'no-bookmarked', 'no-updatedAt', 'updatedAt-negative', 'null']) {
      expect(store.get('bundled', slug)).toBeUndefined();
    }

    store.update('bundled', 'new', { read: true });
    store.flush();
    expect(Object.keys(readState(dir).sources.bundled!).sort()).toEqual(['new', 'ok', 'ok-full']);
    expect(Object.keys(readState(dir).sources)).toEqual(['/kept', 'bundled']);
    expect(existsSync(join(dir, 'state.json.lock'))).toBe(false);
  });
});

describe('a state directory that cannot be written', () => {
  it('gives one warning at start, and the store keeps working in memory', () => {
    const blocker = join(tempPosts({ file: 'a file, not a directory' }), 'file');
    const { store, warnings } = openIn(join(blocker, 'state'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^blog-tui: cannot use the state directory .*file\/state \(ENOTDIR\); reading state will not be saved$/);
    expect(store.path).toBeUndefined();
    store.update('bundled', 'cors', { bookmarked: true });
    store.flush();
    store.flush();
    expect(store.get('bundled', 'cors')).toMatchObject({ bookmarked: true });
    expect(warnings).toHaveLength(1);
  });

  it('that fails later gives one warning, keeps changes in memory, and saves them once it works again', () => {
    const dir = join(tempPosts({}), 'state');
    const { store, warnings } = openIn(dir);
    store.update('bundled', 'a', { read: true });
    store.flush();

    rmSync(dir, { recursive: true });
    writeFileSync(dir, 'now a file');
    store.update('bundled', 'b', { read: true });
    store.flush();
    store.update('bundled', 'c', { read: true });
    store.flush();
    expect(warnings).toEqual([expect.stringMatching(/^blog-tui: cannot save reading state to .*state\.json \(ENOTDIR\); keeping it in memory$/)]);
    expect(store.get('bundled', 'c')).toMatchObject({ read: true });

    rmSync(dir);
    mkdirSync(dir);
    store.update('bundled', 'd', { read: true });
    store.flush();
    expect(Object.keys(readState(dir).sources.bundled!).sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(warnings).toHaveLength(1);
  });
});

describe('two stores on one state file', () => {
  it('keep each other\'s updates to different posts, and entries only on disk', () => {
    const dir = tempPosts({});
    writeState(dir, { bundled: { old: { read: true, bookmarked: true, updatedAt: 1 } } });
    const a = openIn(dir).store;
    const b = openIn(dir).store;
    a.update('bundled', 'from-a', { read: true });
    b.update(SOURCE, 'from-b', { bookmarked: true });
    b.flush();
    a.flush();
    const sources = readState(dir).sources;
    expect(Object.keys(sources.bundled!).sort()).toEqual(['from-a', 'old']);
    expect(Object.keys(sources[SOURCE]!)).toEqual(['from-b']);
    expect(a.get(SOURCE, 'from-b')).toMatchObject({ bookmarked: true });
  });

  it('keep the later update of the same post, whichever writes last', () => {
    for (const order of [['a', 'b'], ['b', 'a']] as const) {
      const dir = tempPosts({});
      const stores = {
        a: openIn(dir, { now: () => 1_000 }).store,
        b: openIn(dir, { now: () => 2_000 }).store,
      };
      stores.a.update('bundled', 'cors', { position: { block: 1, fraction: 0 } });
      stores.b.update('bundled', 'cors', { position: { block: 9, fraction: 0.5 } });
      stores[order[0]].flush();
      stores[order[1]].flush();
      expect(readState(dir).sources.bundled!.cors).toEqual({ read: false, position: { block: 9, fraction: 0.5 }, bookmarked: false, updatedAt: 2_000 });
      expect(openIn(dir).store.get('bundled', 'cors')!.position).toEqual({ block: 9, fraction: 0.5 });
    }
  });

  it('agree on one entry when two updates of a post carry the same time', () => {
    const dir = tempPosts({});
    const a = openIn(dir, { now: () => 1_000 }).store;
    const b = openIn(dir, { now: () => 1_000 }).store;
    a.update('bundled', 'cors', { percent: 10 });
    b.update('bundled', 'cors', { percent: 90 });
    a.flush();
    b.flush();
    a.update('bundled', 'other', { read: true });
    a.flush();
    expect(readState(dir).sources.bundled!.cors).toEqual(b.get('bundled', 'cors'));
    expect(a.get('bundled', 'cors')).toEqual(b.get('bundled', 'cors'));
  });
});
