import { parseFragment } from 'parse5';
import type { Align, Block, Inline, ListItem } from './model.js';
import type { Role } from './style.js';
import { subscript, superscript } from './scripts.js';
import { sanitizeText } from '../content/sanitize.js';
import { maxOf, pushAll } from '../content/arrays.js';

/**
 * Raw HTML, and the HTML of Markdown's inline markup, read by meaning with a real HTML parser
 * (parse5, which also decodes every HTML5 entity). Nothing of a tag reaches the screen: each
 * element becomes what it means (emphasis, a link, a list, a table, a line naming an embedded
 * video), and comments, scripts and styles disappear.
 */

interface Attr {
  name: string;
  value: string;
}

/** The parts of parse5's default tree this module reads. */
interface HtmlNode {
  nodeName: string;
  value?: string;
  attrs?: Attr[];
  childNodes?: HtmlNode[];
  content?: HtmlNode;
}

/** Past this depth the elements of a subtree are not read for meaning, only for their text. */
const MAX_DEPTH = 48;

const HIDDEN = new Set(['script', 'style', 'template', 'noscript', 'head', 'meta', 'link', 'title', 'base', 'svg', 'math', 'button', 'input', 'select', 'textarea', 'object', 'param', 'source', 'track', 'canvas']);

const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'center', 'details', 'dialog', 'dd', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'li', 'main',
  'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'ul', 'iframe', 'video', 'audio', 'embed', 'body', 'html',
  'caption', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'x-mathblock', 'xmp', 'listing', 'plaintext',
]);

/** Elements whose content is shown as written, preformatted: `<pre>` and the raw-text `<xmp>` of old pages. */
const PREFORMATTED = new Set(['pre', 'xmp', 'listing', 'plaintext']);

const INLINE_ROLE: Record<string, Role> = {
  strong: 'strong', b: 'strong', mark: 'strong',
  em: 'em', i: 'em', cite: 'em', dfn: 'em', var: 'em', u: 'em', ins: 'em',
  s: 'del', del: 'del', strike: 'del',
};

/** An attribute's value; entities are decoded, so control characters they name are made visible. */
function attr(node: HtmlNode, name: string): string | undefined {
  const value = node.attrs?.find((a) => a.name === name)?.value;
  return value === undefined ? undefined : sanitizeText(value);
}

/** A text node's text, decoded: `&#27;` is an escape character, shown visibly like any other. */
function textOf(node: HtmlNode): string {
  return sanitizeText(node.value ?? '');
}

function children(node: HtmlNode): HtmlNode[] {
  return node.nodeName === 'template' ? [] : (node.childNodes ?? []);
}

const WHITESPACE = /[ \t\n\r\f]+/g;

/** The text of a subtree, without comments, scripts or styles; iterative, so any depth is fine. */
export function textContent(node: HtmlNode): string {
  const parts: string[] = [];
  const stack: HtmlNode[] = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.nodeName === '#text') parts.push(textOf(n));
    else if (n.nodeName === 'br') parts.push('\n');
    else if (n.nodeName !== '#comment' && !HIDDEN.has(n.nodeName)) {
      const kids = children(n);
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
    }
  }
  return parts.join('');
}

function codeLanguage(node: HtmlNode): string | undefined {
  const classes = `${attr(node, 'class') ?? ''} ${attr(node, 'data-lang') ?? ''}`.split(/\s+/);
  for (const c of classes) {
    if (c.startsWith('language-')) return c.slice(9);
    if (c.startsWith('lang-')) return c.slice(5);
  }
  return attr(node, 'data-lang') || undefined;
}

function mediaSource(node: HtmlNode): string {
  const direct = attr(node, 'src') ?? attr(node, 'data');
  if (direct) return direct;
  for (const child of children(node)) if (child.nodeName === 'source' && attr(child, 'src')) return attr(child, 'src')!;
  return '';
}

const MEDIA_NAME: Record<string, string> = { iframe: 'embedded page', video: 'video', audio: 'audio', embed: 'embedded object', object: 'embedded object' };

/** One line naming an embedded thing and where it comes from. */
function mediaLine(node: HtmlNode): Inline[] {
  const src = mediaSource(node);
  const title = attr(node, 'title') ?? attr(node, 'aria-label');
  const name = MEDIA_NAME[node.nodeName] ?? node.nodeName;
  const label: Inline = { kind: 'span', role: 'dim', children: [`[${name}${title ? `: ${title.replace(WHITESPACE, ' ').trim()}` : ''}]`] };
  if (!src) return [label];
  return [label, ' ', { kind: 'link', href: src, children: [src] }];
}

class Reader {
  /** Inline content of nodes, as a paragraph would show it. */
  inline(nodes: HtmlNode[], depth: number, pre = false): Inline[] {
    const out: Inline[] = [];
    for (const node of nodes) this.inlineNode(node, depth, out, pre);
    return out;
  }

  private inlineNode(node: HtmlNode, depth: number, out: Inline[], pre: boolean): void {
    const name = node.nodeName;
    if (name === '#text') {
      const text = textOf(node);
      out.push(pre ? text.replace(/\n/g, ' ') : text.replace(WHITESPACE, ' '));
      return;
    }
    if (name === '#comment' || name === '#documentType' || HIDDEN.has(name)) return;
    const id = attr(node, 'id') ?? (name === 'a' ? attr(node, 'name') : undefined);
    if (id) out.push({ kind: 'anchor', id });
    if (depth > MAX_DEPTH) {
      out.push(textContent(node).replace(WHITESPACE, ' '));
      return;
    }
    const kids = children(node);
    const role = INLINE_ROLE[name];
    if (role) {
      out.push({ kind: 'span', role, children: this.inline(kids, depth + 1, pre) });
      return;
    }
    switch (name) {
      case 'br':
        out.push({ kind: 'break' });
        return;
      case 'code':
      case 'tt':
      case 'samp':
        out.push({ kind: 'span', role: 'code', children: this.inline(kids, depth + 1, true) });
        return;
      case 'kbd':
        out.push({ kind: 'span', role: 'kbd', children: this.inline(kids, depth + 1, true) });
        return;
      case 'sup':
      case 'sub': {
        // A footnote reference as HTML writes it (<sup><a href="#fn:1">1</a></sup>): keep the link.
        if (kids.some((k) => k.nodeName === 'a')) {
          out.push({ kind: 'span', role: 'footnote', children: ['[', ...this.inline(kids, depth + 1), ']'] });
          return;
        }
        const text = textContent(node).replace(WHITESPACE, ' ');
        out.push(name === 'sup' ? superscript(text) : subscript(text));
        return;
      }
      case 'q':
        out.push('“', ...this.inline(kids, depth + 1), '”');
        return;
      case 'a': {
        const href = attr(node, 'href');
        const content = this.inline(kids, depth + 1, pre);
        if (href === undefined || href === '') pushAll(out, content);
        else out.push({ kind: 'link', href, title: attr(node, 'title'), children: content });
        return;
      }
      case 'img':
        out.push({ kind: 'image', src: attr(node, 'src') ?? '', alt: (attr(node, 'alt') ?? attr(node, 'title') ?? '').replace(WHITESPACE, ' ').trim() });
        return;
      case 'iframe':
      case 'video':
      case 'audio':
      case 'embed':
        pushAll(out, mediaLine(node));
        return;
      case 'x-fnref':
        out.push({ kind: 'footnoteRef', label: attr(node, 'data-label') ?? '' });
        return;
      case 'x-math':
        out.push({ kind: 'math', tex: textContent(node) });
        return;
      default:
        if (BLOCK.has(name)) {
          // A block inside inline content (a <div> in a table cell): its own line.
          out.push({ kind: 'break' }, ...this.inline(kids, depth + 1, pre || PREFORMATTED.has(name)), { kind: 'break' });
          return;
        }
        pushAll(out, this.inline(kids, depth + 1, pre));
    }
  }

  /** Block content of nodes: runs of inline content become paragraphs. */
  blocks(nodes: HtmlNode[], depth: number): Block[] {
    const out: Block[] = [];
    let run: Inline[] = [];
    const flush = () => {
      if (run.some((i) => typeof i !== 'string' || i.trim() !== '')) out.push({ kind: 'paragraph', inline: run });
      run = [];
    };
    for (const node of nodes) {
      const name = node.nodeName;
      if (name === '#comment' || HIDDEN.has(name)) continue;
      if (name === '#text' || !BLOCK.has(name) || depth > MAX_DEPTH) {
        this.inlineNode(node, depth, run, false);
        continue;
      }
      flush();
      const id = attr(node, 'id');
      if (id && !/^h[1-6]$/.test(name)) out.push({ kind: 'anchor', id });
      pushAll(out, this.block(node, depth + 1));
    }
    flush();
    return out;
  }

  private block(node: HtmlNode, depth: number): Block[] {
    const name = node.nodeName;
    const kids = children(node);
    switch (name) {
      case 'h1':
      case 'h2':
      case 'h3':
      case 'h4':
      case 'h5':
      case 'h6':
        return [{ kind: 'heading', level: Number(name[1]), inline: this.inline(kids, depth), id: attr(node, 'id') }];
      case 'p':
      case 'dt':
      case 'summary':
      case 'figcaption':
      case 'caption': {
        const inline = this.inline(kids, depth);
        if (name === 'dt' || name === 'summary') return [{ kind: 'paragraph', inline: [{ kind: 'span', role: 'strong', children: name === 'summary' ? ['▸ ', ...inline] : inline }] }];
        if (name === 'figcaption' || name === 'caption') return [{ kind: 'paragraph', inline: [{ kind: 'span', role: 'em', children: inline }] }];
        return [{ kind: 'paragraph', inline }];
      }
      case 'pre':
      case 'xmp':
      case 'listing':
      case 'plaintext': {
        const code = kids.find((k) => k.nodeName === 'code');
        const text = textContent(node).replace(/^\n/, '').replace(/\n$/, '');
        return [{ kind: 'code', text, lang: codeLanguage(node) ?? (code ? codeLanguage(code) : undefined) }];
      }
      case 'blockquote':
        return [{ kind: 'quote', blocks: this.blocks(kids, depth) }];
      case 'hr':
        return [{ kind: 'rule' }];
      case 'ul':
      case 'ol': {
        const items: ListItem[] = [];
        for (const li of kids) {
          if (li.nodeName !== 'li') continue;
          const box = findCheckbox(li);
          items.push({ blocks: this.blocks(children(li), depth + 1), checked: box === undefined ? undefined : box });
        }
        const start = Number.parseInt(attr(node, 'start') ?? '1', 10);
        return [{ kind: 'list', ordered: name === 'ol', start: Number.isFinite(start) ? start : 1, loose: false, items }];
      }
      case 'li':
        return this.blocks(kids, depth);
      case 'details': {
        const summary = kids.find((k) => k.nodeName === 'summary');
        const rest = kids.filter((k) => k !== summary);
        const head: Block[] = summary ? this.block(summary, depth) : [{ kind: 'paragraph', inline: [{ kind: 'span', role: 'strong', children: ['▸ Details'] }] }];
        return [{ kind: 'group', blocks: [...head, ...this.blocks(rest, depth)] }];
      }
      case 'table':
        return this.table(node, depth);
      case 'iframe':
      case 'video':
      case 'audio':
      case 'embed':
        return [{ kind: 'paragraph', inline: mediaLine(node) }];
      case 'x-mathblock':
        return [{ kind: 'math', tex: textContent(node) }];
      default:
        return this.blocks(kids, depth);
    }
  }

  private table(node: HtmlNode, depth: number): Block[] {
    const rows: Array<{ cells: Inline[][]; header: boolean; align: Align[] }> = [];
    const before: Block[] = [];
    const visit = (n: HtmlNode, inHead: boolean) => {
      for (const child of children(n)) {
        if (child.nodeName === 'caption') pushAll(before, this.block(child, depth));
        else if (child.nodeName === 'thead') visit(child, true);
        else if (child.nodeName === 'tbody' || child.nodeName === 'tfoot') visit(child, false);
        else if (child.nodeName === 'tr') {
          const cells = children(child).filter((c) => c.nodeName === 'td' || c.nodeName === 'th');
          rows.push({
            cells: cells.map((c) => this.inline(children(c), depth + 1)),
            header: inHead || (cells.length > 0 && cells.every((c) => c.nodeName === 'th')),
            align: cells.map((c) => alignOf(c)),
          });
        }
      }
    };
    visit(node, false);
    if (rows.length === 0) return before;
    const columns = maxOf(rows, (r) => r.cells.length);
    const pad = (cells: Inline[][]) => [...cells, ...Array.from({ length: columns - cells.length }, () => [] as Inline[])];
    const headerRow = rows[0]!.header ? rows.shift()! : undefined;
    const align = (headerRow ?? rows[0])?.align ?? [];
    return [
      ...before,
      {
        kind: 'table',
        header: headerRow ? pad(headerRow.cells) : [],
        rows: rows.map((r) => pad(r.cells)),
        align: Array.from({ length: columns }, (_, i) => align[i] ?? null),
      },
    ];
  }
}

function alignOf(cell: HtmlNode): Align {
  const value = (attr(cell, 'align') ?? /text-align:\s*(left|right|center)/i.exec(attr(cell, 'style') ?? '')?.[1] ?? '').toLowerCase();
  return value === 'left' || value === 'right' || value === 'center' ? value : null;
}

/** A task list item's checkbox, as Markdown renderers write it: <input type="checkbox" checked>. */
function findCheckbox(li: HtmlNode): boolean | undefined {
  for (const child of children(li)) {
    const node = child.nodeName === 'p' ? children(child)[0] : child;
    if (node?.nodeName === 'input' && attr(node, 'type') === 'checkbox') return node.attrs!.some((a) => a.name === 'checked');
    if (child.nodeName !== '#text' || (child.value ?? '').trim() !== '') break;
  }
  return undefined;
}

const reader = new Reader();

/** Block HTML (an HTML block of a Markdown post) as blocks. */
export function htmlBlocks(html: string): Block[] {
  return reader.blocks(children(parseFragment(html) as unknown as HtmlNode), 0);
}

/** Inline HTML (a paragraph's content rendered to HTML) as inline content. */
export function htmlInline(html: string): Inline[] {
  return reader.inline(children(parseFragment(html) as unknown as HtmlNode), 0);
}
