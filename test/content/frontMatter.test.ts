import { describe, expect, it } from 'vitest';
import { FrontMatterError, splitFrontMatter } from '../../src/content/frontMatter.js';

describe('front matter', () => {
  it('reads YAML between --- lines and returns the body after it', () => {
    const post = splitFrontMatter('---\ntitle: "Hello: world"\ntags: [a, b]\n---\n\nBody text.\n');
    expect(post.format).toBe('yaml');
    expect(post.data).toEqual({ title: 'Hello: world', tags: ['a', 'b'] });
    expect(post.body).toBe('\nBody text.\n');
  });

  it('keeps YAML dates as the text written, not as a Date in some time zone', () => {
    expect(splitFrontMatter('---\ndate: 2026-03-03\n---\n').data.date).toBe('2026-03-03');
  });

  it('reads TOML between +++ lines', () => {
    const post = splitFrontMatter('+++\ntitle = "TOML post"\ndraft = true\n+++\nBody');
    expect(post.format).toBe('toml');
    expect(post.data.title).toBe('TOML post');
    expect(post.data.draft).toBe(true);
    expect(post.body).toBe('Body');
  });

  it('reads a leading JSON object', () => {
    const post = splitFrontMatter('{ "title": "JSON {post}", "tags": ["x"] }\nBody');
    expect(post.format).toBe('json');
    expect(post.data).toEqual({ title: 'JSON {post}', tags: ['x'] });
    expect(post.body).toBe('Body');
  });

  it('accepts a byte-order mark and CRLF line endings', () => {
    const post = splitFrontMatter('\ufeff---\r\ntitle: Windows\r\n---\r\nLine one\r\nLine two\r\n');
    expect(post.data.title).toBe('Windows');
    expect(post.body).toBe('Line one\nLine two\n');
  });

  it('treats a file without front matter as all body', () => {
    expect(splitFrontMatter('# Just a heading\n')).toEqual({ format: 'none', data: {}, body: '# Just a heading\n' });
  });

  it('reports YAML that does not parse as a FrontMatterError with one line', () => {
    expect(() => splitFrontMatter('---\ntitle: [unclosed\n---\nBody')).toThrow(FrontMatterError);
    try {
      splitFrontMatter('---\ntitle: [unclosed\n---\nBody');
    } catch (error) {
      expect((error as Error).message).toMatch(/^YAML front matter does not parse: [^\n]+$/);
    }
  });

  it('reports TOML that does not parse and front matter that is never closed', () => {
    expect(() => splitFrontMatter('+++\ntitle = \n+++\n')).toThrow(/TOML front matter does not parse/);
    expect(() => splitFrontMatter('---\ntitle: x\nno end\n')).toThrow(/not closed/);
  });

  it('refuses front matter that is not a mapping', () => {
    expect(() => splitFrontMatter('---\n- a\n- b\n---\n')).toThrow(/not a mapping/);
  });
});

describe('the body the reader shows', () => {
  it('cuts the front matter off without parsing it', async () => {
    const { postBody } = await import('../../src/content/frontMatterFences.js');
    expect(postBody('---\ntitle: [broken\n---\nStill readable.\n')).toBe('Still readable.\n');
    expect(postBody('+++\ntitle = "x"\n+++\nBody')).toBe('Body');
    expect(postBody('\ufeff{"title": "j"}\r\nBody\r\n')).toBe('Body\n');
    expect(postBody('---\nnever closed\n')).toBe('---\nnever closed\n');
  });
});
