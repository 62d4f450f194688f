import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Lexer, type Token, type Tokens } from 'marked';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../src/content/frontMatter.js';
import { countWords } from '../../src/content/wordCount.js';

/** The five posts the package ships, identified by front matter, with their target word counts. */
const EXPECTED = [
  {
    date: '2026-03-03',
    title:
      'Mastering Python Concurrency: A Practical In-Depth Guide to Multiprocessing and Threading Performance',
    words: 716,
  },
  {
    date: '2026-03-03',
    title: 'Building a Scalable and Resilient URL Shortener: A System Design Deep Dive',
    words: 832,
  },
  { date: '2026-01-07', title: 'Elasticsearch Zero to Hero: A Complete, Practical Guide', words: 2958 },
  {
    date: '2025-12-06',
    title: 'How Batching API Requests Works: Patterns, Protocols, and Practical Implementation',
    words: 2769,
  },
  {
    date: '2025-12-06',
    title: 'CORS From Zero to Hero: A Deep, Practical Tutorial for Web Developers',
    words: 1972,
  },
] as const;

const WORD_TOLERANCE = 0.1;

interface CodeBlock {
  lang: string;
  text: string;
  firstLine: string;
}

interface LoadedPost {
  file: string;
  data: Record<string, unknown>;
  body: string;
  tokens: Token[];
}

const POSTS_DIR = fileURLToPath(new URL('../../posts/', import.meta.url));

function loadPosts(): LoadedPost[] {
  return readdirSync(POSTS_DIR)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((file) => {
      const { data, body } = splitFrontMatter(readFileSync(join(POSTS_DIR, file), 'utf8'));
      return { file, data, body, tokens: new Lexer({ gfm: true }).lex(body) };
    });
}

const posts = loadPosts();

/** Visits every token, descending into inline tokens, list items, table cells and block quotes. */
function walk(tokens: readonly Token[], visit: (token: Token) => void): void {
  for (const token of tokens) {
    visit(token);
    if (token.type === 'table') {
      const table = token as Tokens.Table;
      for (const cell of table.header) walk(cell.tokens, visit);
      for (const row of table.rows) for (const cell of row) walk(cell.tokens, visit);
      continue;
    }
    const nested = token as { tokens?: Token[]; items?: Token[] };
    if (Array.isArray(nested.items)) walk(nested.items, visit);
    if (Array.isArray(nested.tokens)) walk(nested.tokens, visit);
  }
}

function allTokens(post: LoadedPost): Token[] {
  const out: Token[] = [];
  walk(post.tokens, (token) => out.push(token));
  return out;
}

/** Fenced code blocks (not indented ones), with the first word of the info string, lower-cased. */
function fencedCodeBlocks(post: LoadedPost): CodeBlock[] {
  return allTokens(post)
    .filter((token): token is Tokens.Code => token.type === 'code')
    .filter((code) => code.codeBlockStyle !== 'indented')
    .map((code) => ({
      lang: (code.lang ?? '').trim().split(/\s+/)[0]?.toLowerCase() ?? '',
      text: code.text,
      firstLine: code.text.split('\n')[0] ?? '',
    }));
}

function blocksIn(post: LoadedPost, langs: readonly string[]): CodeBlock[] {
  return fencedCodeBlocks(post).filter((block) => langs.includes(block.lang));
}

function countType(post: LoadedPost, type: string): number {
  return allTokens(post).filter((token) => token.type === type).length;
}

function dateString(value: unknown): string {
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
}

function sentences(text: string): string[] {
  return text
    .trim()
    .split(/(?<=[.!?])\s+/)
    .filter((sentence) => sentence.length > 0);
}

function describeBlock(post: LoadedPost, index: number, block: CodeBlock): string {
  return `${post.file}, ${block.lang} block #${index + 1} starting ${JSON.stringify(block.firstLine)}`;
}

function errorOutput(error: unknown): string {
  const e = error as { stderr?: Buffer | string; message?: string };
  const stderr = e.stderr ? String(e.stderr).trim() : '';
  return (stderr || e.message || String(error)).split('\n').slice(0, 6).join('\n');
}

const tempDir = mkdtempSync(join(tmpdir(), 'blog-tui-posts-'));
afterAll(() => rmSync(tempDir, { recursive: true, force: true }));

let tempCounter = 0;
function tempFile(extension: string, contents: string): string {
  const path = join(tempDir, `block-${tempCounter++}${extension}`);
  writeFileSync(path, contents);
  return path;
}

function nodeCheck(path: string): string | undefined {
  try {
    execFileSync(process.execPath, ['--check', path], { stdio: 'pipe' });
    return undefined;
  } catch (error) {
    return errorOutput(error);
  }
}

function python3Available(): boolean {
  try {
    execFileSync('python3', ['--version'], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

describe('bundled posts: front matter', () => {
  it('ships exactly the five expected posts, identified by front matter title and date', () => {
    const actual = posts.map((post) => ({ title: post.data.title, date: dateString(post.data.date) }));
    const expected = EXPECTED.map(({ title, date }) => ({ title, date }));
    const byTitle = (a: { title: unknown }, b: { title: unknown }) =>
      String(a.title).localeCompare(String(b.title));
    expect(actual.sort(byTitle)).toEqual([...expected].sort(byTitle));
  });

  it('keeps each post word count (Hugo-style countWords of the body) within ±10 % of its target', () => {
    const problems: string[] = [];
    for (const target of EXPECTED) {
      const post = posts.find((p) => p.data.title === target.title);
      if (!post) {
        problems.push(`no post titled ${JSON.stringify(target.title)}`);
        continue;
      }
      const words = countWords(post.body);
      const low = Math.ceil(target.words * (1 - WORD_TOLERANCE));
      const high = Math.floor(target.words * (1 + WORD_TOLERANCE));
      if (words < low || words > high) {
        problems.push(`${post.file}: ${words} words, expected ${low}..${high} (target ${target.words})`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('uses exactly the front matter keys title, date, tags and summary (no author)', () => {
    for (const post of posts) {
      expect(Object.keys(post.data).sort(), post.file).toEqual(['date', 'summary', 'tags', 'title']);
      expect(post.data, post.file).not.toHaveProperty('author');
    }
  });

  it('gives every post a non-empty array of non-empty string tags', () => {
    for (const post of posts) {
      const tags = post.data.tags;
      expect(Array.isArray(tags), `${post.file}: tags is not an array`).toBe(true);
      const list = tags as unknown[];
      expect(list.length, `${post.file}: tags is empty`).toBeGreaterThan(0);
      for (const tag of list) {
        expect(typeof tag === 'string' && tag.trim().length > 0, `${post.file}: bad tag ${JSON.stringify(tag)}`).toBe(
          true,
        );
      }
    }
  });

  it('gives every post a non-empty summary of one or two sentences', () => {
    for (const post of posts) {
      const summary = post.data.summary;
      expect(typeof summary, `${post.file}: summary is not a string`).toBe('string');
      const count = sentences(String(summary)).length;
      expect(count, `${post.file}: summary has ${count} sentences: ${String(summary)}`).toBeGreaterThanOrEqual(1);
      expect(count, `${post.file}: summary has ${count} sentences: ${String(summary)}`).toBeLessThanOrEqual(2);
    }
  });
});

describe('bundled posts: structure', () => {
  it('finds all five posts to check', () => {
    expect(posts.map((post) => post.file)).toHaveLength(EXPECTED.length);
  });

  describe.each(posts.map((post) => [post.file, post] as const))('%s', (_file, post) => {
    it('has at least four ## headings', () => {
      const h2 = allTokens(post).filter((t) => t.type === 'heading' && (t as Tokens.Heading).depth === 2);
      expect(h2.length).toBeGreaterThanOrEqual(4);
    });

    it('has at least one table', () => {
      expect(countType(post, 'table')).toBeGreaterThanOrEqual(1);
    });

    it('has at least two fenced code blocks with a language', () => {
      expect(fencedCodeBlocks(post).filter((block) => block.lang !== '').length).toBeGreaterThanOrEqual(2);
    });

    it('has at least one list', () => {
      expect(countType(post, 'list')).toBeGreaterThanOrEqual(1);
    });

    it('links to at least one http(s) URL', () => {
      const links = allTokens(post).filter(
        (t): t is Tokens.Link => t.type === 'link' && /^https?:\/\//i.test((t as Tokens.Link).href),
      );
      expect(links.length).toBeGreaterThanOrEqual(1);
    });
  });

  it('has a block quote in at least three of the five posts', () => {
    const withQuote = posts.filter((post) => countType(post, 'blockquote') > 0).map((post) => post.file);
    expect(withQuote.length, `posts with a block quote: ${withQuote.join(', ') || 'none'}`).toBeGreaterThanOrEqual(3);
  });
});

describe('bundled posts: code examples', () => {
  describe.each(posts.map((post) => [post.file, post] as const))('%s', (_file, post) => {
    it('has only ```json blocks that JSON.parse accepts', () => {
      const failures: string[] = [];
      blocksIn(post, ['json']).forEach((block, index) => {
        try {
          JSON.parse(block.text);
        } catch (error) {
          failures.push(`${describeBlock(post, index, block)}: ${(error as Error).message}`);
        }
      });
      expect(failures).toEqual([]);
    });

    it('has only ```js/```javascript/```mjs blocks that pass node --check (as .mjs, else as .cjs)', () => {
      const failures: string[] = [];
      blocksIn(post, ['js', 'javascript', 'mjs']).forEach((block, index) => {
        const asModule = nodeCheck(tempFile('.mjs', block.text));
        if (asModule === undefined) return;
        const asScript = nodeCheck(tempFile('.cjs', block.text));
        if (asScript === undefined) return;
        failures.push(`${describeBlock(post, index, block)}:\n  as .mjs: ${asModule}\n  as .cjs: ${asScript}`);
      });
      expect(failures).toEqual([]);
    });

    it('has only ```ts/```typescript blocks without syntax errors', () => {
      const failures: string[] = [];
      blocksIn(post, ['ts', 'typescript']).forEach((block, index) => {
        const result = ts.transpileModule(block.text, {
          reportDiagnostics: true,
          fileName: 'block.ts',
          compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
        });
        const messages = (result.diagnostics ?? []).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
        if (messages.length > 0) failures.push(`${describeBlock(post, index, block)}: ${messages.join('; ')}`);
      });
      expect(failures).toEqual([]);
    });

    it('has only ```python blocks that python3 -m py_compile accepts', () => {
      const blocks = blocksIn(post, ['python', 'py', 'python3']);
      if (blocks.length === 0) return;
      if (!python3Available()) {
        console.warn(
          `NOTE: python3 is not installed; ${blocks.length} python block(s) in ${post.file} were NOT compiled.`,
        );
        return;
      }
      const failures: string[] = [];
      blocks.forEach((block, index) => {
        try {
          execFileSync('python3', ['-m', 'py_compile', tempFile('.py', block.text)], { stdio: 'pipe' });
        } catch (error) {
          failures.push(`${describeBlock(post, index, block)}: ${errorOutput(error)}`);
        }
      });
      expect(failures).toEqual([]);
    });
  });
});
