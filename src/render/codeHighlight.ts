import { codeTheme } from './codeTheme.js';
import { loadPart, paintedRoles } from './optionalParts.js';
import type { Paint, Roles } from './style.js';

/** A node of highlight.js's token tree: a token class (or a nested language) and its content. */
interface TokenNode {
  kind?: string;
  sublanguage?: boolean;
  children: (TokenNode | string)[];
}

/**
 * What highlight.js calls while it scans code, kept as a tree of token nodes instead of the
 * HTML it would otherwise build (and that would have to be parsed again to find the tokens).
 * highlight.js creates one per highlighted block and one per nested language.
 */
class TokenTreeCollector {
  readonly root: TokenNode = { children: [] };
  private readonly open: TokenNode[] = [this.root];

  private get current(): TokenNode {
    return this.open[this.open.length - 1]!;
  }

  addText(text: string): void {
    if (text) this.current.children.push(text);
  }

  addKeyword(text: string, kind: string): void {
    if (text) this.current.children.push({ kind, children: [text] });
  }

  openNode(kind: string): void {
    const node: TokenNode = { kind, children: [] };
    this.current.children.push(node);
    this.open.push(node);
  }

  closeNode(): void {
    if (this.open.length > 1) this.open.pop();
  }

  closeAllNodes(): void {
    this.open.length = 1;
  }

  addSublanguage(emitter: TokenTreeCollector, name: string): void {
    this.current.children.push({ kind: name, sublanguage: true, children: emitter.root.children });
  }

  finalize(): void {}

  toHTML(): string {
    return '';
  }
}

/**
 * The part of highlight.js's API used here (its own type declarations pull the DOM library
 * into the program, so they are not imported).
 */
interface HLJSApi {
  configure(options: { __emitter: new (options: unknown) => TokenTreeCollector }): void;
  getLanguage(name: string): object | undefined;
  highlight(code: string, options: { language: string; ignoreIllegals: boolean }): { emitter: unknown; errorRaised?: Error };
}

/**
 * highlight.js is large: it is loaded only where colour is wanted (the reader, or piped output
 * with colour), by loadHighlighter(), with the painters its colours are drawn with. Until then
 * code is rendered plain.
 */
let hljs: HLJSApi | undefined;

export async function loadHighlighter(): Promise<void> {
  await loadPart('paint');
  if (hljs) return;
  // A CommonJS module: the API is its default export.
  const module = (await import('highlight.js')) as unknown as { default?: HLJSApi } & HLJSApi;
  const api = module.default ?? module;
  api.configure({ __emitter: TokenTreeCollector });
  hljs = api;
}

const PLAIN = new Set(['', 'text', 'txt', 'plain', 'plaintext', 'none', 'console', 'output']);
const ALIASES: Record<string, string> = { jsonc: 'json', ndjson: 'json', shell: 'bash', sh: 'bash', zsh: 'bash', mjs: 'javascript', cjs: 'javascript' };

/**
 * The highlight.js language for a fence's info string, or undefined for plain text. The
 * language is never guessed: auto-detection costs hundreds of milliseconds and an unknown
 * language makes highlight.js write to the console.
 */
export function fenceLanguage(info: string | undefined): string | undefined {
  const word = (info ?? '').trim().split(/[\s{]/)[0]!.toLowerCase();
  if (PLAIN.has(word) || !hljs) return undefined;
  const name = ALIASES[word] ?? word;
  return /^[a-z0-9_+#.-]+$/.test(name) && hljs.getLanguage(name) ? name : undefined;
}

/**
 * The text of a token node with each token painted by its class's paint; text outside any
 * token, and a nested language's own node, stay as they are. A token inside another is painted
 * first, then the outer paint is applied around it (the styles nest as in the tree).
 */
function paintTree(node: TokenNode, theme: Record<string, Paint>): string {
  let text = '';
  for (const child of node.children) text += typeof child === 'string' ? child : paintTree(child, theme);
  if (node.kind === undefined || node.sublanguage) return text;
  const paint = theme[node.kind];
  return paint ? paint(text) : text;
}

/**
 * Highlights code for the terminal in the roles' code colours (default: the dark style at the
 * terminal's depth), or returns it as it is when there is no known language.
 */
export function highlightCode(code: string, info: string | undefined, color: boolean, roles?: Roles): string {
  const language = color ? fenceLanguage(info) : undefined;
  if (!language || !hljs) return code;
  // Outside the try: a part the renderer has to load first (optionalParts.ts) is not a failure to highlight.
  const theme = codeTheme(roles ?? paintedRoles());
  try {
    const result = hljs.highlight(code, { language, ignoreIllegals: true });
    const { emitter } = result;
    if (result.errorRaised || !(emitter instanceof TokenTreeCollector)) return code;
    return paintTree(emitter.root, theme);
  } catch {
    return code;
  }
}
