import type { PostEntry } from '../../src/content/postEntry.js';

const DAY = 24 * 60 * 60 * 1000;
const NEWEST = Date.UTC(2026, 0, 31);

/** Index entries for tests of the app: "Post 1" dated January 31, 2026, each next one a day older. */
export function makePosts(count: number): PostEntry[] {
  return Array.from({ length: count }, (_, i) => {
    return {
      slug: `post-${i + 1}`,
      url: `/post-${i + 1}/`,
      title: `Post ${i + 1}`,
      date: new Date(NEWEST - i * DAY).toISOString().slice(0, 10),
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
