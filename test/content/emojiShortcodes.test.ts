import { describe, expect, it } from 'vitest';
import { buildSiteIndex } from '../../src/content/postIndex.js';
import { loadEmojiNames, replaceEmojiShortcodes } from '../../src/content/emojiShortcodes.js';
import { tempPosts } from '../support/tempPosts.js';

const NOW = Date.UTC(2026, 0, 1);
const names = await loadEmojiNames();

describe('emoji shortcodes', () => {
  it("turns GitHub's shortcodes into emoji in text, list items and headings", () => {
    expect(replaceEmojiShortcodes('-   :package: lintr, :tada:!\n\n## Done :rocket:', names)).toBe('-   📦 lintr, 🎉!\n\n## Done 🚀');
  });

  it('leaves code spans, fenced code, unknown names, times and words with colons alone', () => {
    const text = 'Run `:package:` and ``a :tada: b``; at 10:30:00 see std::vec:: or :not_an_emoji_name: and a:tada:';
    expect(replaceEmojiShortcodes(text, names)).toBe(text);
    const fenced = '```\n:tada:\n```\n:tada:';
    expect(replaceEmojiShortcodes(fenced, names)).toBe('```\n:tada:\n```\n🎉');
  });

  it('never takes a name from the object prototype', () => {
    expect(replaceEmojiShortcodes(':constructor: :toString: :__proto__:', names)).toBe(':constructor: :toString: :__proto__:');
  });
});

describe('the sites that turn shortcodes into emoji', () => {
  const prepared = async (files: Record<string, string>, file: string) => {
    const { site } = await buildSiteIndex(tempPosts(files), { now: NOW });
    return site.prepareBody('Ship it :package:', file);
  };

  it('Hugo with enableEmoji, and not without it', async () => {
    const post = { 'content/posts/a.md': '---\ntitle: A\n---\nx\n' };
    expect(await prepared({ 'hugo.toml': 'enableEmoji = true\n', ...post }, 'content/posts/a.md')).toBe('Ship it 📦');
    expect(await prepared({ 'hugo.toml': 'title = "H"\n', ...post }, 'content/posts/a.md')).toBe('Ship it :package:');
  });

  it('Jekyll with the jemoji plugin', async () => {
    const post = { '_posts/2025-01-02-a.md': '---\ntitle: A\n---\nx\n' };
    expect(await prepared({ '_config.yml': 'plugins:\n  - jemoji\n', ...post }, '_posts/2025-01-02-a.md')).toBe('Ship it 📦');
    expect(await prepared({ '_config.yml': 'title: J\n', ...post }, '_posts/2025-01-02-a.md')).toBe('Ship it :package:');
  });

  it('Zola with render_emoji', async () => {
    const post = { 'content/a.md': '+++\ntitle = "A"\n+++\nx\n' };
    expect(await prepared({ 'config.toml': 'base_url = "https://x.org"\n[markdown]\nrender_emoji = true\n', ...post }, 'content/a.md')).toBe('Ship it 📦');
    expect(await prepared({ 'config.toml': 'base_url = "https://x.org"\n', ...post }, 'content/a.md')).toBe('Ship it :package:');
  });
});
