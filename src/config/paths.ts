import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';

/**
 * The config file: $BLOG_TUI_CONFIG (a relative path is taken from the current folder), else
 * $XDG_CONFIG_HOME/blog-tui/config.toml (ignored unless absolute, as the XDG spec says), else
 * ~/.config/blog-tui/config.toml.
 */
export function configFilePath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.BLOG_TUI_CONFIG) return resolve(env.BLOG_TUI_CONFIG);
  const xdg = env.XDG_CONFIG_HOME;
  return join(xdg && isAbsolute(xdg) ? xdg : join(env.HOME || homedir(), '.config'), 'blog-tui', 'config.toml');
}

/** `~/…` as the home folder, as a shell would; other paths as they are. */
export function expandHome(path: string, env: NodeJS.ProcessEnv = process.env): string {
  if (path === '~') return env.HOME || homedir();
  if (path.startsWith('~/')) return join(env.HOME || homedir(), path.slice(2));
  return path;
}
