import { Lexer, type MarkedOptions, type Token, type Tokens, type TokensList, type TokenizerObject } from 'marked';

/**
 * marked's lexer with inline raw HTML read in linear time. marked tries its inline HTML rule at
 * every `<`, and for a comment (`<!--`), a processing instruction (`<?`), CDATA or a declaration
 * (`<!X`) its expression looks for the closer through the rest of the paragraph: a paragraph full
 * of openers with no closer took seconds (100,000 `<!--` in 11 s). Here the last place of each
 * closer in the paragraph is found once, and an opener after it is read as the text it is,
 * exactly as marked reads it when its search fails.
 */
export class BoundedLexer extends Lexer {
  /** The text of the inline run being lexed: every `src` an inline tokenizer sees is a suffix of it. */
  inlineSource = '';
  /** How many openers have been read as text so far: only a run that read some has text to join. */
  openersAsText = 0;
  private closers: Map<string, number> | undefined;
  /** Whether a plain run can be read without marked's rules: not when an extension may read text too. */
  private readonly plainRuns: boolean;
  /** Whether the document has a line that could underline a setext heading (set by lex). */
  underlines: boolean | undefined;

  constructor(options?: MarkedOptions) {
    super(options);
    const extensions = this.options.extensions;
    this.plainRuns = !this.options.pedantic && !this.options.breaks && !extensions?.inline?.length && !extensions?.startInline?.length;
  }

  override lex(src: string): TokensList {
    this.underlines = UNDERLINE.test(src);
    return super.lex(src);
  }

  override inlineTokens(src: string, tokens: Token[] = []): Token[] {
    if (src !== '' && tokens.length === 0 && this.plainRuns && !this.state.inRawBlock && isPlainRun(src)) {
      // What marked makes of it: its text rule reads the run to the end, one token.
      tokens.push({ type: 'text', raw: src, text: src, escaped: false } as Tokens.Text);
      return tokens;
    }
    const outer = this.inlineSource;
    const outerClosers = this.closers;
    const openersBefore = this.openersAsText;
    this.inlineSource = src;
    this.closers = undefined;
    try {
      const lexed = super.inlineTokens(src, tokens);
      return this.openersAsText > openersBefore ? mergeOpenerText(lexed) : lexed;
    } finally {
      this.inlineSource = outer;
      this.closers = outerClosers;
    }
  }

  /** The last place of `closer` in the inline run, found once per run. */
  lastCloser(closer: string): number {
    const closers = (this.closers ??= new Map());
    let at = closers.get(closer);
    if (at === undefined) {
      at = this.inlineSource.lastIndexOf(closer);
      closers.set(closer, at);
    }
    return at;
  }
}

/**
 * Where marked's GFM inline rules may read anything but text: an escape, a tag or autolink, a link
 * or image, emphasis or strikethrough, code, an email address or a bare link (`@`, `://`, `www.`),
 * a hard line break (two spaces or more before a line end), and a numeric character reference,
 * which its text rule decodes.
 */
const NOT_PLAIN = /[\\<[`*~_@]|:\/\/|www\.| {2}\n|&#/;

/** An inline run marked reads as one text token with the run as its text. */
function isPlainRun(src: string): boolean {
  return !NOT_PLAIN.test(src);
}

/** The text tokens made here for openers with no closer. */
const openerTexts = new WeakSet<object>();

/** Each opener's text joined to the text before it, as marked's own text tokens are joined. */
function mergeOpenerText(tokens: Token[]): Token[] {
  let kept = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const before = kept > 0 ? tokens[kept - 1] : undefined;
    if (openerTexts.has(token) && before?.type === 'text' && !(before as Tokens.Text).tokens) {
      before.raw += token.raw;
      (before as Tokens.Text).text += (token as Tokens.Text).text;
    } else {
      tokens[kept++] = token;
    }
  }
  tokens.length = kept;
  return tokens;
}

/**
 * A line that could underline a setext heading, in the document or in a list item or block quote
 * (whose lines marked reads without their indentation and `>`, and may trim of any white space, a
 * no-break space included). marked tries its setext heading rule at the start of every paragraph,
 * and the rule's expression, the largest of its block rules, takes milliseconds to compile and
 * then reads each paragraph through: a document with no such line (most posts: their headings
 * start with `#`) never needs it.
 */
const UNDERLINE = /^(?:[^\S\n]|>)*(?:=+|-+)[^\S\n]*$/m;

/** Each inline HTML opener whose end marked searches for, the length of the opener, and its end. */
const OPENERS: ReadonlyArray<{ test: (src: string) => boolean; length: number; closer: string }> = [
  // `<!-->` and `<!--->` are whole comments; marked reads them at once.
  { test: (s) => s.startsWith('<!--') && !s.startsWith('<!-->') && !s.startsWith('<!--->'), length: 4, closer: '-->' },
  { test: (s) => s.startsWith('<![CDATA['), length: 9, closer: ']]>' },
  { test: (s) => s.startsWith('<!') && /^[A-Za-z]/.test(s.slice(2, 3)), length: 2, closer: '>' },
  { test: (s) => s.startsWith('<?'), length: 2, closer: '?>' },
];

/**
 * The tokenizer overrides: an inline HTML opener with no closer after it is answered before
 * marked searches, and a document with no line that could underline a setext heading skips that
 * rule. (An override returns false to leave the token to marked's own rule.)
 */
export const BOUNDED_RULES: TokenizerObject = {
  lheading() {
    const lexer = this.lexer;
    return lexer instanceof BoundedLexer && lexer.underlines === false ? undefined : false;
  },
  tag(src: string) {
    const lexer = this.lexer;
    if (!(lexer instanceof BoundedLexer) || src.charCodeAt(0) !== 0x3c) return false;
    const position = lexer.inlineSource.length - src.length;
    if (position < 0) return false;
    const opener = OPENERS.find((o) => o.test(src));
    if (!opener || lexer.lastCloser(opener.closer) >= position + opener.length) return false;
    const text: Tokens.Text = { type: 'text', raw: '<', text: '<', escaped: false };
    openerTexts.add(text);
    lexer.openersAsText++;
    // marked merges it with the text that follows, as when its own search fails.
    return text as unknown as Tokens.Tag;
  },
};

/** Lexes a Markdown document with the bounded inline HTML rule. */
export function lexBounded(markdown: string, options: MarkedOptions): Token[] {
  return new BoundedLexer(options).lex(markdown);
}
