import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import stripAnsi from 'strip-ansi';
import stringWidth from 'string-width';
import { renderMarkdown } from '../../src/render/markdownRenderer.js';
import { splitFrontMatter } from '../../src/content/frontMatter.js';
import { parseIndex } from '../../src/content/postIndex.js';

// Rendered bundled posts at fixed widths, ANSI stripped. After a deliberate change to the
// renderer or a post, regenerate with `npm run golden` and review the diff.
const POSTS = fileURLToPath(new URL('../../posts/', import.meta.url));
const GOLDEN = fileURLToPath(new URL('../golden/', import.meta.url));
const update = process.env.UPDATE_GOLDEN === '1';
const { posts } = parseIndex(readFileSync(`${POSTS}index.json`, 'utf8'));

describe.each(posts.map((p) => [p.slug, p] as const))('golden rendering of %s', (slug, post) => {
  const { body } = splitFrontMatter(readFileSync(`${POSTS}${post.file}`, 'utf8'));
  it.each([60, 100])('matches test/golden/%s at width %i', (width) => {
    const text = renderMarkdown(body, { width, color: true }).lines.map(stripAnsi).join('\n') + '\n';
    const file = `${GOLDEN}${slug}.w${width}.txt`;
    if (update || !existsSync(file)) writeFileSync(file, text);
    expect(text).toBe(readFileSync(file, 'utf8'));
    for (const line of text.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(width);
  });
});

// A post of every construct the renderer knows (lists, raw HTML, entities, footnotes, math,
// anchors, admonitions, long URLs, tables, all heading levels), at 60 and 80 columns.
const FIXTURES = fileURLToPath(new URL('../fixtures/render/', import.meta.url));

describe('golden rendering of test/fixtures/render/every-construct.md', () => {
  const body = readFileSync(`${FIXTURES}every-construct.md`, 'utf8');
  it.each([60, 80])('matches test/golden/every-construct at width %i', (width) => {
    const text = renderMarkdown(body, { width, color: true }).lines.map(stripAnsi).join('\n') + '\n';
    const file = `${GOLDEN}every-construct.w${width}.txt`;
    if (update || !existsSync(file)) writeFileSync(file, text);
    expect(text).toBe(readFileSync(file, 'utf8'));
    for (const line of text.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(width);
    expect(text).not.toMatch(/<\/?[a-z]+[ >]|&[a-z]+;|\[\^|\{#|:::/);
  });
});
