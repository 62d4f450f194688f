import { describe, expect, it } from 'vitest';
import { renderApp } from '../support/renderApp.js';
import { makeBody, makePosts } from '../support/fixtures.js';
import { HELP_KEYS_WIDTH, withBindings } from '../../src/tui/keymap.js';

describe('the app with settings from the config file', () => {
  it('moves with a key the config file bound, and no longer with the key it replaced', async () => {
    const keymap = withBindings([{ scope: 'list', action: 'down', keys: ['n'] }]);
    const app = renderApp({ posts: makePosts(3), keymap });
    await app.waitForScreen((s) => s.includes('1/3'));
    // The help screen shows once every key before it has been handled.
    await app.press('n', 'j', '?');
    await app.waitForScreen((s) => s.includes('Keys'));
    await app.press('q');
    const screen = await app.waitForScreen((s) => s.includes('/3'));
    expect(screen).toContain('2/3');
    expect(screen).toMatch(/▌ .*Post 2/);
  });

  it('shows the bindings in force in the help and in the footer', async () => {
    const keymap = withBindings([
      { scope: 'list', action: 'help', keys: ['H'] },
      { scope: 'list', action: 'quit', keys: ['x'] },
      { scope: 'list', action: 'down', keys: ['n'] },
    ]);
    const app = renderApp({ posts: makePosts(3), keymap });
    await app.waitForScreen((s) => s.includes('x quit') && s.includes('H help'));
    await app.press('H');
    const screen = await app.waitForScreen((s) => s.includes('Keys'));
    expect(screen).toContain(`${'n'.padEnd(HELP_KEYS_WIDTH)} next post`);
  });

  it('starts in the configured order with the text column no wider than configured', async () => {
    const posts = makePosts(3);
    const app = renderApp({ posts, bodies: { [posts[2]!.slug]: makeBody(5) }, size: { cols: 100, rows: 30 }, start: { sort: 'oldest', maxTextWidth: 40 } });
    await app.waitForScreen((s) => s.includes('oldest first') && /▌ .*Post 3/.test(s));
    await app.press('\r');
    const screen = await app.waitForScreen((s) => s.includes('%'));
    const body = screen.split('\n').slice(3, -1).filter((l) => l.trim() !== '');
    expect(body.length).toBeGreaterThan(0);
    for (const line of body) expect(line.trim().length).toBeLessThanOrEqual(40);
  });
});
