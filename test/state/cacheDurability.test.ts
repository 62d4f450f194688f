import { fsyncSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { writeFileAtomicSync } from '../../src/state/atomicFile.js';

// Counting fsync calls counts what waits for the disk.
vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>();
  return { ...actual, fsyncSync: vi.fn(actual.fsyncSync) };
});
const fsyncs = vi.mocked(fsyncSync);

describe('replacing a file, durably or as a cache', () => {
  beforeEach(() => {
    fsyncs.mockClear();
  });

  it('waits for the disk for a durable file (its data, then the rename in its folder)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'blog-tui-durable-'));
    writeFileAtomicSync(join(dir, 'state.json'), '{"read":1}');
    expect(readFileSync(join(dir, 'state.json'), 'utf8')).toBe('{"read":1}');
    expect(fsyncs).toHaveBeenCalledTimes(2);
  });

  it('does not wait for the disk for a cache file, which is still replaced whole', () => {
    const dir = mkdtempSync(join(tmpdir(), 'blog-tui-durable-'));
    writeFileAtomicSync(join(dir, 'index.json'), 'old', 0o600, 'cache');
    writeFileAtomicSync(join(dir, 'index.json'), 'new', 0o600, 'cache');
    expect(readFileSync(join(dir, 'index.json'), 'utf8')).toBe('new');
    expect(fsyncs).not.toHaveBeenCalled();
  });
});
