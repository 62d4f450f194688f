// Runs test/support/stateChild.ts as real child processes: bundled once with esbuild (already a
// dev dependency) into a temporary .mjs, then started with this Node.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { afterEach } from 'vitest';

/** Bundles the child script; returns its path and a function that removes it. */
export function buildStateChild(): { script: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'blog-tui-child-'));
  const script = join(dir, 'stateChild.mjs');
  buildSync({
    entryPoints: [fileURLToPath(new URL('./stateChild.ts', import.meta.url))],
    outfile: script,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
  });
  return { script, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface RunningChild {
  process: ChildProcess;
  /** Everything written to stdout so far, line by line. */
  lines: string[];
  stderr: () => string;
  /** Resolves with the first line matching `pattern` (already printed or still to come). */
  waitForLine(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** Resolves with the exit code (or signal) once the process has exited, been reaped and its output read. */
  exited: Promise<number | NodeJS.Signals>;
}

const running = new Set<ChildProcess>();
const stopAll = () => {
  for (const child of running) child.kill('SIGKILL');
};
// A test that fails while a child runs must not leave the child behind.
afterEach(stopAll);
process.on('exit', stopAll);

export function startStateChild(script: string, stateDir: string, args: string[]): RunningChild {
  const child = spawn(process.execPath, [script, ...args], {
    env: { ...process.env, BLOG_TUI_STATE_DIR: stateDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.on('exit', () => running.delete(child));
  const lines: string[] = [];
  let partial = '';
  let stderr = '';
  const waiters = new Set<() => void>();
  let closed = false;
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (partial + chunk).split('\n');
    partial = parts.pop()!;
    lines.push(...parts);
    for (const wake of waiters) wake();
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | NodeJS.Signals>((resolve) => {
    child.on('close', (code, signal) => {
      closed = true;
      resolve(code ?? signal!);
      for (const wake of waiters) wake();
    });
  });

  function waitForLine(pattern: RegExp, timeoutMs = 20_000): Promise<string> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const line = lines.find((l) => pattern.test(l));
        if (line !== undefined) {
          done();
          resolve(line);
        } else if (closed) {
          done();
          reject(new Error(`child exited before printing ${pattern}; stderr: ${stderr}`));
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`no line matching ${pattern} within ${timeoutMs} ms; stderr: ${stderr}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        waiters.delete(check);
      };
      waiters.add(check);
      check();
    });
  }

  return { process: child, lines, stderr: () => stderr, waitForLine, exited };
}
