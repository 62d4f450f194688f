import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderApp, KEYS } from '../support/renderApp.js';
import { makePosts } from '../support/fixtures.js';
import { openLink } from '../../src/tui/openLink.js';

const posts = makePosts(4);
const bodies: Record<string, string> = {
  'post-1': '## Intro\n\nNothing special here.\n\n## Details\n\nStill nothing.',
  'post-2': [
    '## Start',
    'The word zebra appears here first.',
    ...Array.from({ length: 30 }, (_, i) => `Filler paragraph ${i + 1} with enough words to take a line or two.`),
    '## Middle part',
    'A zebra again, in the middle.',
    ...Array.from({ length: 30 }, (_, i) => `More filler ${i + 1} to push the end down the page.`),
    '## The end',
    'Last zebra. See [the spec](https://example.com/spec?a=1&b=2) and [mail](mailto:team@example.com).',
  ].join('\n\n'),
  'post-3': 'This body mentions a quagga, an extinct zebra relative.',
  'post-4': 'Plain text.',
};

const dirs: string[] = [];
afterEach(() => {
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});

describe('finding a post', () => {
  it('finds a post by a word that is only in its body and opens it', async () => {
    const app = renderApp({ posts, bodies });
    await app.waitForScreen((s) => s.includes('1/4'));
    await app.press('/', 'q', 'u', 'a', 'g', 'g', 'a');
    const found = await app.waitForScreen((s) => s.includes('1 of 4 posts') || s.includes('“'));
    await app.waitForScreen((s) => s.includes('“This body mentions a quagga'));
    expect(found).toContain('/quagga');
    await app.press(KEYS.enter);
    await app.waitForScreen((s) => s.includes('/quagga') && s.includes('1/1'));
    await app.press(KEYS.enter);
    await app.waitForScreen((s) => s.includes('extinct zebra relative') && s.includes('%'));
  });

  it('clears the filter with Esc and shows every post again', async () => {
    const app = renderApp({ posts, bodies });
    await app.press('/', 'x', 'y', 'z', 'z', 'y');
    await app.waitForScreen((s) => s.includes('No post matches'));
    await app.press(KEYS.escape);
    await app.waitForScreen((s) => s.includes('1/4') && s.includes('4 posts'));
  });
});

describe('inside a post', () => {
  it('searches the post and steps through the matches', async () => {
    const app = renderApp({ posts, bodies, size: { cols: 80, rows: 20 } });
    await app.press('j', KEYS.enter);
    await app.waitForScreen((s) => s.includes('Start'));
    await app.press('/', 'z', 'e', 'b', 'r', 'a');
    await app.waitForScreen((s) => s.includes('3 matches'));
    await app.press(KEYS.enter);
    await app.waitForScreen((s) => s.includes('match 1 of 3'));
    await app.press('n');
    const second = await app.waitForScreen((s) => s.includes('match 2 of 3'));
    expect(second).toContain('A zebra again, in the middle.');
    await app.press('n', 'n');
    await app.waitForScreen((s) => s.includes('match 1 of 3') && s.includes('wrapped to the top'));
    await app.press('N');
    await app.waitForScreen((s) => s.includes('match 3 of 3') && s.includes('Last zebra'));
    await app.press(KEYS.escape);
    await app.waitForScreen((s) => !s.includes('match 3 of 3') && s.includes('%'));
  });

  it('jumps through the table of contents and by heading', async () => {
    const app = renderApp({ posts, bodies, size: { cols: 80, rows: 20 } });
    await app.press('j', KEYS.enter);
    await app.waitForScreen((s) => s.includes('Start'));
    await app.press('t');
    const toc = await app.waitForScreen((s) => s.includes('Contents'));
    expect(toc).toMatch(/Start[\s\S]*Middle part[\s\S]*The end/);
    await app.press('j', 'j', KEYS.enter);
    await app.waitForScreen((s) => s.includes('Last zebra') && !s.includes('Contents'));
    await app.press('[');
    await app.waitForScreen((s) => /─\n\s*Middle part/.test(s));
    await app.press('[');
    await app.waitForScreen((s) => /─\n\s*Start/.test(s));
    await app.press(']');
    await app.waitForScreen((s) => /─\n\s*Middle part/.test(s));
    // The last heading is on the last screen: the reader stops at the end of the post.
    await app.press(']');
    await app.waitForScreen((s) => s.includes('The end') && s.includes('100%'));
  });

  it('opens a chosen link with the browser command, given exactly the URL', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'blog-tui-browser-'));
    dirs.push(dir);
    const record = join(dir, 'args.json');
    const script = join(dir, 'fake-browser.mjs');
    writeFileSync(script, `import { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(record)}, JSON.stringify(process.argv.slice(2)));\n`);
    const app = renderApp({ posts, bodies, open: (href) => openLink(href, { env: { BROWSER: `${process.execPath} ${script}` } }) });
    await app.press('j', KEYS.enter);
    await app.waitForScreen((s) => s.includes('Start'));
    await app.press('o');
    const links = await app.waitForScreen((s) => s.includes('Links'));
    expect(links).toContain('1. the spec  https://example.com/spec?a=1&b=2');
    expect(links).toContain('2. mail  mailto:team@example.com');
    await app.press(KEYS.enter);
    await app.waitForScreen((s) => s.includes('Opened https://example.com/spec?a=1&b=2'));
    await vi.waitFor(() => expect(existsSync(record)).toBe(true));
    await vi.waitFor(() => expect(JSON.parse(readFileSync(record, 'utf8'))).toEqual(['https://example.com/spec?a=1&b=2']));
  });

  it('goes to the next and previous post without the list', async () => {
    const app = renderApp({ posts, bodies });
    await app.press(KEYS.enter);
    await app.waitForScreen((s) => s.includes('Nothing special here'));
    await app.press('J');
    await app.waitForScreen((s) => s.includes('The word zebra appears here first'));
    await app.press('J');
    await app.waitForScreen((s) => s.includes('extinct zebra relative'));
    await app.press('K', 'K');
    await app.waitForScreen((s) => s.includes('Nothing special here'));
    await app.press('K');
    await app.waitForScreen((s) => s.includes('This is the first post'));
    await app.press('q');
    await app.waitForScreen((s) => s.includes('1/4'));
  });

  it('marks progress in the list: unread, how far, read and bookmarked', async () => {
    const app = renderApp({ posts, bodies, size: { cols: 80, rows: 30 } });
    await app.waitForScreen((s) => s.includes('1/4'));
    expect(app.screen().match(/●/g)).toHaveLength(4);
    await app.press('j', KEYS.enter);
    await app.waitForScreen((s) => s.includes('Start'));
    await app.press('*', 'q');
    const partly = await app.waitForScreen((s) => s.includes('2/4'));
    expect(partly).toMatch(/\d+%★ Post 2/);
    await app.press('k', KEYS.enter);
    await app.waitForScreen((s) => s.includes('Nothing special'));
    await app.press('q');
    const read = await app.waitForScreen((s) => s.includes('1/4'));
    expect(read).toMatch(/✓  Post 1/);
  });
});

describe('opening links safely', () => {
  it('refuses anything but http, https and mailto', async () => {
    expect(await openLink('javascript:alert(1)', { env: { BROWSER: 'true' } })).toBe('Not opened: javascript links are not opened');
    expect(await openLink('file:///etc/passwd', { env: { BROWSER: 'true' } })).toBe('Not opened: file links are not opened');
    expect(await openLink('relative/path', { env: { BROWSER: 'true' } })).toBe('Not opened: not an absolute URL');
  });

  it('reports a browser command that does not exist', async () => {
    expect(await openLink('https://example.com/', { env: { BROWSER: 'no-such-browser-command' } })).toBe('Could not start no-such-browser-command: ENOENT');
  });
});
