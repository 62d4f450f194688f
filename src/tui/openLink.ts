import { spawn } from 'node:child_process';

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

/** Starts the browser on a link, detached, and reports the outcome in one line. */
export function openLink(href: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const checked = checkLink(href);
  if ('error' in checked) return Promise.resolve(`Not opened: ${checked.error}`);
  const { command, args } = browserCommand(checked.url, env);
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
