import type { MarkedOptions, Token, Tokens } from 'marked';
import { BoundedLexer } from './boundedLexer.js';

/**
 * A Markdown document lexed into blocks, each inline run (a paragraph's, a heading's, a table
 * cell's) left as its source: a token `{ type: 'inlineSource', raw }` alone in the block's
 * `tokens` (after a task item's checkbox). The word count reads most runs without marked's inline lexer
 * (content/inlineWordScan.ts) and asks `inline` for the others; `resolved` gives the tokens
 * marked itself makes of the whole document.
 */
export interface DeferredDocument {
  tokens: Token[];
  /** The post defines reference links (`[name]: /address`), which inline runs may use. */
  definesLinks: boolean;
  /** marked's inline tokens of one run, read with the document's link definitions. */
  inline(src: string): Token[];
  /** The tokens with every inline run lexed: what `lexBounded` makes of the document. */
  resolved(): Token[];
}

export const INLINE_SOURCE = 'inlineSource';

/** The token a deferred inline run leaves; `lexed` keeps marked's tokens of it once asked for. */
export interface InlineSource {
  type: typeof INLINE_SOURCE;
  raw: string;
  lexed?: Token[];
}

class DeferringLexer extends BoundedLexer {
  defer = true;

  override inlineTokens(src: string, tokens: Token[] = []): Token[] {
    if (!this.defer) return super.inlineTokens(src, tokens);
    tokens.push({ type: INLINE_SOURCE, raw: src } as InlineSource as unknown as Token);
    return tokens;
  }

  /** An inline run lexed as `lex` would have lexed it, after every block was read. */
  lexRun(src: string): Token[] {
    this.defer = false;
    this.state.inRawBlock = false;
    try {
      return this.inlineTokens(src, []);
    } finally {
      this.defer = true;
    }
  }
}

export function isInlineSource(token: Token | InlineSource): token is InlineSource {
  return token.type === INLINE_SOURCE;
}

/** Lexes the blocks of a (nesting-limited) Markdown text, leaving its inline runs for later. */
export function lexDeferred(markdown: string, options: MarkedOptions): DeferredDocument {
  const lexer = new DeferringLexer(options);
  const tokens = lexer.lex(markdown);
  const inline = (src: string) => lexer.lexRun(src);
  /**
   * Replaces the run left in `list` (a block's inline tokens, after a task item's checkbox if it
   * has one) with marked's tokens of it.
   */
  const fill = (list: Token[] | undefined) => {
    const at = list ? list.findIndex((token) => isInlineSource(token)) : -1;
    if (at === -1) return false;
    const run = list![at] as unknown as InlineSource;
    list!.splice(at, 1, ...(run.lexed ?? inline(run.raw)));
    return true;
  };
  const resolve = (list: Token[]): void => {
    for (const token of list) {
      if (token.type === 'list') for (const item of (token as Tokens.List).items) resolve(item.tokens);
      else if (token.type === 'table') {
        const table = token as Tokens.Table;
        for (const row of [table.header, ...table.rows]) for (const cell of row) fill(cell.tokens);
      } else if ('tokens' in token && Array.isArray(token.tokens) && !fill(token.tokens)) resolve(token.tokens);
    }
  };
  let done = false;
  return {
    tokens,
    definesLinks: Object.keys(tokens.links ?? {}).length > 0,
    inline,
    resolved() {
      if (!done) resolve(tokens);
      done = true;
      return tokens;
    },
  };
}
