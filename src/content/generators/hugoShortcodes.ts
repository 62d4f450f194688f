import { stripTags } from '../htmlText.js';
/**
 * Hugo shortcodes (`{{< name args >}}`, `{{% name args %}}`, paired with `{{< /name >}}`)
 * turned into the Markdown they stand for, before the body is rendered or counted: figure as
 * an image line with its caption, youtube/vimeo/gist/x/instagram as a line with the link,
 * highlight as a fenced code block, notice/admonition/callout/hint as a GitHub alert block
 * (`> [!NOTE]`), ref/relref as a link target, param as the site parameter's value, comment
 * hidden, details as its summary then its content, and any other as its inner content.
 * A shortcode commented out inside its delimiters (`{{<` then `/*` … `*\/` then `>}}`) is shown
 * as the literal shortcode, as Hugo does.
 *
 * One pass finds the tags (each search for a closing `>}}` or `%}}` moves forward only), a
 * stack pairs them (bounded depth), and a walk of the tree writes the result: linear in the
 * body's length.
 */

interface Tag {
  kind: 'tag';
  name: string;
  /** Positional and named arguments. */
  positional: string[];
  named: Record<string, string>;
  closing: boolean;
  selfClosing: boolean;
  /** `%`: the inner content is Markdown; `<`: as written. */
  delim: '<' | '%';
  raw: string;
}

interface Text {
  kind: 'text';
  raw: string;
}

type Token = Tag | Text;

interface Node {
  tag: Tag;
  children: Item[];
  closed: boolean;
}

type Item = Text | Node;

const MAX_DEPTH = 32;
const MAX_TAG = 4096;

function parseArgs(source: string): { positional: string[]; named: Record<string, string> } {
  const positional: string[] = [];
  const named: Record<string, string> = Object.create(null) as Record<string, string>;
  let i = 0;
  const n = source.length;
  const readValue = (): string => {
    const q = source[i];
    if (q === '"' || q === '`') {
      let out = '';
      i++;
      while (i < n && source[i] !== q) {
        if (q === '"' && source[i] === '\\' && i + 1 < n) i++;
        out += source[i++];
      }
      i++;
      return out;
    }
    const start = i;
    while (i < n && !/\s/.test(source[i]!)) i++;
    return source.slice(start, i);
  };
  while (i < n) {
    while (i < n && /\s/.test(source[i]!)) i++;
    if (i >= n) break;
    const start = i;
    if (source[i] !== '"' && source[i] !== '`') {
      while (i < n && !/[\s=]/.test(source[i]!)) i++;
      if (source[i] === '=') {
        const key = source.slice(start, i).toLowerCase();
        i++;
        named[key] = readValue();
        continue;
      }
      i = start;
    }
    positional.push(readValue());
  }
  return { positional, named };
}

/** Splits a body into text and shortcode tags. */
function tokenize(body: string): Token[] {
  const tokens: Token[] = [];
  const nextClose: Record<'<' | '%', number> = { '<': -2, '%': -2 };
  let text = '';
  let i = 0;
  for (;;) {
    const open = body.indexOf('{{', i);
    if (open < 0) break;
    let j = open + 2;
    while (body[j] === ' ' || body[j] === '\t' || body[j] === '\n') j++;
    const delim = body[j];
    if (delim !== '<' && delim !== '%') {
      text += body.slice(i, open + 2);
      i = open + 2;
      continue;
    }
    const closer = delim === '<' ? '>}}' : '%}}';
    if (nextClose[delim] !== -1 && nextClose[delim] < j) nextClose[delim] = body.indexOf(closer, j + 1);
    const close = nextClose[delim];
    const inner = close < 0 ? '' : body.slice(j + 1, close);
    if (close < 0 || close - open > MAX_TAG || inner.includes('{{')) {
      text += body.slice(i, open + 2);
      i = open + 2;
      continue;
    }
    const end = close + 3;
    const trimmed = inner.trim();
    if (trimmed.startsWith('/*') && trimmed.endsWith('*/')) {
      // Escaped: shown as the shortcode it is, without the comment marks.
      text += body.slice(i, open) + `{{${delim} ${trimmed.slice(2, -2).trim()} ${delim === '<' ? '>' : '%'}}}`;
      i = end;
      continue;
    }
    if (text || open > i) tokens.push({ kind: 'text', raw: text + body.slice(i, open) });
    text = '';
    let spec = trimmed;
    const closing = spec.startsWith('/');
    if (closing) spec = spec.slice(1).trim();
    const selfClosing = spec.endsWith('/');
    if (selfClosing) spec = spec.slice(0, -1).trim();
    const space = spec.search(/\s/);
    const name = (space < 0 ? spec : spec.slice(0, space)).toLowerCase();
    const args = parseArgs(space < 0 ? '' : spec.slice(space + 1));
    tokens.push({ kind: 'tag', name, ...args, closing, selfClosing, delim, raw: body.slice(open, end) });
    i = end;
  }
  const rest = text + body.slice(i);
  if (rest) tokens.push({ kind: 'text', raw: rest });
  return tokens;
}

/** Pairs opening and closing tags into a tree; an opening tag never closed stands alone. */
function buildTree(tokens: Token[]): Item[] {
  const top: Node = { tag: { kind: 'tag', name: '', positional: [], named: {}, closing: false, selfClosing: false, delim: '<', raw: '' }, children: [], closed: true };
  const stack: Node[] = [top];
  const unwind = (node: Node) => {
    // An unclosed tag stands alone: its would-be children follow it at its parent's level.
    const parent = stack[stack.length - 1]!;
    parent.children.push({ ...node, children: [] });
    for (const child of node.children) parent.children.push(child);
  };
  for (const token of tokens) {
    const current = stack[stack.length - 1]!;
    if (token.kind === 'text') {
      current.children.push(token);
      continue;
    }
    if (token.closing) {
      let at = -1;
      for (let k = stack.length - 1; k > 0 && k >= stack.length - MAX_DEPTH; k--) {
        if (stack[k]!.tag.name === token.name) {
          at = k;
          break;
        }
      }
      if (at < 0) continue;
      while (stack.length - 1 > at) unwind(stack.pop()!);
      const node = stack.pop()!;
      node.closed = true;
      stack[stack.length - 1]!.children.push(node);
      continue;
    }
    const node: Node = { tag: token, children: [], closed: token.selfClosing };
    if (token.selfClosing || stack.length > MAX_DEPTH) current.children.push(node);
    else stack.push(node);
  }
  while (stack.length > 1) unwind(stack.pop()!);
  return top.children;
}

function rawText(items: Item[]): string {
  let out = '';
  for (const item of items) out += 'kind' in item ? item.raw : item.tag.raw + rawText(item.children) + (item.closed && !item.tag.selfClosing ? `{{${item.tag.delim} /${item.tag.name} ${item.tag.delim === '<' ? '>' : '%'}}}` : '');
  return out;
}

const ALERTS: Record<string, string> = {
  note: 'NOTE', info: 'NOTE', notice: 'NOTE', primary: 'NOTE', secondary: 'NOTE', abstract: 'NOTE', summary: 'NOTE', quote: 'NOTE', example: 'NOTE', question: 'NOTE',
  tip: 'TIP', hint: 'TIP', success: 'TIP', check: 'TIP', done: 'TIP',
  important: 'IMPORTANT',
  warning: 'WARNING', warn: 'WARNING', attention: 'WARNING', caution: 'CAUTION', danger: 'CAUTION', error: 'CAUTION', bug: 'CAUTION', failure: 'CAUTION', fail: 'CAUTION',
};
const BOX_SHORTCODES = new Set(['notice', 'admonition', 'callout', 'hint', 'alert', 'note', 'tip', 'warning', 'info', 'caution', 'important', 'danger']);

/** A title on one line, as an alert's first line holds it. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A titled alert block (`> [!WARNING] Title`), drawn as the same titled box as `:::warning Title`. */
function alertBlock(name: string, args: { positional: string[]; named: Record<string, string> }, inner: string): string {
  const generic = name === 'notice' || name === 'admonition' || name === 'callout' || name === 'hint' || name === 'alert';
  const given = (args.named.type ?? args.named.kind ?? (generic ? args.positional[0] : name) ?? 'note').toLowerCase();
  const kind = ALERTS[given] ?? 'NOTE';
  const title = args.named.title ?? (name === 'notice' || name === 'admonition' ? args.positional[1] : undefined);
  const lines = [`> [!${kind}]${title ? ` ${oneLine(title)}` : ''}`];
  for (const line of inner.trim().split('\n')) lines.push(line ? `> ${line}` : '>');
  return `\n\n${lines.join('\n')}\n\n`;
}

function linkLine(label: string, url: string, title?: string): string {
  return `\n\n[${title ? `${label}: ${title}` : label}](${url})\n\n`;
}

/** A ref/relref target as a site path: `posts/x.md#part` is `/posts/x/#part`. */
function refPath(target: string): string {
  const hash = target.indexOf('#');
  const path = hash < 0 ? target : target.slice(0, hash);
  const anchor = hash < 0 ? '' : target.slice(hash);
  if (path === '') return anchor;
  const clean = path.replace(/\.(md|markdown)$/i, '').replace(/(^|\/)_?index$/i, '').replace(/^\/+|\/+$/g, '');
  return `/${clean}${clean ? '/' : ''}${anchor}`;
}

export interface ShortcodeContext {
  /** The site's params, keys in lower case, for `param`. */
  params?: Record<string, unknown>;
  /** The URL path of the post a ref/relref names (its path in the content folder, or its file name), when known. */
  resolve?: (target: string) => string | undefined;
}

function param(context: ShortcodeContext, key: string | undefined): string {
  let value: unknown = context.params;
  for (const part of (key ?? '').toLowerCase().split('.')) {
    value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[part] : undefined;
  }
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
}

function render(items: Item[], context: ShortcodeContext, depth: number): string {
  let out = '';
  for (const item of items) out += 'kind' in item ? item.raw : renderNode(item, context, depth);
  return out;
}

function renderNode(node: Node, context: ShortcodeContext, depth: number): string {
  const { tag } = node;
  const paired = node.closed && !tag.selfClosing;
  return shortcodeMarkdown(
    tag.name,
    tag,
    paired ? { markdown: () => (depth > MAX_DEPTH ? rawText(node.children) : render(node.children, context, depth + 1)), raw: () => rawText(node.children) } : undefined,
    context,
  );
}

/** A shortcode's inner content: rendered (its own shortcodes turned into Markdown) or as written. */
export interface ShortcodeInner {
  markdown(): string;
  raw(): string;
}

/**
 * The Markdown a shortcode stands for, by its name and arguments; `inner` is the content of a
 * paired one. Hugo's and Zola's shortcodes (zolaBody.ts) share it.
 */
export function shortcodeMarkdown(
  name: string,
  args: { positional: string[]; named: Record<string, string> },
  inner: ShortcodeInner | undefined,
  context: ShortcodeContext,
): string {
  const arg = (key: string, position?: number) => args.named[key] ?? (position === undefined ? undefined : args.positional[position]);
  const content = () => inner?.markdown() ?? '';
  switch (name) {
    case 'comment':
      return '';
    case 'figure': {
      const src = arg('src', 0) ?? '';
      const caption = arg('caption') ?? arg('title') ?? '';
      // A caption may hold HTML (links, icons): the image's text is its words, the caption
      // line below keeps the HTML for the renderer to read by meaning.
      const alt = arg('alt') ?? stripTags(caption).replace(/\s+/g, ' ').trim();
      const image = `![${alt.replace(/[[\]]/g, '\\$&')}](${src})`;
      return `\n\n${image}${caption && caption !== alt ? `\n\n*${caption}*` : ''}\n\n`;
    }
    case 'youtube':
    case 'youtube-nocookie':
      return linkLine('YouTube video', `https://www.youtube.com/watch?v=${arg('id', 0) ?? ''}`, arg('title'));
    case 'vimeo':
      return linkLine('Vimeo video', `https://vimeo.com/${arg('id', 0) ?? ''}`, arg('title'));
    case 'streamable':
      return linkLine('Streamable video', `https://streamable.com/${arg('id', 0) ?? ''}`);
    case 'gist':
      if (arg('url')) return linkLine('Gist', arg('url')!);
      return linkLine('Gist', `https://gist.github.com/${arg('user', 0) ?? ''}/${arg('id', 1) ?? ''}${arg('file', 2) ? `#file-${arg('file', 2)}` : ''}`);
    case 'tweet':
    case 'x':
    case 'twitter':
      return linkLine('Post on X', `https://x.com/${arg('user', 0) ?? 'i'}/status/${arg('id', 1) ?? ''}`);
    case 'instagram':
      return linkLine('Instagram post', `https://www.instagram.com/p/${arg('id', 0) ?? ''}/`);
    case 'highlight': {
      const code = (inner?.raw() ?? '').replace(/^\n/, '').replace(/\n$/, '');
      const fence = code.includes('```') ? '~~~~' : '```';
      return `\n\n${fence}${arg('lang', 0) ?? ''}\n${code}\n${fence}\n\n`;
    }
    case 'ref':
    case 'relref': {
      const target = arg('path', 0) ?? '';
      const hash = target.indexOf('#');
      const known = context.resolve?.(hash < 0 ? target : target.slice(0, hash));
      return known ? known + (hash < 0 ? '' : target.slice(hash)) : refPath(target);
    }
    case 'param':
      return param(context, arg('name', 0));
    case 'details':
      return `\n\n**${arg('summary', 0) ?? 'Details'}**\n\n${content()}\n\n`;
    case 'raw':
    case 'rawhtml':
    case 'html':
      return content();
    default:
      if (inner && BOX_SHORTCODES.has(name)) return alertBlock(name, args, content());
      return inner ? content() : '';
  }
}

/** A Hugo post's body with its shortcodes turned into Markdown. */
export function prepareHugoBody(body: string, context: ShortcodeContext = {}): string {
  if (!body.includes('{{')) return body;
  return render(buildTree(tokenize(body)), context, 0);
}
