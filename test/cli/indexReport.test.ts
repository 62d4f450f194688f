import { describe, expect, it } from 'vitest';
import { progressReporter, reportProblems } from '../../src/cli/indexReport.js';
import type { IndexProblem } from '../../src/content/postIndex.js';

function stream(isTTY: boolean) {
  const out: string[] = [];
  return { isTTY, out, write: (text: string) => out.push(text) };
}

const PROBLEMS: IndexProblem[] = [
  { file: 'bad.md', reason: 'YAML front matter is not closed', severity: 'skipped' },
  { file: 'evil\u001b[31m.md', reason: 'binary file\nsecond line', severity: 'skipped' },
  { file: 'dup.md', reason: 'duplicate slug "x", shown as "x-2"', severity: 'warning' },
];

describe('the problems summary', () => {
  it('is one line counting the files that could not be used and the warnings', () => {
    const s = stream(false);
    reportProblems(PROBLEMS, false, s);
    expect(s.out).toEqual(['blog-tui: 2 files could not be used, 1 warning (--verbose lists them)\n']);
    const one = stream(false);
    reportProblems(PROBLEMS.slice(2), false, one);
    expect(one.out).toEqual(['blog-tui: 1 warning (--verbose lists them)\n']);
  });

  it('lists each file and its reason with --verbose, one line each, control characters made visible', () => {
    const s = stream(false);
    reportProblems(PROBLEMS, true, s);
    expect(s.out.join('')).toBe(
      'blog-tui: bad.md: YAML front matter is not closed\n' +
        'blog-tui: evil^[[31m.md: binary file second line\n' +
        'blog-tui: dup.md: duplicate slug "x", shown as "x-2"\n',
    );
  });

  it('says nothing when there is nothing to say', () => {
    const s = stream(false);
    reportProblems([], true, s);
    expect(s.out).toEqual([]);
  });
});

describe('indexing progress', () => {
  function run(isTTY: boolean, times: number[]) {
    const s = stream(isTTY);
    let t = 0;
    const progress = progressReporter(s, 500, () => t);
    times.forEach((time, i) => {
      t = time;
      progress.update(i + 1, times.length);
    });
    progress.done();
    return s.out;
  }

  it('shows nothing when indexing is over within half a second', () => {
    expect(run(true, [100, 200, 499])).toEqual([]);
  });

  it('counts files in place on a terminal once indexing takes longer, at most every 100 ms, then clears the line', () => {
    expect(run(true, [100, 600, 650, 720, 900, 901])).toEqual([
      '\rindexing 2/6 files',
      '\rindexing 4/6 files',
      '\rindexing 5/6 files',
      '\rindexing 6/6 files',
      '\r\u001b[K',
    ]);
  });

  it('shows nothing when stderr is not a terminal', () => {
    expect(run(false, [1000, 2000, 3000])).toEqual([]);
  });
});
