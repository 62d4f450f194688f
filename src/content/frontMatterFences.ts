/**
 * Where a post's front matter ends, found without parsing it: the part of the front matter
 * code the reader needs, kept apart from the YAML and TOML parsers so that opening a post does
 * not load them.
 */
export type FrontMatterFormat = 'yaml' | 'toml' | 'json' | 'none';

export class FrontMatterError extends Error {}

const FENCES: Array<{ format: 'yaml' | 'toml'; open: RegExp; close: RegExp }> = [
  { format: 'yaml', open: /^---[ \t]*\n/, close: /^---[ \t]*$/m },
  { format: 'toml', open: /^\+\+\+[ \t]*\n/, close: /^\+\+\+[ \t]*$/m },
];

/** Removes a byte-order mark and turns CRLF into LF. */
export function normalizeSource(source: string): string {
  return (source.charCodeAt(0) === 0xfeff ? source.slice(1) : source).replace(/\r\n?/g, '\n');
}

/** How many whitespace characters (blank lines, spaces, tabs) start the text. */
function leadingSpace(text: string): number {
  let i = 0;
  while (i < text.length && (text[i] === '\n' || text[i] === ' ' || text[i] === '\t')) i++;
  return i;
}

function startsFrontMatter(text: string, at: number): boolean {
  return text.startsWith('---', at) || text.startsWith('+++', at) || text.startsWith('{', at);
}

/** Finds the end of a JSON object at the start of the text, or -1. */
function jsonObjectEnd(text: string): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return i + 1;
  }
  return -1;
}

export interface Located {
  format: FrontMatterFormat;
  /** The front matter's text, without its fences. */
  raw: string;
  body: string;
}

/**
 * Finds the front matter and the body without parsing the front matter. Hugo reads front matter
 * after any blank lines and spaces at the start of the file; Jekyll only at the very start
 * (`atStart`), else the whole file is the body.
 */
export function locate(source: string, atStart = false): Located {
  const lead = atStart ? 0 : leadingSpace(source);
  const text = lead > 0 && startsFrontMatter(source, lead) ? source.slice(lead) : source;
  for (const fence of FENCES) {
    const open = fence.open.exec(text);
    if (!open) continue;
    const rest = text.slice(open[0].length);
    const close = fence.close.exec(rest);
    if (!close) throw new FrontMatterError(`${fence.format.toUpperCase()} front matter is not closed`);
    return { format: fence.format, raw: rest.slice(0, close.index), body: rest.slice(close.index + close[0].length).replace(/^\n/, '') };
  }
  if (text.startsWith('{')) {
    const end = jsonObjectEnd(text);
    if (end > 0) return { format: 'json', raw: text.slice(0, end), body: text.slice(end).replace(/^\n/, '') };
  }
  return { format: 'none', raw: '', body: text };
}

/**
 * The body the reader shows: the front matter is cut off but not parsed (the index already
 * holds what it says), so opening a post costs no YAML parsing and a post whose front matter
 * does not parse can still be read. Unclosed front matter is shown as text.
 */
export function postBody(source: string, atStart = false): string {
  const text = normalizeSource(source);
  try {
    return locate(text, atStart).body;
  } catch {
    return text;
  }
}
