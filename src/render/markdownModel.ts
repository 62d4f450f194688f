import { Marked, type Token, type Tokens } from 'marked';
import type { Align, Block, FootnoteDefinition, Inline, ListItem } from './model.js';
import type { AdmonitionKind } from './style.js';
import { htmlPart } from './optionalParts.js';
import { BOUNDED_RULES, lexBounded } from '../content/boundedLexer.js';
import { SYNTAX_EXTENSIONS, type ContainerToken, type FootnoteDefToken, type FootnoteRefToken, type MathToken } from './markdownSyntax.js';
import { sanitizeText } from '../content/sanitize.js';
import { joinSoftBreaks } from './linearText.js';
import { pushAll } from '../content/arrays.js';
import { tagNameEnd, walkHtmlText } from '../content/htmlText.js';

/**
 * Markdown read into the renderer's model. marked lexes the blocks; inline Markdown alone is read
 * straight from marked's tokens, and inline content with raw HTML in it is turned into HTML by
 * marked's own HTML renderer (raw inline HTML passes through as written) and then read by
 * meaning by the HTML reader, so `**a**` and `<b>a</b>` are one thing. The HTML reader and the
 * entity decoder are asked for only when a post has HTML, an entity or a heading id
 * (optionalParts.ts).
 */
const marked = new Marked({ gfm: true, async: false }, { extensions: SYNTAX_EXTENSIONS, tokenizer: BOUNDED_RULES });

export function lex(markdown: string): Token[] {
  return lexBounded(markdown, marked.defaults);
}

/**
 * Inline tokens as inline content. Markdown alone is read straight from the tokens (entities
 * decoded by the `entities` library); inline content with raw HTML in it goes through HTML, so
 * that tags opened and closed in separate tokens (`<kbd>`, text, `</kbd>`) are read together.
 */
function inlineOf(tokens: Token[] | undefined): Inline[] {
  if (!tokens || tokens.length === 0) return [];
  return direct(tokens) ?? htmlPart().htmlInline(marked.Parser.parseInline(tokens, marked.defaults));
}

/** Text as written in Markdown: entities decoded, and any control character they name shown visibly. */
function decoded(text: string): string {
  return sanitizeText(text.includes('&') ? htmlPart().decodeEntities(text) : text);
}

/** Inline content straight from marked's tokens, or undefined when they hold raw HTML. */
function direct(tokens: Token[]): Inline[] | undefined {
  const out: Inline[] = [];
  for (const token of tokens) {
    switch (token.type) {
      case 'text': {
        const t = token as Tokens.Text;
        if (t.tokens && t.tokens.length > 0) {
          const inner = direct(t.tokens);
          if (!inner) return undefined;
          pushAll(out, inner);
        } else {
          // marked decodes numeric references in `text` but not named ones: decode the source once.
          out.push(joinSoftBreaks(decoded(t.raw)));
        }
        break;
      }
      case 'escape':
        out.push((token as Tokens.Escape).text);
        break;
      case 'strong':
      case 'em':
      case 'del': {
        const inner = direct((token as Tokens.Strong).tokens);
        if (!inner) return undefined;
        out.push({ kind: 'span', role: token.type, children: inner });
        break;
      }
      case 'codespan':
        out.push({ kind: 'span', role: 'code', children: [(token as Tokens.Codespan).text.replace(/\n/g, ' ')] });
        break;
      case 'br':
        out.push({ kind: 'break' });
        break;
      case 'link': {
        const t = token as Tokens.Link;
        const inner = direct(t.tokens);
        if (!inner) return undefined;
        out.push({ kind: 'link', href: t.href, title: t.title ?? undefined, children: inner });
        break;
      }
      case 'image': {
        const t = token as Tokens.Image;
        out.push({ kind: 'image', src: t.href, alt: decoded(t.text).replace(/\s+/g, ' ').trim() });
        break;
      }
      case 'footnoteRef':
        out.push({ kind: 'footnoteRef', label: (token as FootnoteRefToken).label });
        break;
      case 'mathInline':
        out.push({ kind: 'math', tex: (token as MathToken).tex });
        break;
      default:
        return undefined;
    }
  }
  return out;
}

/** `## Title {#id}` and `## Title {#id .class}`: the id, and the HTML without it. */
function headingId(html: string): { html: string; id?: string } {
  const at = html.lastIndexOf('{#');
  if (at < 0) return { html };
  const m = /^\{#([^\s}]+)[^}]*\}\s*$/.exec(html.slice(at));
  return m ? { html: html.slice(0, at).trimEnd(), id: m[1] } : { html };
}

/** `> [!NOTE]`, and with a title on the same line (`> [!WARNING] Mind the gap`), as Obsidian writes one. */
const ALERT = /^\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\][ \t]*([^\n]*)(?:\n|$)/i;

const CONTAINER_KINDS: Record<string, AdmonitionKind> = {
  note: 'note', info: 'note', abstract: 'note', summary: 'note', todo: 'note', seealso: 'note', details: 'note',
  tip: 'tip', hint: 'tip', success: 'tip', check: 'tip', done: 'tip',
  important: 'important', question: 'important', example: 'important', quote: 'important',
  warning: 'warning', attention: 'warning', failure: 'warning', bug: 'warning',
  caution: 'caution', danger: 'caution', error: 'caution',
};

export function admonitionKind(name: string): AdmonitionKind {
  return CONTAINER_KINDS[name.toLowerCase()] ?? 'note';
}

/** Elements a browser keeps open across the blank lines that end a Markdown HTML block. */
const STRUCTURES = new Set(['table', 'ul', 'ol', 'dl']);

/** How many tables and lists are open after `html`, when `open` were open before it. */
function openStructures(html: string, open: number): number {
  walkHtmlText(html, () => {}, (start, end) => {
    const closing = html.charCodeAt(start + 1) === 0x2f;
    const nameStart = start + (closing ? 2 : 1);
    const name = html.slice(nameStart, Math.min(end, tagNameEnd(html, nameStart))).toLowerCase();
    if (STRUCTURES.has(name)) open = Math.max(0, open + (closing ? -1 : 1));
  });
  return open;
}

export class MarkdownReader {
  readonly footnotes = new Map<string, FootnoteDefinition>();

  blocks(tokens: Token[]): Block[] {
    const out: Block[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      if (token.type === 'html') {
        // Markdown ends an HTML block at a blank line, but a browser reads the HTML blocks that
        // follow one another as one document: a table whose rows come after a blank line is
        // still one table. HTML blocks are joined while a table or list is left open.
        let open = openStructures(token.raw, 0);
        if (open > 0) {
          let html = token.raw;
          while (open > 0 && i + 1 < tokens.length && (tokens[i + 1]!.type === 'html' || tokens[i + 1]!.type === 'space')) {
            const next = tokens[++i]!;
            html += next.raw;
            if (next.type === 'html') open = openStructures(next.raw, open);
          }
          pushAll(out, htmlPart().htmlBlocks(html));
          continue;
        }
      }
      const block = this.block(token);
      if (Array.isArray(block)) pushAll(out, block);
      else if (block) out.push(block);
    }
    return out;
  }

  private block(token: Token): Block | Block[] | undefined {
    switch (token.type) {
      case 'space':
      case 'def':
      case 'checkbox':
        return undefined;
      case 'heading': {
        const t = token as Tokens.Heading;
        // A heading with no id written in it (`{#id}`) reads as a paragraph's text does.
        const inline = t.text.includes('{#') ? undefined : direct(t.tokens);
        if (inline) return { kind: 'heading', level: t.depth, inline, id: undefined };
        const { html, id } = headingId(marked.Parser.parseInline(t.tokens, marked.defaults));
        return { kind: 'heading', level: t.depth, inline: htmlPart().htmlInline(html), id };
      }
      case 'paragraph':
        return { kind: 'paragraph', inline: inlineOf((token as Tokens.Paragraph).tokens) };
      case 'text': {
        const t = token as Tokens.Text;
        return { kind: 'paragraph', inline: t.tokens ? inlineOf(t.tokens) : htmlPart().htmlInline(t.text) };
      }
      case 'code': {
        const t = token as Tokens.Code;
        return { kind: 'code', text: t.text, lang: t.lang || undefined };
      }
      case 'blockquote':
        return this.quote(token as Tokens.Blockquote);
      case 'list': {
        const t = token as Tokens.List;
        const items: ListItem[] = t.items.map((item) => ({
          checked: item.task ? item.checked === true : undefined,
          blocks: this.blocks(item.tokens),
        }));
        const start = typeof t.start === 'number' ? t.start : 1;
        return { kind: 'list', ordered: t.ordered, start, loose: t.loose, items };
      }
      case 'table': {
        const t = token as Tokens.Table;
        return {
          kind: 'table',
          header: t.header.map((cell) => inlineOf(cell.tokens)),
          rows: t.rows.map((row) => row.map((cell) => inlineOf(cell.tokens))),
          align: t.align as Align[],
        };
      }
      case 'hr':
        return { kind: 'rule' };
      case 'html':
        return htmlPart().htmlBlocks((token as Tokens.HTML).text);
      case 'footnoteDef': {
        const t = token as FootnoteDefToken;
        if (!this.footnotes.has(t.label)) this.footnotes.set(t.label, { label: t.label, blocks: [] });
        this.footnotes.get(t.label)!.blocks = this.blocks(t.tokens);
        return undefined;
      }
      case 'mathBlock':
        return { kind: 'math', tex: (token as MathToken).tex };
      case 'container': {
        const t = token as ContainerToken;
        return { kind: 'admonition', type: admonitionKind(t.name), title: t.title || (CONTAINER_KINDS[t.name] ? '' : t.name), blocks: this.blocks(t.tokens), ...(CONTAINER_KINDS[t.name] ? { name: t.name } : {}) };
      }
      default: {
        // A token this reader does not know: its text, never its syntax.
        const text = (token as { text?: string }).text;
        return text ? { kind: 'paragraph', inline: [text] } : undefined;
      }
    }
  }

  /** A block quote, or a GitHub alert (`> [!NOTE]`) as an admonition. */
  private quote(token: Tokens.Blockquote): Block {
    const first = token.tokens[0];
    if (first?.type === 'paragraph') {
      const m = ALERT.exec((first as Tokens.Paragraph).text);
      if (m) {
        const rest = (first as Tokens.Paragraph).text.slice(m[0].length);
        const restTokens = rest.trim() === '' ? [] : lex(rest);
        return { kind: 'admonition', type: m[1]!.toLowerCase() as AdmonitionKind, title: decoded(m[2]!.trim()), blocks: this.blocks([...restTokens, ...token.tokens.slice(1)]) };
      }
    }
    return { kind: 'quote', blocks: this.blocks(token.tokens) };
  }
}
