import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireLock, releaseLock } from '../../src/state/fileLock.js';
import { buildStateChild, startStateChild } from '../support/stateChildren.js';
import { tempPosts } from '../support/tempPosts.js';

/** Options under which only the rule a test is about can break a lock quickly. */
const PATIENT = { staleMs: 60_000, maxWaitMs: 20_000 };

function lockContent(pid: number, host = hostname()): string {
  return JSON.stringify({ pid, host, time: Date.now(), nonce: 'theirs' });
}

function timed<T>(fn: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = fn();
  return { value, ms: performance.now() - start };
}

let child: ReturnType<typeof buildStateChild> | undefined;
afterAll(() => child?.remove());

describe('the lock between processes', { timeout: 60_000 }, () => {
  it('is a file holding this process\'s pid while held, removed on release', () => {
    const path = join(tempPosts({}), 'state.json.lock');
    const lock = acquireLock(path)!;
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ pid: process.pid, host: hostname() });
    releaseLock(lock);
    expect(existsSync(path)).toBe(false);
  });

  it('is waited for while another live process holds it, and taken when released', async () => {
    child ??= buildStateChild();
    const dir = tempPosts({});
    const holder = startStateChild(child.script, dir, ['hold', '300']);
    await holder.waitForLine(/^locked$/);
    const { value: lock, ms } = timed(() => acquireLock(join(dir, 'state.json.lock'), PATIENT));
    expect(lock).toBeDefined();
    expect(ms).toBeGreaterThan(100);
    expect(ms).toBeLessThan(PATIENT.maxWaitMs);
    await holder.waitForLine(/^released$/);
    releaseLock(lock!);
    expect(await holder.exited).toBe(0);
  });

  it.each([
    ['the process that holds it is dead', () => spawnSync(process.execPath, ['-e', '']).pid!],
    ['it names this process but is not ours (a reused pid)', () => process.pid],
  ])('is broken at once when %s', (_, holderPid) => {
    const path = join(tempPosts({}), 'state.json.lock');
    writeFileSync(path, lockContent(holderPid()));
    const { value: lock, ms } = timed(() => acquireLock(path, PATIENT));
    expect(readFileSync(path, 'utf8')).toBe(lock!.token);
    expect(ms).toBeLessThan(2_000);
  });

  it.each([
    ['older than staleMs, even if its process lives', lockContent(process.ppid), 120_000],
    ['empty and a few seconds old (its holder died before writing it)', '', 5_000],
  ])('is broken when %s', (_, content, ageMs) => {
    const path = join(tempPosts({}), 'state.json.lock');
    writeFileSync(path, content);
    const old = new Date(Date.now() - ageMs);
    utimesSync(path, old, old);
    const lock = acquireLock(path, PATIENT);
    expect(readFileSync(path, 'utf8')).toBe(lock!.token);
  });

  it('is broken when a live holder keeps it for maxWaitMs', () => {
    const path = join(tempPosts({}), 'state.json.lock');
    writeFileSync(path, lockContent(process.ppid));
    const { value: lock, ms } = timed(() => acquireLock(path, { staleMs: 60_000, maxWaitMs: 150 }));
    expect(readFileSync(path, 'utf8')).toBe(lock!.token);
    expect(ms).toBeGreaterThanOrEqual(140);
  });

  it('of another host is judged by age, not by pid', () => {
    const path = join(tempPosts({}), 'state.json.lock');
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    writeFileSync(path, lockContent(dead, `not-${hostname()}`));
    const { value: lock, ms } = timed(() => acquireLock(path, { staleMs: 60_000, maxWaitMs: 150 }));
    expect(lock).toBeDefined();
    expect(ms).toBeGreaterThanOrEqual(140);
  });

  it('is left in place on release when it is no longer ours', () => {
    const dir = tempPosts({});
    const path = join(dir, 'state.json.lock');
    const lock = acquireLock(path)!;
    const theirs = lockContent(process.ppid);
    writeFileSync(path, theirs);
    releaseLock(lock);
    expect(readFileSync(path, 'utf8')).toBe(theirs);
    expect(readdirSync(dir)).toEqual(['state.json.lock']);
  });

  it('cannot be taken where no file can be created, and says why', () => {
    const path = join(tempPosts({ file: 'x' }), 'file', 'state.json.lock');
    expect(() => acquireLock(path)).toThrow(expect.objectContaining({ code: 'ENOTDIR' }));
  });
});
