import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexThreads, readFilesInParallel, takeFiles } from '../../src/cli/parallelRead.js';
import type { FileRecord } from '../../src/content/indexBuild.js';
import type { PostFile } from '../../src/content/postFiles.js';
import { entryFromSource } from '../../src/content/postEntry.js';
import { tempPosts } from '../support/tempPosts.js';

const files = (n: number): PostFile[] => Array.from({ length: n }, (_, i) => ({ file: `p${i}.md`, path: `/nowhere/p${i}.md`, size: 1, mtimeMs: 1 }));
const record = (file: PostFile): FileRecord => ({ file: file.file, size: file.size, mtimeMs: file.mtimeMs });

describe('files shared by two threads through one counter', () => {
  it('gives each file to exactly one of two readers taking turns, and all of them', () => {
    const all = files(50);
    const counter = new Int32Array(new SharedArrayBuffer(4));
    const first: number[] = [];
    const second: number[] = [];
    // The second reader starts while the first is between two of its files, and takes the rest.
    takeFiles(all, counter, record, (i) => {
      first.push(i);
      if (i === 10) takeFiles(all, counter, record, (j) => second.push(j));
    });
    expect(first).toEqual([...Array(11).keys()]);
    expect(second).toEqual([...Array(39).keys()].map((j) => j + 11));
    expect([...first, ...second].sort((a, b) => a - b)).toEqual(all.map((_, i) => i));
  });

  it('reads every file once, telling of each record, when no second thread is built (the sources)', async () => {
    const dir = tempPosts(Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`p${i}.md`, `---\ntitle: P${i}\n---\n\n${'word '.repeat(i + 1)}\n`])));
    const found: PostFile[] = Array.from({ length: 60 }, (_, i) => ({ file: `p${i}.md`, path: join(dir, `p${i}.md`), size: 1, mtimeMs: 1 }));
    const told: string[] = [];
    const progress: number[] = [];
    const records = await readFilesInParallel(dir, found, async () => (source, file) => entryFromSource(source, file), (path) => readFileSync(path), (done) => progress.push(done), (r) => told.push(r.file));
    expect([...records.keys()].sort()).toEqual(found.map((f) => f.file).sort());
    expect(records.get('p9.md')!.entry!.words).toBe(10);
    expect(told.sort()).toEqual(found.map((f) => f.file).sort());
    expect(progress.at(-1)).toBe(60);
  });
});

describe('how many threads index a folder', () => {
  it('two only with a core to spare for V8, unless BLOG_TUI_INDEX_THREADS says', () => {
    expect(indexThreads({}, 1)).toBe(1);
    expect(indexThreads({}, 2)).toBe(1);
    expect(indexThreads({}, 3)).toBe(2);
    expect(indexThreads({}, 16)).toBe(2);
    expect(indexThreads({ BLOG_TUI_INDEX_THREADS: '2' }, 2)).toBe(2);
    expect(indexThreads({ BLOG_TUI_INDEX_THREADS: '1' }, 8)).toBe(1);
    expect(indexThreads({ BLOG_TUI_INDEX_THREADS: 'lots' }, 8)).toBe(2);
  });
});
