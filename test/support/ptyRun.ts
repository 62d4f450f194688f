// Typed wrapper around test/support/pty_run.py: runs a command on a pseudo-terminal, drives it
// with scripted steps and reports its output, exit status and the terminal modes it left.
// See the docstring of pty_run.py for the exact semantics of every step.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { NO_CONFIG_HOME } from './runCli.js';

/** The built `blog-tui` command (run `node src/build/bundle.mjs` when dist/ is missing). */
export const BIN = fileURLToPath(new URL('../../dist/blog-tui.js', import.meta.url));
/** The Python harness. */
export const PTY_RUN = fileURLToPath(new URL('./pty_run.py', import.meta.url));

/** argv that runs the built blog-tui with this Node. */
export function blogTui(...args: string[]): string[] {
  return [process.execPath, BIN, ...args];
}

export type TermiosFlag = 'icanon' | 'echo' | 'isig' | 'icrnl' | 'opost';
export type TermiosFlags = Record<TermiosFlag, boolean>;

/** Where a wait starts searching: after the previous wait's match (default), anywhere, only
 *  in output that arrives after the wait starts, or after a mark (set it before the send). */
export type WaitFrom = 'previous' | 'start' | 'now' | `mark:${string}`;

export type PtyStep =
  | { wait: string; from?: WaitFrom; timeout?: number }
  /** Python `re` pattern matched against the raw bytes (escape sequences included). */
  | { waitRegex: string; from?: WaitFrom; timeout?: number }
  /** Poll the terminal modes until they match, e.g. `{ icanon: false }` = raw mode is on. */
  | { waitTermios: Partial<TermiosFlags>; timeout?: number }
  /** Written UTF-8 encoded: '\r' is Enter, '\u0003' Ctrl-C, '\u001b[B' down. */
  /** Wait until the command is stopped (true) or running again (false). */
  | { waitStopped: boolean; timeout?: number }
  /** Wait until a file exists (`exists` true, the default) or is gone. */
  | { waitFile: string; exists?: boolean; timeout?: number }
  | { send: string }
  | { signal: NodeJS.Signals | number; group?: boolean }
  /** TIOCSWINSZ then SIGWINCH (`sigwinch: false` leaves only the kernel's own SIGWINCH). */
  | { resize: [cols: number, rows: number]; sigwinch?: boolean }
  | { sleep: number }
  | { mark: string };

export interface PtySpec {
  argv: string[];
  cols?: number;
  rows?: number;
  /** Merged over the environment; null removes a variable. */
  env?: Record<string, string | null>;
  /** Answer DA1 as a terminal does (default); false plays a terminal that answers nothing. */
  answerQueries?: boolean;
  cwd?: string;
  steps?: PtyStep[];
  /** Overall budget in seconds for the whole run (default 10). */
  timeout?: number;
}

export interface PtyResult {
  /** Exit status when the command exited normally, else null. */
  exitCode: number | null;
  /** Name of the signal that terminated the command ('SIGTERM'), else null. */
  signal: NodeJS.Signals | null;
  /** Everything the command wrote to the terminal (UTF-8, invalid bytes replaced). */
  output: string;
  /** The terminal modes after the command exited (null if they could not be read). */
  termios: TermiosFlags | null;
  /** A wait or the exit took longer than allowed; the command was killed with SIGKILL. */
  timedOut: boolean;
  /** Why the run stopped early, if it did. */
  error: string | null;
  /** Seconds since start, by mark name. */
  marks: Record<string, number>;
  /** Index into `output` at each mark. */
  markOffsets: Record<string, number>;
  /** Seconds since start when each waited-for text appeared ("text", "text#2", ...). */
  waits: Record<string, number>;
  /** Index into `output` just after each wait's match. */
  waitOffsets: Record<string, number>;
  elapsed: number;
  pid: number;
  /** The terminal reached EOF (every copy of the slave side was closed). */
  outputEof: boolean;
}

/**
 * Environment defaults for every run: Ink renders differently when it thinks it runs in CI
 * (is-in-ci looks at CI and CONTINUOUS_INTEGRATION), so these are removed unless the spec
 * sets them.
 */
const DEFAULT_ENV: Record<string, string | null> = { CI: null, CONTINUOUS_INTEGRATION: null, BLOG_TUI_CONFIG: null, XDG_CONFIG_HOME: NO_CONFIG_HOME };

/** Runs the spec through pty_run.py. Rejects only when the harness itself fails. */
export function runInPty(spec: PtySpec): Promise<PtyResult> {
  const full: PtySpec = { cols: 80, rows: 24, timeout: 10, ...spec, env: { ...DEFAULT_ENV, ...spec.env } };
  const python = process.env.PYTHON ?? 'python3';
  return new Promise((resolve, reject) => {
    const child = spawn(python, [PTY_RUN], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    // The harness enforces its own budget; this only guards against the harness hanging.
    const guard = setTimeout(() => child.kill('SIGTERM'), ((full.timeout ?? 10) + 15) * 1000);
    child.on('error', (error) => {
      clearTimeout(guard);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(guard);
      try {
        const result = JSON.parse(stdout) as PtyResult;
        if (code !== 0) throw new Error(result.error ?? `exit ${code}`);
        resolve(result);
      } catch (error) {
        reject(
          new Error(
            `pty_run.py failed (exit ${code ?? signal}): ${(error as Error).message}\n${stderr}\n${stdout.slice(0, 2000)}`,
          ),
        );
      }
    });
    child.stdin.end(JSON.stringify(full));
  });
}

const ESC = '\u001b';
/** Ink wraps each frame in a synchronized update (DEC mode 2026) on a terminal. */
const FRAME_BEGIN = `${ESC}[?2026h`;
const FRAME_END = `${ESC}[?2026l`;
const CSI = /\u001b\[[0-9;?]*[A-Za-z]|\u001b\][^\u0007]*\u0007/g;

/** The visible lines of each frame Ink drew, in order, with the output index where it began. */
export function frames(output: string): { start: number; lines: string[] }[] {
  const result: { start: number; lines: string[] }[] = [];
  let start = output.indexOf(FRAME_BEGIN);
  while (start >= 0) {
    const next = output.indexOf(FRAME_BEGIN, start + FRAME_BEGIN.length);
    let body = output.slice(start + FRAME_BEGIN.length, next < 0 ? undefined : next);
    const end = body.indexOf(FRAME_END);
    if (end >= 0) body = body.slice(0, end);
    // A frame first erases the previous one (…ESC[2K ESC[G, or ESC[2J ESC[H): keep what follows.
    const origin = Math.max(body.lastIndexOf(`${ESC}[G`), body.lastIndexOf(`${ESC}[H`));
    if (origin >= 0) body = body.slice(origin);
    const lines = body.replace(CSI, '').split(/\r?\n/);
    while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop();
    if (lines.length > 0) result.push({ start, lines });
    start = next;
  }
  return result;
}
