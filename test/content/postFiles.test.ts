import { mkdirSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listPostFiles, walkPostFiles } from '../../src/content/postFiles.js';
import { fsPath } from '../../src/state/fileNames.js';
import { tempPosts } from '../support/tempPosts.js';

const files = (dir: string) => walkPostFiles(dir).files.map((f) => f.file);

describe('finding the Markdown files of a folder', () => {
  it('walks every subfolder for .md and .markdown files, sorted by path', () => {
    const dir = tempPosts({ 'b.md': '', 'a/2024/c.markdown': '', 'a/notes.txt': '', 'Z.MD': '' });
    expect(files(dir)).toEqual(['Z.MD', 'a/2024/c.markdown', 'b.md']);
  });

  it('gives each file its size and mtime, and the real path to read', () => {
    const dir = tempPosts({ 'p.md': 'twelve bytes' });
    const [file] = walkPostFiles(dir).files;
    expect(file).toMatchObject({ file: 'p.md', size: 12, path: join(realpathSync(dir), 'p.md') });
    expect(file!.mtimeMs).toBeGreaterThan(0);
  });

  it('keeps a name that is not UTF-8 as the bytes that open its file, beside names Node reads as they are', () => {
    const dir = tempPosts({ 'plain.md': 'a', 'gr\u00fc\u00dfe.md': 'b', 'odd-\ufffd.md': 'c', 'sub/x.md': 'd' });
    // caf\xe9.md: Latin-1 bytes, not UTF-8.
    writeFileSync(Buffer.concat([Buffer.from(join(dir, 'sub', 'caf')), Buffer.from([0xe9]), Buffer.from('.md')]), 'e');
    const walked = walkPostFiles(dir).files;
    expect(walked.map((f) => f.file)).toEqual(['gr\u00fc\u00dfe.md', 'odd-\ufffd.md', 'plain.md', 'sub/caf\udce9.md', 'sub/x.md']);
    expect(walked.map((f) => readFileSync(fsPath(f.path), 'utf8'))).toEqual(['b', 'c', 'a', 'e', 'd']);
  });

  it('takes only index.md from a page bundle: other Markdown in it is a resource', () => {
    const dir = tempPosts({ 'bundle/index.md': '', 'bundle/extra.md': '', 'bundle/deeper/more.md': '', 'loose.md': '' });
    expect(files(dir)).toEqual(['bundle/index.md', 'loose.md']);
  });

  it('leaves out Hugo section pages (_index.md), hidden files and folders, and node_modules', () => {
    const dir = tempPosts({ '_index.md': '', 'sec/_index.md': '', 'sec/post.md': '', '.git/x.md': '', '.#lock.md': '', 'node_modules/m/readme.md': '' });
    expect(files(dir)).toEqual(['sec/post.md']);
  });

  it('never follows a symbolic link out of the folder, and says so', () => {
    const outside = tempPosts({ 'secret.md': 'private', 'dir/other.md': 'private' });
    const dir = tempPosts({ 'inside.md': '' });
    symlinkSync(join(outside, 'secret.md'), join(dir, 'leak.md'));
    symlinkSync(join(outside, 'dir'), join(dir, 'leakdir'));
    const walk = walkPostFiles(dir);
    expect(walk.files.map((f) => f.file)).toEqual(['inside.md']);
    expect(walk.problems).toEqual([
      { file: 'leak.md', reason: 'symbolic link to outside the folder, left out', severity: 'warning' },
      { file: 'leakdir', reason: 'symbolic link to outside the folder, left out', severity: 'warning' },
    ]);
  });

  it('follows links that stay inside, knowing each file by its own path and reading it once', () => {
    const dir = tempPosts({ 'real/post.md': '', 'top.md': '', 'x/y.md': '' });
    symlinkSync('real', join(dir, 'alias'));
    symlinkSync('top.md', join(dir, 'a-link.md'));
    symlinkSync('../x', join(dir, 'real', 'to-x'));
    symlinkSync('.hidden', join(dir, 'shown'));
    mkdirSync(join(dir, '.hidden'));
    symlinkSync('../x/y.md', join(dir, '.hidden', 'z.md'));
    const walk = walkPostFiles(dir);
    expect(walk.files.map((f) => f.file)).toEqual(['real/post.md', 'top.md', 'x/y.md']);
    expect(walk.problems).toEqual([
      { file: 'a-link.md', reason: 'the same file as top.md, left out', severity: 'warning' },
      { file: 'alias', reason: 'symbolic link to a folder read already (or a loop), left out', severity: 'warning' },
      { file: 'real/to-x', reason: 'symbolic link to a folder read already (or a loop), left out', severity: 'warning' },
      { file: 'shown/z.md', reason: 'the same file as x/y.md, left out', severity: 'warning' },
    ]);
  });

  it('lists the same files and problems without their paths, for a check against the cache', () => {
    const dir = tempPosts({ 'real/post.md': 'one', 'top.md': 'two', 'x/y.md': 'three', 'b/index.md': '', 'b/extra.md': '', 'content/posts/p.md': 'four' });
    symlinkSync('real', join(dir, 'alias'));
    symlinkSync('top.md', join(dir, 'a-link.md'));
    symlinkSync('x/y.md', join(dir, 'linked.md'));
    symlinkSync('../x', join(dir, 'real', 'to-x'));
    for (const only of [undefined, ['content/posts', 'real']]) {
      const walk = walkPostFiles(dir, only);
      const listed = listPostFiles(dir, only);
      expect(listed.files).toEqual(walk.files.map(({ path: _path, ...rest }) => rest));
      expect(listed.problems).toEqual(walk.problems);
      expect(listed.root).toBe(walk.root);
    }
  });

  it('ends on a symbolic link loop', () => {
    const dir = tempPosts({ 'a/b/post.md': '' });
    symlinkSync('../..', join(dir, 'a', 'b', 'up'));
    symlinkSync('.', join(dir, 'a', 'self'));
    const walk = walkPostFiles(dir);
    expect(walk.files.map((f) => f.file)).toEqual(['a/b/post.md']);
    expect(walk.problems.map((p) => `${p.file}: ${p.reason}`)).toEqual([
      'a/b/up: symbolic link to a folder read already (or a loop), left out',
      'a/self: symbolic link to a folder read already (or a loop), left out',
    ]);
  });

  it('reports a broken link to a Markdown file and ignores other files', () => {
    const dir = tempPosts({});
    mkdirSync(join(dir, 'd'));
    symlinkSync('missing.md', join(dir, 'd', 'gone.md'));
    symlinkSync('missing.png', join(dir, 'd', 'gone.png'));
    expect(walkPostFiles(dir).problems).toEqual([{ file: 'd/gone.md', reason: 'broken symbolic link (ENOENT)', severity: 'skipped' }]);
  });
});
