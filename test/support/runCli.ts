import { spawn, spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A config folder that does not exist: no user's config file changes what a test sees. */
export const NO_CONFIG_HOME = join(tmpdir(), 'blog-tui-test-no-config');

// The built command, dist/blog-tui.js, run as users run it (npm test builds it first).
export const BIN = fileURLToPath(new URL('../../dist/blog-tui.js', import.meta.url));

/** The environment without colour settings or a config file, plus `extra`. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  delete env.BLOG_TUI_POSTS;
  delete env.BLOG_TUI_CONFIG;
  delete env.COLORFGBG;
  return { ...env, XDG_CONFIG_HOME: NO_CONFIG_HOME, ...extra };
}

/** Runs `blog-tui args` with pipes for stdin, stdout and stderr. */
export function runCli(args: string[], extra: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: cleanEnv(extra),
    stdio: ['pipe', 'pipe', 'pipe'],
    timeout: 20_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs `blog-tui args` without blocking this process, so that a server in the test can answer it. */
export function runCliAsync(args: string[], extra: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: cleanEnv(extra), stdio: ['ignore', 'pipe', 'pipe'], timeout: 20_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
