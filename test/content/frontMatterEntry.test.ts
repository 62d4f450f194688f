import { describe, expect, it } from 'vitest';
import { firstHeadingLine, frontMatterEntry, withoutHeadingId } from '../../src/content/frontMatterEntry.js';
import { entryFromSource } from '../../src/content/postEntry.js';
import { plainSite } from '../../src/content/generators/plain.js';

describe("a post's entry from its front matter alone", () => {
  it('has the title, date, tags, draft and URL path of the full entry, and its figures pending', () => {
    const source = '---\ntitle: "Queues, part 2"\ndate: 2024-05-06\ntags: [kafka, ops]\ndraft: true\n---\n\nSome words here.\n';
    const quick = frontMatterEntry(plainSite, source, 'notes/queues-2.md');
    const full = entryFromSource(source, 'notes/queues-2.md');
    expect(quick).toMatchObject({ title: full.title, date: full.date, tags: full.tags, draft: true, url: full.url, slug: full.slug, pending: true, words: 0 });
    expect(full.pending).toBeUndefined();
  });

  it('takes a missing title from the first heading, as the full entry does', () => {
    const source = 'Intro line.\n\n# The real title\n\nText.\n';
    expect(frontMatterEntry(plainSite, source, 'a.md').title).toBe(entryFromSource(source, 'a.md').title);
  });
});

describe('the first heading line', () => {
  it('skips headings inside fenced code, whatever the fence', () => {
    expect(firstHeadingLine('````\n```\n# inside\n```\n````\n# Outside\n')).toBe('Outside');
    expect(firstHeadingLine('~~~\n# inside\n~~~\n\n#   Spaced out   \n')).toBe('Spaced out');
  });

  it('drops closing hashes and a written id, and ignores deeper headings and indented code', () => {
    expect(firstHeadingLine('## Second\n    # code\n# Title ## \n')).toBe('Title');
    expect(firstHeadingLine('# C# in depth\n')).toBe('C# in depth');
    expect(firstHeadingLine('# Anchored {#top}\n')).toBe('Anchored');
    expect(firstHeadingLine('#hashtag\ntext\n')).toBeUndefined();
  });

  it('reads a long line of spaces or an unclosed id in one pass', () => {
    const spaces = ' '.repeat(200_000);
    expect(firstHeadingLine(`# a${spaces}b${spaces}#x\n`)).toBe(`a${spaces}b${spaces}#x`);
    expect(withoutHeadingId(`Title {#${'a'.repeat(200_000)}`)).toBe(`Title {#${'a'.repeat(200_000)}`);
  });
});
