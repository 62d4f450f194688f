import { outsideFencedCode } from './common.js';

/**
 * MDX and Docusaurus syntax turned into Markdown before rendering, outside fenced code:
 * `import`/`export` lines dropped, `{/* comments *\/}` removed, JSX components shown as their
 * text children (opening and closing tags removed) or, when self-closing, as a one-line
 * placeholder naming the component and its src/href/title; HTML tags with JSX attribute values
 * (`style={{…}}`) shown the same way; Docusaurus admonitions (`:::note Title` … `:::`) as GitHub
 * alert blocks; `<!-- truncate -->` and heading ids (`{#id}`) removed. Line by line, each tag
 * scanned once with a bounded length: linear.
 */

const MAX_TAG = 1024;

const ADMONITIONS: Record<string, string> = {
  note: 'NOTE', info: 'NOTE', tip: 'TIP', important: 'IMPORTANT', warning: 'WARNING', caution: 'CAUTION', danger: 'CAUTION', success: 'TIP', secondary: 'NOTE',
};

/** The end of a JSX tag starting at `<` (index of `>`), honouring quotes and braces; -1 if none nearby. */
function tagEnd(text: string, at: number): number {
  let depth = 0;
  let quote = '';
  const limit = Math.min(text.length, at + MAX_TAG);
  for (let i = at + 1; i < limit; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'" || ch === '`') quote = ch;
    else if (ch === '{') depth++;
    else if (ch === '}') depth = Math.max(0, depth - 1);
    else if (ch === '>' && depth === 0) return i;
    else if (ch === '<' && depth === 0 && text[i + 1] !== '=' ) return -1;
  }
  return -1;
}

function attribute(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}=["']([^"']{0,500})["']`).exec(tag);
  return m?.[1];
}

function placeholder(name: string, tag: string): string {
  const target = attribute(tag, 'src') ?? attribute(tag, 'href') ?? attribute(tag, 'url') ?? attribute(tag, 'id');
  const title = attribute(tag, 'title') ?? attribute(tag, 'alt') ?? attribute(tag, 'caption');
  const parts = [name, title, target].filter(Boolean);
  return `[${parts.join(': ')}]`;
}

const MEDIA = /^<\/?(iframe|video|audio|img|source|embed|object)\b/i;

/** JSX in one stretch of text outside code. */
function stripJsx(text: string): string {
  let out = '';
  let i = 0;
  for (;;) {
    const open = text.indexOf('<', i);
    const comment = text.indexOf('{/*', i);
    if (comment >= 0 && (open < 0 || comment < open)) {
      const end = text.indexOf('*/}', comment + 3);
      if (end < 0) break;
      out += text.slice(i, comment);
      i = end + 3;
      continue;
    }
    if (open < 0) break;
    const next = text[open + 1] ?? '';
    const closing = next === '/';
    const first = closing ? text[open + 2] ?? '' : next;
    const component = /[A-Z]/.test(first);
    const end = component || MEDIA.test(text.slice(open, open + 9)) ? tagEnd(text, open) : -1;
    if (end < 0) {
      out += text.slice(i, open + 1);
      i = open + 1;
      continue;
    }
    const tag = text.slice(open, end + 1);
    out += text.slice(i, open);
    const name = /^<\/?([\w.-]+)/.exec(tag)?.[1] ?? '';
    const selfClosing = tag.endsWith('/>');
    if (closing) {
      // A closing tag leaves its children in place.
    } else if (selfClosing || (!component && MEDIA.test(tag))) out += placeholder(name, tag);
    i = end + 1;
  }
  return out + text.slice(i);
}

export function prepareMdxBody(body: string, options: { docusaurus?: boolean } = {}): string {
  // JSX is removed from everything outside fenced code, so that a tag may span lines.
  const lines = outsideFencedCode(body, stripJsx).split('\n');
  const out: string[] = [];
  let fenceMark = '';
  let inExport = 0;
  let alertDepth = 0;
  for (const line of lines) {
    const trimmed = line.trimStart();
    if (fenceMark) {
      out.push(alertDepth ? `> ${line}` : line);
      if (trimmed.startsWith(fenceMark)) fenceMark = '';
      continue;
    }
    if (trimmed.startsWith('```') || trimmed.startsWith('~~~')) {
      fenceMark = trimmed.slice(0, 3);
      out.push(alertDepth ? `> ${line}` : line);
      continue;
    }
    if (inExport > 0) {
      for (const ch of line) inExport += ch === '{' || ch === '(' || ch === '[' ? 1 : ch === '}' || ch === ')' || ch === ']' ? -1 : 0;
      if (inExport < 0) inExport = 0;
      continue;
    }
    if (/^(import|export)\s/.test(line)) {
      let depth = 0;
      for (const ch of line) depth += ch === '{' || ch === '(' || ch === '[' ? 1 : ch === '}' || ch === ')' || ch === ']' ? -1 : 0;
      inExport = Math.max(0, depth);
      continue;
    }
    if (options.docusaurus) {
      const admonition = /^:::(\w+)(?:\[(.*)\]|\s+(.*))?\s*$/.exec(trimmed);
      if (admonition && ADMONITIONS[admonition[1]!.toLowerCase()]) {
        const title = (admonition[2] ?? admonition[3] ?? '').replace(/\s+/g, ' ').trim();
        out.push(`> [!${ADMONITIONS[admonition[1]!.toLowerCase()]}]${title ? ` ${title}` : ''}`);
        alertDepth++;
        continue;
      }
      if (alertDepth && /^:::\s*$/.test(trimmed)) {
        alertDepth--;
        out.push('');
        continue;
      }
    }
    let text = line;
    if (/^\s*<!--\s*truncate\s*-->\s*$/i.test(text)) continue;
    if (/^#{1,6}\s/.test(text)) text = text.replace(/\s*\{#[\w-]{1,200}\}\s*$/, '');
    if (text.trim() === '' && line.trim() !== '') continue;
    out.push(alertDepth ? (text ? `> ${text}` : '>') : text);
  }
  return out.join('\n');
}
