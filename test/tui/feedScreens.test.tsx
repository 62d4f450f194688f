import { render } from 'ink-testing-library';
import { describe, expect, it, vi } from 'vitest';
import { StartScreen, type SourceRow } from '../../src/tui/components/StartView.js';
import { PLAIN_ROLES } from '../../src/render/style.js';
import type { PostEntry } from '../../src/content/postEntry.js';
import type { SourceUpdate } from '../../src/tui/postSource.js';
import { KEYS, renderApp } from '../support/renderApp.js';

const ROWS: SourceRow[] = [
  { name: 'blog-tui', where: 'the bundled posts', posts: 5, unread: 2 },
  { name: 'Julia Evans', where: 'https://jvns.ca/', posts: 390, unread: 390, note: 'fetched 2 h ago' },
  { name: 'https://new.example/', where: 'https://new.example/', note: 'fetching…' },
];

function startScreen(rows = ROWS) {
  const onChoose = vi.fn();
  const onQuit = vi.fn();
  const instance = render(<StartScreen rows={rows} roles={PLAIN_ROLES} onChoose={onChoose} onQuit={onQuit} />);
  Object.defineProperty(instance.stdout, 'columns', { value: 80, configurable: true });
  Object.defineProperty(instance.stdout, 'rows', { value: 24, configurable: true });
  instance.stdout.emit('resize');
  const press = async (key: string) => {
    instance.stdin.write(key);
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { ...instance, onChoose, onQuit, press };
}

describe('the start screen', () => {
  it('lists every source with its unread count, address and fetch time, and the unread total', async () => {
    const app = startScreen();
    await vi.waitFor(() => expect(app.lastFrame()).toMatch(/blog-tui · blogs\s+392 unread/));
    const frame = app.lastFrame()!;
    expect(frame).toContain('▌ blog-tui  ·  2 unread of 5');
    expect(frame).toContain('Julia Evans  ·  390 unread of 390  ·  fetched 2 h ago');
    expect(frame).toContain('https://jvns.ca/');
    expect(frame).toContain('https://new.example/  ·  not fetched yet  ·  fetching…');
    app.unmount();
  });

  it('opens the source chosen with the picker keys, and quits on q or Ctrl-C', async () => {
    const app = startScreen();
    await vi.waitFor(() => expect(app.lastFrame()).toMatch(/392 unread/));
    await app.press(KEYS.down);
    await vi.waitFor(() => expect(app.lastFrame()).toContain('▌ Julia Evans'));
    await app.press('j');
    await app.press('k');
    await app.press(KEYS.enter);
    await vi.waitFor(() => expect(app.onChoose).toHaveBeenCalledWith(1));
    await app.press('q');
    await vi.waitFor(() => expect(app.onQuit).toHaveBeenCalledWith('quit'));
    await app.press(KEYS.ctrlC);
    await vi.waitFor(() => expect(app.onQuit).toHaveBeenCalledWith('interrupt'));
    app.unmount();
  });
});

const feedPost: PostEntry = {
  slug: 'tables',
  url: '/posts/tables/',
  title: 'Tables in feeds',
  date: '2024-03-05T09:30:00+01:00',
  tags: [],
  summary: 'A summary',
  words: 12,
  readingMinutes: 1,
  file: 'https://blog.example/posts/tables/',
  link: 'https://blog.example/posts/tables/',
};

describe('a feed post in the reader', () => {
  it('shows the post\'s address in the header, draws its HTML, and offers its web page first under o', async () => {
    const app = renderApp({
      posts: [feedPost],
      bodyFormat: 'html',
      bodies: { tables: '<p>Some <b>bold</b> text and <a href="https://other.example/">a link</a>.</p><table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table>' },
    });
    await app.press(KEYS.enter);
    const screen = await app.waitForScreen((s) => s.includes('Some bold text'));
    expect(screen).toContain('March 5, 2024 · 1 min · 12 words · https://blog.example/posts/tables/');
    expect(screen).toMatch(/│ A\s+│ B\s+│/);
    expect(screen).not.toContain('<b>');
    await app.press('o');
    const links = await app.waitForScreen((s) => s.includes('Links'));
    expect(links).toMatch(/1\. the post's web page {2}https:\/\/blog\.example\/posts\/tables\//);
    expect(links).toMatch(/2\. a link {2}https:\/\/other\.example\//);
    await app.press(KEYS.enter);
    await vi.waitFor(() => expect(app.opened).toEqual(['https://blog.example/posts/tables/']));
  });

  it('marks the figures of a post whose text is not known yet', async () => {
    const app = renderApp({ posts: [{ ...feedPost, pending: true, words: 0, readingMinutes: 0 }], bodyFormat: 'html', bodies: { tables: '<p>summary</p>' } });
    const screen = await app.waitForScreen((s) => s.includes('Tables in feeds'));
    expect(screen).toContain('March 5, 2024 · ? min · ? words');
  });
});

describe('when a feed\'s copy was fetched, in the list and reader headers', () => {
  const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();
  const newer: PostEntry = { ...feedPost, slug: 'newer', url: '/posts/newer/', title: 'A newer post', date: '2024-04-01T10:00:00+00:00', link: 'https://blog.example/posts/newer/' };
  const bodies = { tables: '<p>Some text of the post.</p>', newer: '<p>The newer text.</p>' };
  const fetching = () => {
    let hand: ((update: SourceUpdate) => void) | undefined;
    const app = renderApp({
      posts: [feedPost],
      bodyFormat: 'html',
      bodies,
      feed: { fetchedAt: hoursAgo(3), refresh: () => new Promise(() => undefined) },
      postsUpdates: (listener) => ((hand = listener), () => undefined),
    });
    return { app, answer: (update: SourceUpdate) => hand!(update) };
  };

  it('says the cached copy is being fetched, then shows the new posts in place and when they were fetched', async () => {
    const { app, answer } = fetching();
    const cached = await app.waitForScreen((s) => s.includes('Tables in feeds'));
    expect(cached).toMatch(/^ Test blog · fetched 3 h ago · checking…\s+1 post/m);
    answer({ posts: [newer, feedPost], fetchedAt: new Date().toISOString() });
    const fresh = await app.waitForScreen((s) => s.includes('A newer post'));
    expect(fresh).toMatch(/^ Test blog · fetched just now\s+2 posts/m);
    // The post selected stays selected. Confirmed by this run: the reader's header gives the figures and the address only.
    await app.press(KEYS.enter);
    const reader = await app.waitForScreen((s) => s.includes('Some text of the post'));
    expect(reader).toContain('March 5, 2024 · 1 min · 12 words · https://blog.example/posts/tables/');
    expect(reader).not.toContain('fetched');
  });

  it('offline, says so with the copy\'s age in the list, the reader and the footer', async () => {
    const { app, answer } = fetching();
    await app.waitForScreen((s) => s.includes('checking…'));
    answer({ fetchedAt: hoursAgo(3), offline: 'cannot reach https://blog.example/index.xml: the host name is not known (no network?)' });
    const list = await app.waitForScreen((s) => s.includes('offline'));
    expect(list).toMatch(/^ Test blog · offline, fetched 3 h ago\s+1 post/m);
    expect(list).toContain('Showing the copy fetched 3 h ago: cannot reach https://blog.example/index.xml');
    await app.press(KEYS.enter);
    const reader = await app.waitForScreen((s) => s.includes('Some text of the post'));
    // The note comes before the address, which is cut at the text's width.
    expect(reader).toContain('March 5, 2024 · 1 min · 12 words · offline, fetched 3 h ago · https://blog');
  });

  it('gives the age of a copy read from the cache without a request (read SLUG)', async () => {
    const app = renderApp({ posts: [feedPost], bodyFormat: 'html', bodies, feed: { fetchedAt: hoursAgo(50) }, standaloneIndex: 0 });
    const reader = await app.waitForScreen((s) => s.includes('Some text of the post'));
    expect(reader).toContain('March 5, 2024 · 1 min · 12 words · fetched 2 days ago · https://blog');
  });
});
