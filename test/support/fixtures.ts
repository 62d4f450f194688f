import type { PostEntry } from '../../src/content/postEntry.js';

/** Index entries for tests of the app: titles "Post 1".., newest first. */
export function makePosts(count: number): PostEntry[] {
  return Array.from({ length: count }, (_, i) => {
    const day = String((i % 28) + 1).padStart(2, '0');
    return {
      slug: `post-${i + 1}`,
      title: `Post ${i + 1}`,
      date: `2026-01-${day}`,
      tags: ['test'],
      summary: `Summary of post ${i + 1}.`,
      words: 213 * (i + 1),
      readingMinutes: i + 1,
      file: `post-${i + 1}.md`,
    };
  });
}

/** A Markdown body of `paragraphs` numbered paragraphs. */
export function makeBody(paragraphs: number): string {
  return Array.from({ length: paragraphs }, (_, i) => `Paragraph ${i + 1} ${'text '.repeat(30)}`).join('\n\n');
}
