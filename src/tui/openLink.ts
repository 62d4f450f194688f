import { spawn } from 'node:child_process';
import { basename } from 'node:path';

export interface OpenCommand {
  command: string;
  args: string[];
}

const ALLOWED = new Set(['http:', 'https:', 'mailto:']);

/** The URL as it will be handed to the browser, or an error for anything but http, https and mailto. */
export function checkLink(href: string): { url: string } | { error: string } {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return { error: 'not an absolute URL' };
  }
  if (!ALLOWED.has(url.protocol)) return { error: `${url.protocol.replace(':', '')} links are not opened` };
  return { url: url.href };
}

/**
 * The command that opens a URL: the first entry of $BROWSER (a colon-separated list, as
 * sensible-browser reads it; "%s" stands for the URL), else the platform's opener. Split into
 * words here and started without a shell, so nothing in the URL is ever interpreted.
 */
export function browserCommand(url: string, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): OpenCommand {
  const browser = (env.BROWSER ?? '').split(':').map((s) => s.trim()).find(Boolean);
  if (browser) {
    const words = browser.split(/\s+/);
    const hasPlaceholder = words.some((w) => w.includes('%s'));
    const args = words.slice(1).map((w) => w.replaceAll('%s', url));
    return { command: words[0]!, args: hasPlaceholder ? args : [...args, url] };
  }
  if (platform === 'darwin') return { command: 'open', args: [url] };
  if (platform === 'win32') return { command: 'rundll32', args: ['url.dll,FileProtocolHandler', url] };
  return { command: 'xdg-open', args: [url] };
}

/** Browsers that draw in the terminal: they need it, so they run in the foreground. */
const TEXT_BROWSERS = new Set(['w3m', 'lynx', 'links', 'links2', 'elinks', 'browsh', 'carbonyl', 'chawan', 'cha']);

/**
 * Whether a browser command runs in the terminal: a known text browser, or any browser when
 * `textBrowser` says so (BLOG_TUI_TEXT_BROWSER=1, for one this list does not know).
 */
export function isTextBrowser(command: string, textBrowser?: boolean): boolean {
  if (textBrowser !== undefined) return textBrowser;
  return TEXT_BROWSERS.has(basename(command));
}

/** Runs a command on the terminal with the app out of the way, and waits for it. */
export type RunForeground = (command: string, args: string[]) => { status: number | null; error?: string };

export interface OpenOptions {
  env?: NodeJS.ProcessEnv;
  /** Present in the full-screen app: text browsers run through it. */
  runForeground?: RunForeground;
  /** Force the browser to be treated as a text browser, or not (default: by its name). */
  textBrowser?: boolean;
}

/**
 * Opens a link and reports the outcome in one line. A text browser (w3m, lynx, ...) gets the
 * terminal while the app is suspended; a graphical one is started detached.
 */
export function openLink(href: string, options: OpenOptions = {}): Promise<string> {
  const env = options.env ?? process.env;
  const checked = checkLink(href);
  if ('error' in checked) return Promise.resolve(`Not opened: ${checked.error}`);
  const { command, args } = browserCommand(checked.url, env);
  const flag = env.BLOG_TUI_TEXT_BROWSER;
  const textBrowser = options.textBrowser ?? (flag === undefined || flag === '' ? undefined : flag !== '0');
  if (options.runForeground && isTextBrowser(command, textBrowser)) {
    const result = options.runForeground(command, args);
    if (result.error) return Promise.resolve(`Could not start ${command}: ${result.error}`);
    return Promise.resolve(result.status === 0 ? `Back from ${command}` : `${command} exited with status ${result.status ?? 'unknown'}`);
  }
  return new Promise((resolve) => {
    let child;
    try {
      child = spawn(command, args, { stdio: 'ignore', detached: true, shell: false });
    } catch (error) {
      resolve(`Could not start ${command}: ${(error as Error).message}`);
      return;
    }
    child.once('error', (error: NodeJS.ErrnoException) => resolve(`Could not start ${command}: ${error.code ?? error.message}`));
    child.once('spawn', () => {
      child.unref();
      resolve(`Opened ${checked.url}`);
    });
  });
}

/** The editor for `v`: $VISUAL, else $EDITOR, else vi; split into words, run without a shell. */
export function editorCommand(file: string, env: NodeJS.ProcessEnv = process.env): OpenCommand {
  const editor = [env.VISUAL, env.EDITOR].map((e) => e?.trim()).find(Boolean) ?? 'vi';
  const words = editor.split(/\s+/);
  return { command: words[0]!, args: [...words.slice(1), file] };
}
