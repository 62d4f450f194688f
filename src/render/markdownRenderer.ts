import { Marked, type Token, type Tokens, type MarkedExtension, type RendererThis } from 'marked';
import { markedTerminal } from 'marked-terminal';
import stringWidth from 'string-width';
import stripAnsi from 'strip-ansi';
import { type Roles, rolesFor, terminalLevel } from './style.js';
import { expandTabs, sanitizeText } from '../content/sanitize.js';
import { highlightCode } from './codeHighlight.js';
import { layoutTable, type Align } from './tableLayout.js';
import { CODE_MARK, RIGID_MARK, fitLine } from './lineWrap.js';
import { limitNesting } from './nestingLimit.js';

export interface Heading {
  level: number;
  text: string;
  /** Index in `lines` of the heading's first line. */
  line: number;
}

export interface PostLink {
  text: string;
  href: string;
}

/** A post rendered for one width: its lines, and where each top-level block starts. */
export interface RenderedPost {
  lines: string[];
  /** blockStarts[i] is the index in `lines` of the first line of the i-th block. */
  blockStarts: number[];
  /** The post's top-level headings, in order. */
  headings: Heading[];
  /** Every distinct link target in the post, in order of first appearance. */
  links: PostLink[];
}

export interface RenderOptions {
  width: number;
  color: boolean;
  /** Make links clickable with OSC 8 (terminals that support it); http, https and mailto only. */
  hyperlinks?: boolean;
  /** The palette when `color` is true; the default palette at the terminal's depth otherwise. */
  roles?: Roles;
}

const LINKABLE = /^(https?:\/\/|mailto:)/i;

/** An OSC 8 hyperlink around already styled text. The target is percent-encoded where needed. */
export function hyperlink(text: string, href: string): string {
  const target = encodeURI(decodeURIComponentSafe(href)).replace(/[\u0000-\u001f\u007f-\u009f;]/g, encodeURIComponent);
  return `\u001b]8;;${target}\u0007${text}\u001b]8;;\u0007`;
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURI(value);
  } catch {
    return value;
  }
}

const CODE_INDENT = '    ';

function unescapeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

interface Engine {
  marked: Marked;
  roles: Roles;
  /** Whether code is highlighted. */
  color: boolean;
  hyperlinks: boolean;
  /** The width of the render in progress; renderers that lay out (tables, rules) read it. */
  width: number;
}

function fixes(engine: Engine): MarkedExtension {
  const r = engine.roles;
  const headingStyles = [r.heading1, r.heading2, r.heading3, r.heading4, r.heading5, r.heading6];
  return {
    renderer: {
      // Tight list items hold a text token whose children carry the inline markup.
      text(this: RendererThis, token: Tokens.Text | Tokens.Escape) {
        if ('tokens' in token && token.tokens) return this.parser.parseInline(token.tokens);
        return false;
      },
      // marked emits a checkbox token and marked-terminal prints its own: keep one.
      checkbox() {
        return '';
      },
      codespan(token: Tokens.Codespan) {
        return r.code(unescapeEntities(token.text).replace(/\n/g, ' '));
      },
      heading(this: RendererThis, token: Tokens.Heading) {
        const text = unescapeEntities(this.parser.parseInline(token.tokens));
        const styled = headingStyles[Math.min(token.depth, 6) - 1]!(text);
        // Top-level headings are underlined so they stand out in plain text too.
        const rule = token.depth <= 2 ? '\n' + r.headingRule((token.depth === 1 ? '═' : '─').repeat(Math.min(stringWidth(text), engine.width))) : '';
        return styled + rule + '\n\n';
      },
      hr() {
        return RIGID_MARK + r.dim('─'.repeat(engine.width)) + '\n\n';
      },
      code(token: Tokens.Code) {
        const code = highlightCode(token.text.replace(/\t/g, '    '), token.lang, engine.color);
        const lines = code.split('\n').map((line) => CODE_INDENT + CODE_MARK + line);
        return lines.join('\n') + '\n\n';
      },
      blockquote(this: RendererThis, token: Tokens.Blockquote) {
        const inner = this.parser.parse(token.tokens).replace(/\n+$/, '');
        const bar = r.quoteBar('│ ');
        return inner.split('\n').map((line) => bar + r.quote(line)).join('\n') + '\n\n';
      },
      link(this: RendererThis, token: Tokens.Link) {
        const text = this.parser.parseInline(token.tokens);
        const href = token.href;
        const plain = text.replace(/\u001b\[[0-9;]*m/g, '');
        const clickable = engine.hyperlinks && LINKABLE.test(href);
        const shown = (value: string) => (clickable ? hyperlink(r.link(value), href) : r.link(value));
        if (plain === href || `mailto:${plain}` === href || href === '') return shown(text || href);
        return shown(text) + r.linkUrl(` (${href})`);
      },
      image(token: Tokens.Image) {
        const alt = token.text ? `: ${token.text}` : '';
        return r.dim(`[image${alt}]`) + (token.href ? r.dim(` (${token.href})`) : '');
      },
      html(token: Tokens.HTML | Tokens.Tag) {
        const text = token.text.replace(/<!--[\s\S]*?-->/g, '');
        return text.trim() === '' ? '' : r.dim(text);
      },
      table(this: RendererThis, token: Tokens.Table) {
        const inline = (cell: Tokens.TableCell) => unescapeEntities(this.parser.parseInline(cell.tokens));
        const lines = layoutTable(
          {
            header: token.header.map(inline),
            rows: token.rows.map((row) => row.map(inline)),
            align: token.align as Align[],
          },
          engine.width,
          { border: r.tableBorder, header: r.tableHeader },
        );
        return lines.map((line) => RIGID_MARK + line).join('\n') + '\n\n';
      },
    },
  };
}

function createEngine(roles: Roles, color: boolean, hyperlinks: boolean): Engine {
  const engine: Engine = { marked: new Marked(), roles, color, hyperlinks, width: 80 };
  const identity = (s: string) => s;
  engine.marked = new Marked(
    { gfm: true, async: false },
    markedTerminal({
      code: roles.code,
      blockquote: identity,
      html: roles.dim,
      heading: roles.heading2,
      firstHeading: roles.heading1,
      listitem: identity,
      table: identity,
      paragraph: identity,
      strong: roles.strong,
      em: roles.em,
      codespan: roles.code,
      del: roles.del,
      link: roles.link,
      href: roles.link,
      text: (s: string) => s.replace(/\n/g, ' '),
      unescape: true,
      emoji: false,
      showSectionPrefix: false,
      reflowText: false,
      tab: 2,
    }),
    fixes(engine),
  );
  return engine;
}

const engines = new WeakMap<Roles, Map<string, Engine>>();

function engineFor(options: RenderOptions): Engine {
  const roles = options.color ? (options.roles ?? rolesFor(terminalLevel())) : rolesFor(0);
  const hyperlinks = options.hyperlinks === true;
  const key = `${options.color}${hyperlinks}`;
  let forRoles = engines.get(roles);
  if (!forRoles) engines.set(roles, (forRoles = new Map()));
  let engine = forRoles.get(key);
  if (!engine) {
    engine = createEngine(roles, options.color, hyperlinks);
    forRoles.set(key, engine);
  }
  return engine;
}

function collectLinks(engine: Engine, tokens: Token[]): PostLink[] {
  const links: PostLink[] = [];
  const seen = new Set<string>();
  engine.marked.walkTokens(tokens, (token) => {
    if (token.type !== 'link' || seen.has(token.href) || token.href === '') return;
    seen.add(token.href);
    links.push({ text: token.text.replace(/\s+/g, ' ').trim() || token.href, href: token.href });
  });
  return links;
}

/** Renders a post's Markdown body to terminal lines no wider than `width` display columns. */
export function renderMarkdown(markdown: string, options: RenderOptions): RenderedPost {
  const width = Math.max(10, Math.floor(options.width));
  const engine = engineFor(options);
  engine.width = width;
  const tokens = engine.marked.lexer(expandTabs(sanitizeText(limitNesting(markdown))));
  const lines: string[] = [];
  const blockStarts: number[] = [];
  const headings: Heading[] = [];
  for (const token of tokens as Token[]) {
    if (token.type === 'space') continue;
    const single = Object.assign([token], { links: tokens.links }) as unknown as Parameters<Marked['parser']>[0];
    const text = engine.marked.parser(single).replace(/\s+$/, '');
    if (text === '') continue;
    if (lines.length > 0) lines.push('');
    blockStarts.push(lines.length);
    if (token.type === 'heading') {
      headings.push({ level: (token as Tokens.Heading).depth, text: stripAnsi(text.split('\n')[0]!), line: lines.length });
    }
    for (const line of text.split('\n')) lines.push(...fitLine(line, width));
  }
  return { lines, blockStarts, headings, links: collectLinks(engine, tokens as Token[]) };
}
