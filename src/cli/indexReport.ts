import { sanitizeLine } from '../content/sanitize.js';
import type { IndexProblem } from '../content/postIndex.js';

/** Where reports go: stderr, or a stand-in in tests. */
export interface ReportStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

/**
 * process.stderr, made only once something asks for it: on a terminal or a pipe it is a stream
 * that loads node:tty or node:net, which a run that reports nothing does without.
 */
export const STANDARD_ERROR: ReportStream = {
  get isTTY() {
    return process.stderr.isTTY;
  },
  write: (text) => process.stderr.write(text),
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Problems found while indexing: one summary line, or with `verbose` one line a file with its
 * reason. File names and reasons come from the folder, so they are sanitized.
 */
export function reportProblems(problems: readonly IndexProblem[], verbose: boolean, stream: ReportStream): void {
  if (problems.length === 0) return;
  if (verbose) {
    for (const p of problems) stream.write(`blog-tui: ${sanitizeLine(p.file)}: ${sanitizeLine(p.reason)}\n`);
    return;
  }
  const skipped = problems.filter((p) => p.severity === 'skipped').length;
  const warnings = problems.length - skipped;
  const parts = [
    ...(skipped ? [`${plural(skipped, 'file')} could not be used`] : []),
    ...(warnings ? [plural(warnings, 'warning')] : []),
  ];
  stream.write(`blog-tui: ${parts.join(', ')} (--verbose lists them)\n`);
}

export interface Progress {
  update(done: number, total: number): void;
  /** Clears the progress line, if one was shown. */
  done(): void;
}

/**
 * "indexing 1200/5000 files" on a terminal, rewritten in place, once indexing has taken longer
 * than `delayMs`; nothing when the stream is not a terminal.
 */
export function progressReporter(stream: ReportStream, delayMs = 500, now: () => number = () => performance.now(), label = (done: number, total: number) => `indexing ${done}/${total} files`): Progress {
  const start = now();
  let shownAt: number | undefined;
  return {
    update(done, total) {
      if (!stream.isTTY) return;
      const t = now();
      if (t - start < delayMs) return;
      if (shownAt !== undefined && t - shownAt < 100 && done < total) return;
      stream.write(`\r${label(done, total)}`);
      shownAt = t;
    },
    done() {
      if (shownAt !== undefined) stream.write('\r\u001b[K');
      shownAt = undefined;
    },
  };
}
