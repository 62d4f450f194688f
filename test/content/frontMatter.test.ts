import { describe, expect, it } from 'vitest';
import { FrontMatterError, postBody, splitFrontMatter } from '../../src/content/frontMatter.js';

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

// Checked with the Debian binaries: hugo 0.111 reads front matter after blank lines, spaces and
// tabs (YAML, TOML and JSON alike); jekyll 4.3 only at the very start of the file, else the
// `---` is a rule and the front matter text a paragraph.
describe('front matter after blank lines', () => {
  it('is read, as Hugo reads it, after blank lines, spaces and tabs', () => {
    expect(splitFrontMatter('\n\n---\ntitle: Late\n---\nBody.\n')).toEqual({ format: 'yaml', data: { title: 'Late' }, body: 'Body.\n' });
    expect(splitFrontMatter(' \n\t\n+++\ntitle = "Toml"\n+++\nBody.\n').data).toEqual({ title: 'Toml' });
    expect(splitFrontMatter('\n\n{"title": "Json"}\nBody.\n').data).toEqual({ title: 'Json' });
    expect(postBody('\r\n\r\n---\ntitle: Late\n---\nBody.\n')).toBe('Body.\n');
  });

  it('is not read after text, and not after blank lines where the site is Jekyll', () => {
    expect(splitFrontMatter('Text first\n---\ntitle: x\n---\n').format).toBe('none');
    const jekyll = splitFrontMatter('\n\n---\ntitle: Late\n---\nBody.\n', true);
    expect(jekyll).toEqual({ format: 'none', data: {}, body: '\n\n---\ntitle: Late\n---\nBody.\n' });
    expect(postBody('\n---\ntitle: Late\n---\nBody.\n', true)).toBe('\n---\ntitle: Late\n---\nBody.\n');
  });
});
