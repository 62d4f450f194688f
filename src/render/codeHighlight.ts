import { codeTheme } from './codeTheme.js';
import { rolesFor, terminalLevel, type Roles } from './style.js';

interface Highlighter {
  highlight(code: string, options: { language: string; ignoreIllegals: boolean; theme: Record<string, (text: string) => string> }): string;
  supportsLanguage(name: string): boolean;
}

/**
 * highlight.js is large: it is loaded only where colour is wanted (the reader, or piped output
 * with FORCE_COLOR), by loadHighlighter(). Until then code is rendered plain.
 */
let highlighter: Highlighter | undefined;

export async function loadHighlighter(): Promise<void> {
  if (highlighter) return;
  // A CommonJS module: its functions are on the namespace or on its default export.
  const module = (await import('cli-highlight')) as unknown as Partial<Highlighter> & { default?: Highlighter };
  highlighter = typeof module.supportsLanguage === 'function' ? (module as Highlighter) : module.default;
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
  if (PLAIN.has(word) || !highlighter) return undefined;
  const name = ALIASES[word] ?? word;
  return /^[a-z0-9_+#.-]+$/.test(name) && highlighter.supportsLanguage(name) ? name : undefined;
}

/**
 * Highlights code for the terminal in the roles' code colours (default: the dark style at the
 * terminal's depth), or returns it as it is when there is no known language.
 */
export function highlightCode(code: string, info: string | undefined, color: boolean, roles?: Roles): string {
  const language = color ? fenceLanguage(info) : undefined;
  if (!language || !highlighter) return code;
  try {
    return highlighter.highlight(code, { language, ignoreIllegals: true, theme: codeTheme(roles ?? rolesFor(terminalLevel())) });
  } catch {
    return code;
  }
}
