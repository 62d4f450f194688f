import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// The built command, dist/blog-tui.js, run as users run it (npm test builds it first).
export const BIN = fileURLToPath(new URL('../../dist/blog-tui.js', import.meta.url));

/** The environment without colour settings, plus `extra`. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  delete env.BLOG_TUI_POSTS;
  return { ...env, ...extra };
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
