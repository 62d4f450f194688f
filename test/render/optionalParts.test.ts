import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import stripAnsi from 'strip-ansi';
// Only the lazy renderer is imported here: markdownRenderer.ts would load every part.
import { renderMarkdown, renderPost } from '../../src/render/postRender.js';
import { PartNeeded, partLoaded } from '../../src/render/optionalParts.js';
import { splitFrontMatter } from '../../src/content/frontMatter.js';
import { parseIndex } from '../../src/content/postIndex.js';

// The parts of the renderer only some posts need (the HTML reader with the entity decoder, the
// TeX tables) load with the first post that needs them, and a post renders the same either way:
// the golden files were written by the renderer with every part loaded.
const POSTS = fileURLToPath(new URL('../../posts/', import.meta.url));
const GOLDEN = fileURLToPath(new URL('../golden/', import.meta.url));
const FIXTURE = fileURLToPath(new URL('../fixtures/render/every-construct.md', import.meta.url));
const { posts } = parseIndex(readFileSync(`${POSTS}index.json`, 'utf8'));
const bodyOf = (file: string) => splitFrontMatter(readFileSync(`${POSTS}${file}`, 'utf8')).body;
const golden = (name: string, width: number) => readFileSync(`${GOLDEN}${name}.w${width}.txt`, 'utf8');
const text = (lines: string[]) => lines.map(stripAnsi).join('\n') + '\n';

describe('the renderer loads its HTML and TeX parts only for posts that need them', () => {
  it('renders a post of plain Markdown (headings, code with & and <, tables, lists) as the full renderer does, loading neither part', async () => {
    const post = posts.find((p) => p.slug === 'elasticsearch-zero-to-hero')!;
    for (const width of [60, 100]) {
      const rendered = await renderPost(bodyOf(post.file), { width, color: true });
      expect(text(rendered.lines)).toBe(golden(post.slug, width));
    }
    expect(partLoaded('html')).toBe(false);
    expect(partLoaded('math')).toBe(false);
  });

  it('asks for the HTML part when synchronous rendering meets raw HTML, an entity or a heading id it cannot read without it', () => {
    for (const markdown of ['a <kbd>b</kbd>', 'AT&amp;T', '## Title {#here}', '<div>x</div>\n']) {
      expect(() => renderMarkdown(markdown, { width: 40, color: false }), markdown).toThrow(PartNeeded);
    }
    expect(() => renderMarkdown('Inline $\\alpha$ math.', { width: 40, color: false })).toThrow(PartNeeded);
    expect(partLoaded('html')).toBe(false);
  });

  it('loads the parts a post needs and renders it as the full renderer does', async () => {
    const body = readFileSync(FIXTURE, 'utf8');
    for (const width of [60, 80]) {
      const rendered = await renderPost(body, { width, color: true });
      expect(text(rendered.lines)).toBe(golden('every-construct', width));
    }
    expect(partLoaded('html')).toBe(true);
    expect(partLoaded('math')).toBe(true);
  });

  it('renders every bundled post as its golden file once the parts are loaded', async () => {
    for (const post of posts) {
      const rendered = await renderPost(bodyOf(post.file), { width: 60, color: true });
      expect(text(rendered.lines), post.slug).toBe(golden(post.slug, 60));
    }
  });

  it('draws a heading read from its tokens as one read through HTML (a heading with an id)', async () => {
    for (const heading of ['## A **bold** `code` [link](https://example.com/x) *em* ~~del~~', '### Q&amp;A: a < b & "c"', '# Hello_world_ 1\\*2']) {
      const direct = await renderPost(heading, { width: 60, color: true });
      const viaHtml = await renderPost(`${heading} {#anchor}`, { width: 60, color: true });
      expect(direct.lines, heading).toEqual(viaHtml.lines);
      expect(direct.headings.map((h) => h.text), heading).toEqual(viaHtml.headings.map((h) => h.text));
    }
  });

  it('reads an HTML body (a feed post) with the HTML part', async () => {
    const rendered = await renderPost('<p>One &amp; <b>two</b></p>', { width: 40, color: false, html: true });
    expect(rendered.lines).toEqual(['One & two']);
  });
});
