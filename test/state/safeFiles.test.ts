import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, lstatSync, mkdirSync, readFileSync, readlinkSync, statSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReadRefused, decodeUtf16, readBounded, untrustedReason } from '../../src/state/boundedRead.js';
import { NotAFileError, tempNameFor, uniqueHex, writeFileAtomicSync } from '../../src/state/atomicFile.js';
import { openReadingStore } from '../../src/state/readingStore.js';
import { readCache, writeCache } from '../../src/content/indexCache.js';
import { tempPosts } from '../support/tempPosts.js';

const fifo = (path: string) => execFileSync('mkfifo', [path]);
const isRoot = process.getuid?.() === 0;

/** A path owned by another user: a file given away when running as root, else the root folder. */
function otherUsersPath(dir: string): string {
  if (!isRoot) return '/';
  const path = join(dir, 'theirs');
  mkdirSync(path);
  chownSync(path, 4242, 4242);
  return path;
}

describe('reading a file that may have been replaced', () => {
  it('reads a regular file within the limit, and refuses one past it without reading it all', () => {
    const dir = tempPosts({ 'a.md': 'hello', 'b.md': '' });
    expect(readBounded(join(dir, 'a.md'), 5).toString()).toBe('hello');
    expect(() => readBounded(join(dir, 'a.md'), 4)).toThrow(ReadRefused);
    truncateSync(join(dir, 'b.md'), 300 * 1024 * 1024);
    expect(() => readBounded(join(dir, 'b.md'), 10 * 1024 * 1024)).toThrow('larger than 10 MB');
  });

  it('refuses a FIFO at once instead of waiting for a writer', () => {
    const dir = tempPosts({});
    fifo(join(dir, 'p.md'));
    expect(() => readBounded(join(dir, 'p.md'), 1024)).toThrow('a FIFO, not a regular file');
  });

  it('refuses a device and a folder', () => {
    expect(() => readBounded('/dev/null', 1024)).toThrow('a device, not a regular file');
    expect(() => readBounded(tempPosts({}), 1024)).toThrow('a folder, not a regular file');
  });

  it('decodes UTF-16 with a byte-order mark, both byte orders', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('# Grüße 漢', 'utf16le')]);
    const be = Buffer.from(le.subarray(2)).swap16();
    expect(decodeUtf16(le)).toBe('# Grüße 漢');
    expect(decodeUtf16(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toBe('# Grüße 漢');
    expect(decodeUtf16(Buffer.from('plain'))).toBeUndefined();
  });
});

describe('writing without replacing what is not ours', () => {
  it('writes through a symbolic link, which stays a link', () => {
    const dir = tempPosts({ 'dotfiles/state.json': 'old' });
    symlinkSync(join(dir, 'dotfiles', 'state.json'), join(dir, 'link.json'));
    writeFileAtomicSync(join(dir, 'link.json'), 'new');
    expect(lstatSync(join(dir, 'link.json')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'link.json'))).toBe(join(dir, 'dotfiles', 'state.json'));
    expect(readFileSync(join(dir, 'dotfiles', 'state.json'), 'utf8')).toBe('new');
  });

  it('creates the target of a dangling relative link in the target folder', () => {
    const dir = tempPosts({ 'sub/keep': '' });
    symlinkSync('sub/made.json', join(dir, 'link.json'));
    writeFileAtomicSync(join(dir, 'link.json'), 'made');
    expect(readFileSync(join(dir, 'sub', 'made.json'), 'utf8')).toBe('made');
    expect(lstatSync(join(dir, 'link.json')).isSymbolicLink()).toBe(true);
  });

  it('refuses a FIFO, a device and a folder, leaving them as they were', () => {
    const dir = tempPosts({ 'folder/x': '' });
    fifo(join(dir, 'fifo'));
    expect(() => writeFileAtomicSync(join(dir, 'fifo'), 'x')).toThrow(NotAFileError);
    expect(statSync(join(dir, 'fifo')).isFIFO()).toBe(true);
    expect(() => writeFileAtomicSync('/dev/null', 'x')).toThrow('a device, not a regular file');
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    expect(() => writeFileAtomicSync(join(dir, 'folder'), 'x')).toThrow('a folder, not a regular file');
  });
});

describe('state and cache that others could have written', () => {
  it('names a folder others can write to, or another user owns, as not to be used', () => {
    const dir = tempPosts({ 'open/x': '' });
    chmodSync(join(dir, 'open'), 0o777);
    expect(untrustedReason(join(dir, 'open'))).toContain('can be written by other users');
    expect(untrustedReason(otherUsersPath(dir))).toContain('belongs to another user');
    expect(untrustedReason(dir)).toBeUndefined();
    expect(untrustedReason(join(dir, 'missing'))).toBeUndefined();
  });

  it('does not read a cache from a folder everyone can write to, and says why', () => {
    const dir = tempPosts({});
    const cacheFolder = join(dir, 'blog-tui');
    const path = join(cacheFolder, 'index-x.json');
    writeCache(path, '/blog', 'v1', [{ file: 'a.md', size: 1, mtimeMs: 1, problem: 'binary file' }]);
    chmodSync(cacheFolder, 0o777);
    const read = readCache(path, '/blog', 'v1');
    expect(read.records).toBeUndefined();
    expect(read.untrusted).toBe(true);
    expect(read.reason).toContain('can be written by other users');
  });

  it('reports a FIFO at the cache path instead of waiting on it', () => {
    const dir = tempPosts({});
    fifo(join(dir, 'index-x.json'));
    const read = readCache(join(dir, 'index-x.json'), '/blog', 'v1');
    expect(read.untrusted).toBe(true);
    expect(read.reason).toContain('a FIFO, not a regular file');
  });

  it('moves a FIFO at the state path aside unopened, and reports a FIFO at the lock path, instead of waiting on them', () => {
    const dir = tempPosts({});
    fifo(join(dir, 'state.json'));
    const warnings: string[] = [];
    const store = openReadingStore({ env: { BLOG_TUI_STATE_DIR: dir }, warn: (line) => warnings.push(line), now: () => 0 });
    expect(warnings).toEqual([expect.stringContaining('is a FIFO, not a regular file; moved it to')]);
    expect(statSync(join(dir, 'state.json.corrupt-19700101T000000Z')).isFIFO()).toBe(true);
    expect(store.path).toBe(join(dir, 'state.json'));

    const locked = tempPosts({});
    fifo(join(locked, 'state.json.lock'));
    const lockWarnings: string[] = [];
    const lockedStore = openReadingStore({ env: { BLOG_TUI_STATE_DIR: locked }, warn: (line) => lockWarnings.push(line), lock: { maxWaitMs: 50 } });
    expect(lockedStore.path).toBeUndefined();
    expect(lockWarnings.join('\n')).toContain('a FIFO, not a regular file');
    expect(statSync(join(locked, 'state.json.lock')).isFIFO()).toBe(true);
  });

  it('does not use a state folder others can write to', () => {
    const dir = tempPosts({});
    chmodSync(dir, 0o777);
    const warnings: string[] = [];
    const store = openReadingStore({ env: { BLOG_TUI_STATE_DIR: dir }, warn: (line) => warnings.push(line) });
    expect(store.path).toBeUndefined();
    expect(warnings).toEqual([expect.stringContaining('can be written by other users')]);
  });

  it('keeps a symbolic link to the state file a link when saving', () => {
    const dir = tempPosts({ 'dotfiles/keep': '' });
    writeFileSync(join(dir, 'dotfiles', 'state.json'), JSON.stringify({ format: 'blog-tui-state', version: 1, sources: {} }));
    mkdirSync(join(dir, 'state'), { mode: 0o700 });
    symlinkSync(join(dir, 'dotfiles', 'state.json'), join(dir, 'state', 'state.json'));
    const store = openReadingStore({ env: { BLOG_TUI_STATE_DIR: join(dir, 'state') }, warn: () => undefined });
    store.update('bundled', 'post', { read: true });
    store.flush();
    expect(lstatSync(join(dir, 'state', 'state.json')).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'dotfiles', 'state.json'), 'utf8')).sources.bundled.post.read).toBe(true);
  });
});

describe('names of temporary files and lock tokens', () => {
  it('are hexadecimal of the length asked for, and never the same twice', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const hex = uniqueHex(16);
      expect(hex).toMatch(/^[0-9a-f]{16}$/);
      seen.add(hex);
    }
    expect(seen.size).toBe(2000);
    expect(uniqueHex(5)).toMatch(/^[0-9a-f]{5}$/);
    const path = '/state/reading.json';
    expect(tempNameFor(path, 'lock')).toMatch(new RegExp(`^/state/reading\\.json\\.lock\\.${process.pid}\\.[0-9a-f]{12}\\.tmp$`));
    expect(tempNameFor(path)).not.toBe(tempNameFor(path));
  });
});
