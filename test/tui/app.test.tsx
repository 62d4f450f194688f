import { describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import { renderApp, KEYS } from '../support/renderApp.js';
import { makeBody, makePosts } from '../support/fixtures.js';

const bodiesFor = (count: number, paragraphs = 40) =>
  Object.fromEntries(makePosts(count).map((p) => [p.slug, makeBody(paragraphs)]));

describe('the post list', () => {
  it('shows each post with its date, reading time and word count, and the post count', async () => {
    const app = renderApp({ posts: makePosts(3) });
    const screen = await app.waitForScreen((s) => s.includes('Post 1'));
    expect(screen).toContain('Test blog');
    expect(screen).toContain('3 posts');
    expect(screen).toContain('January 31, 2026 · 1 min · 213 words');
    expect(screen).toContain('January 29, 2026 · 3 min · 639 words');
    expect(screen).toContain('Summary of post 2.');
    expect(screen).toMatch(/q quit/);
  });

  it('moves the selection with j and k and shows the position', async () => {
    const app = renderApp({ posts: makePosts(3) });
    await app.waitForScreen((s) => s.includes('1/3'));
    await app.press('j', 'j');
    await app.waitForScreen((s) => s.includes('3/3'));
    await app.press('k');
    const screen = await app.waitForScreen((s) => s.includes('2/3'));
    expect(screen).toMatch(/▌ .*Post 2/);
  });

  it('renders only the posts that fit, even for 10,000 posts', async () => {
    const app = renderApp({ posts: makePosts(10_000), size: { cols: 80, rows: 24 } });
    await app.waitForScreen((s) => s.includes('1/10000'));
    await app.press('G');
    const screen = await app.waitForScreen((s) => s.includes('10000/10000'));
    expect(screen).toContain('Post 10000');
    expect(screen).not.toContain('Post 1 ');
    expect(screen.split('\n').length).toBeLessThanOrEqual(23);
  });

  it('pages with space and b, and jumps with g', async () => {
    const app = renderApp({ posts: makePosts(40) });
    await app.waitForScreen((s) => s.includes('1/40'));
    await app.press(' ');
    const paged = await app.waitForScreen((s) => !s.includes('1/40'));
    const position = Number(/(\d+)\/40/.exec(paged)![1]);
    expect(position).toBeGreaterThan(2);
    await app.press('b');
    await app.waitForScreen((s) => s.includes('1/40'));
    await app.press(KEYS.end);
    await app.waitForScreen((s) => s.includes('40/40'));
    await app.press('g');
    await app.waitForScreen((s) => s.includes('1/40'));
  });

  it('never draws more rows than the terminal has minus one, nor wider lines', async () => {
    const app = renderApp({ posts: makePosts(30), size: { cols: 50, rows: 15 } });
    const screen = await app.waitForScreen((s) => s.includes('1/30'));
    const lines = screen.split('\n');
    expect(lines.length).toBeLessThanOrEqual(14);
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(50);
  });

  it('says the terminal is too small instead of drawing a broken layout', async () => {
    const app = renderApp({ posts: makePosts(3), size: { cols: 15, rows: 4 } });
    await app.waitForScreen((s) => s.trim() === 'Too small');
    app.setSize({ cols: 60, rows: 5 });
    await app.waitForScreen((s) => s.trim() === 'Terminal too small: 60x5, blog-tui needs 20x6');
    app.setSize({ cols: 60, rows: 20 });
    await app.waitForScreen((s) => s.includes('1/3'));
  });
});

describe('the reader', () => {
  it('opens the selected post with Enter and shows its header and the percentage read', async () => {
    const app = renderApp({ posts: makePosts(3), bodies: bodiesFor(3) });
    await app.waitForScreen((s) => s.includes('1/3'));
    await app.press('j', KEYS.enter);
    const screen = await app.waitForScreen((s) => s.includes('Paragraph 1'));
    expect(screen).toContain('Post 2');
    expect(screen).toContain('January 30, 2026 · 2 min · 426 words');
    expect(screen).toMatch(/\d+%/);
  });

  it('opens with l and the right arrow too', async () => {
    const app = renderApp({ posts: makePosts(2), bodies: bodiesFor(2) });
    await app.waitForScreen((s) => s.includes('1/2'));
    await app.press('l');
    await app.waitForScreen((s) => s.includes('Paragraph 1'));
    await app.press('h');
    await app.waitForScreen((s) => s.includes('1/2'));
    await app.press(KEYS.right);
    await app.waitForScreen((s) => s.includes('Paragraph 1'));
  });

  it('pages forward and back, and the percentage follows', async () => {
    const app = renderApp({ posts: makePosts(1), bodies: bodiesFor(1) });
    await app.press(KEYS.enter);
    const first = await app.waitForScreen((s) => s.includes('Paragraph 1'));
    const startPercent = Number(/(\d+)%/.exec(first)![1]);
    await app.press(' ');
    const paged = await app.waitForScreen((s) => !s.includes('Paragraph 1 '));
    expect(Number(/(\d+)%/.exec(paged)![1])).toBeGreaterThan(startPercent);
    await app.press('G');
    await app.waitForScreen((s) => s.includes('100%') && s.includes('Paragraph 40'));
    await app.press('g');
    await app.waitForScreen((s) => s.includes('Paragraph 1 ') && s.includes(`${startPercent}%`));
    await app.press('d');
    await app.waitForScreen((s) => !s.includes(`${startPercent}%`));
    await app.press('u');
    await app.waitForScreen((s) => s.includes(`${startPercent}%`));
  });

  it('goes back to the list with the same post selected, by Esc, q, h and left', async () => {
    const app = renderApp({ posts: makePosts(5), bodies: bodiesFor(5) });
    await app.waitForScreen((s) => s.includes('1/5'));
    for (const back of [KEYS.escape, 'q', 'h', KEYS.left]) {
      await app.press('j', KEYS.enter);
      await app.waitForScreen((s) => s.includes('Paragraph 1'));
      await app.press(back);
      await app.waitForScreen((s) => s.includes('/5') && !s.includes('Paragraph 1'));
    }
    expect(app.screen()).toContain('5/5');
    expect(app.onExit).not.toHaveBeenCalled();
  });

  it('says so when a post cannot be read, and stays usable', async () => {
    const app = renderApp({ posts: makePosts(2), bodies: {} });
    await app.press(KEYS.enter);
    await app.waitForScreen((s) => s.includes('This post cannot be shown: ENOENT'));
    await app.press('q');
    await app.waitForScreen((s) => s.includes('1/2'));
  });

  it('keeps the same paragraph at the top when the terminal is resized', async () => {
    const app = renderApp({ posts: makePosts(1), bodies: bodiesFor(1, 60), size: { cols: 80, rows: 24 } });
    await app.press(KEYS.enter);
    await app.waitForScreen((s) => s.includes('Paragraph 1'));
    await app.press(' ', ' ', ' ');
    const before = await app.waitForScreen((s) => !s.includes('Paragraph 1 '));
    const topParagraph = (screen: string) => {
      const body = screen.split('─'.repeat(10))[1] ?? '';
      return /Paragraph (\d+)/.exec(body)?.[1];
    };
    const paragraph = topParagraph(before);
    app.setSize({ cols: 120, rows: 30 });
    const wide = await app.waitForScreen((s) => s.split('\n').some((l) => l.length > 90));
    expect(topParagraph(wide)).toBe(paragraph);
    app.setSize({ cols: 50, rows: 20 });
    const narrow = await app.waitForScreen((s) => s.split('\n').every((l) => stringWidth(l) <= 50) && s.includes('%'));
    expect(topParagraph(narrow)).toBe(paragraph);
  });

  it('quits instead of going back when opened by `read <slug>`', async () => {
    const app = renderApp({ posts: makePosts(3), bodies: bodiesFor(3), standaloneIndex: 2 });
    const screen = await app.waitForScreen((s) => s.includes('Post 3') && s.includes('Paragraph 1'));
    // The footer says what Esc does here: it quits.
    expect(screen).toContain('Esc quit');
    expect(screen).not.toContain('Esc back');
    await app.press('q');
    await expect.poll(() => app.onExit.mock.calls).toEqual([['quit']]);
  });
});

describe('help and quitting', () => {
  it('shows every key of the keymap on ? and closes again', async () => {
    const app = renderApp({ posts: makePosts(2), size: { cols: 80, rows: 160 } });
    await app.waitForScreen((s) => s.includes('1/2'));
    await app.press('?');
    const help = await app.waitForScreen((s) => s.includes('Keys'));
    expect(help).toContain('Post list');
    expect(help).toContain('Reader');
    expect(help).toMatch(/d Ctrl-D\s+down half a page/);
    expect(help).toMatch(/Esc q h ←\s+clear the search, else back to the list/);
    await app.press(KEYS.escape);
    await app.waitForScreen((s) => s.includes('1/2'));
  });

  it('quits with q from the list and with Ctrl-C from the reader', async () => {
    const list = renderApp({ posts: makePosts(2), bodies: bodiesFor(2) });
    await list.waitForScreen((s) => s.includes('1/2'));
    await list.press('q');
    await expect.poll(() => list.onExit.mock.calls).toEqual([['quit']]);

    const reader = renderApp({ posts: makePosts(2), bodies: bodiesFor(2) });
    await reader.press(KEYS.enter);
    await reader.waitForScreen((s) => s.includes('Paragraph 1'));
    await reader.press(KEYS.ctrlC);
    await expect.poll(() => reader.onExit.mock.calls).toEqual([['interrupt']]);
  });

  it('acts on every key of a burst that arrives in one read', async () => {
    const app = renderApp({ posts: makePosts(5), bodies: bodiesFor(5) });
    await app.waitForScreen((s) => s.includes('1/5'));
    app.stdin.write('jjj\r');
    await app.waitForScreen((s) => s.includes('Post 4') && s.includes('Paragraph 1'));
  });
});
