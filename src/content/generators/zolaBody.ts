import { outsideFencedCode } from './common.js';
import { shortcodeMarkdown } from './hugoShortcodes.js';

/**
 * Zola's shortcodes turned into Markdown before rendering, outside fenced code: inline ones
 * (`{{ youtube(id="dQw4w9WgXcQ") }}`) and ones with a body (`{% note(title="Mind") %}` …
 * `{% end %}`), read by meaning as Hugo's are (hugoShortcodes.ts: youtube, vimeo, streamable,
 * gist, figure, notes as titled boxes, comment hidden, any other inline one removed and any
 * other with a body shown as its content). An escaped one (`{{/* name() *\/}}`) is shown as the
 * shortcode it is, as Zola does. One pass; each search for a closer moves forward and is bounded.
 */

const MAX_CALL = 2048;
const MAX_DEPTH = 32;

interface Call {
  name: string;
  positional: string[];
  named: Record<string, string>;
}

/** `name(key=value, …)`, with string, number, boolean and array values; undefined if it is not one. */
function parseCall(text: string): Call | undefined {
  const m = /^\s*([A-Za-z_][\w-]*)\s*\(/.exec(text);
  if (!m || !text.trimEnd().endsWith(')')) return undefined;
  const source = text.trimEnd().slice(m[0].length, -1);
  const named: Record<string, string> = Object.create(null) as Record<string, string>;
  let i = 0;
  while (i < source.length) {
    while (i < source.length && /[\s,]/.test(source[i]!)) i++;
    if (i >= source.length) break;
    const key = /^([A-Za-z_]\w*)\s*=\s*/.exec(source.slice(i, i + 200));
    if (!key) return undefined;
    i += key[0].length;
    const q = source[i];
    let value = '';
    if (q === '"' || q === "'" || q === '`') {
      const end = source.indexOf(q, i + 1);
      if (end < 0) return undefined;
      value = source.slice(i + 1, end);
      i = end + 1;
    } else if (q === '[') {
      const end = source.indexOf(']', i);
      if (end < 0) return undefined;
      value = source.slice(i + 1, end).replace(/["'`]/g, '').trim();
      i = end + 1;
    } else {
      const start = i;
      while (i < source.length && !/[\s,]/.test(source[i]!)) i++;
      value = source.slice(start, i);
    }
    named[key[1]!.toLowerCase()] = value;
  }
  return { name: m[1]!.toLowerCase(), positional: [], named };
}

/** Shortcodes in a stretch of text outside code. */
function renderShortcodes(text: string): string {
  const parts: string[] = [];
  let i = 0;
  // Open body shortcodes: their call, and how many parts the output had when they opened.
  const stack: Array<{ call: Call; at: number }> = [];
  // The next `}}` and `%}` at or after a position, found by searches that only move forward.
  const nextClose: Record<string, number> = { '}}': -2, '%}': -2 };
  for (;;) {
    const open = text.indexOf('{', i);
    if (open < 0) break;
    const kind = text[open + 1];
    if (kind !== '{' && kind !== '%') {
      parts.push(text.slice(i, open + 1));
      i = open + 1;
      continue;
    }
    const closer = kind === '{' ? '}}' : '%}';
    if (nextClose[closer] !== -1 && nextClose[closer]! < open + 2) nextClose[closer] = text.indexOf(closer, open + 2);
    const close = nextClose[closer]!;
    if (close < 0 || close - open > MAX_CALL) {
      parts.push(text.slice(i, open + 2));
      i = open + 2;
      continue;
    }
    const end = close + 2;
    const inside = text.slice(open + 2, close).trim();
    if (inside.startsWith('/*') && inside.endsWith('*/')) {
      parts.push(text.slice(i, open), `{${kind} ${inside.slice(2, -2).trim()} ${kind === '{' ? '}' : '%'}}`);
      i = end;
      continue;
    }
    if (kind === '%' && /^end$/i.test(inside) && stack.length > 0) {
      parts.push(text.slice(i, open));
      const { call, at } = stack.pop()!;
      const body = parts.splice(at).join('');
      parts.push(shortcodeMarkdown(call.name, call, { markdown: () => body, raw: () => body }, {}));
      i = end;
      continue;
    }
    const call = parseCall(inside);
    if (!call) {
      parts.push(text.slice(i, open + 2));
      i = open + 2;
      continue;
    }
    parts.push(text.slice(i, open));
    if (kind === '{') parts.push(shortcodeMarkdown(call.name, call, undefined, {}));
    else if (stack.length < MAX_DEPTH) stack.push({ call, at: parts.length });
    i = end;
  }
  parts.push(text.slice(i));
  // A body shortcode never ended: its content stays, the opening call does not.
  return parts.join('');
}

/** A Zola post's body with its shortcodes turned into Markdown; fenced code is left alone. */
export function prepareZolaBody(body: string): string {
  if (!body.includes('{{') && !body.includes('{%')) return body;
  return outsideFencedCode(body, renderShortcodes);
}
