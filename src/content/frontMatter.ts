import { parse as parseYaml } from 'yaml';
import { parse as parseToml } from 'smol-toml';

export type FrontMatterFormat = 'yaml' | 'toml' | 'json' | 'none';

export interface SplitPost {
  format: FrontMatterFormat;
  data: Record<string, unknown>;
  body: string;
}

export class FrontMatterError extends Error {}

const FENCES: Array<{ format: 'yaml' | 'toml'; open: RegExp; close: RegExp }> = [
  { format: 'yaml', open: /^---[ \t]*\n/, close: /^---[ \t]*$/m },
  { format: 'toml', open: /^\+\+\+[ \t]*\n/, close: /^\+\+\+[ \t]*$/m },
];

/** Removes a byte-order mark and turns CRLF into LF. */
export function normalizeSource(source: string): string {
  return (source.charCodeAt(0) === 0xfeff ? source.slice(1) : source).replace(/\r\n?/g, '\n');
}

function asRecord(value: unknown, format: string): Record<string, unknown> {
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new FrontMatterError(`${format} front matter is not a mapping`);
  }
  return value as Record<string, unknown>;
}

function parseBlock(format: 'yaml' | 'toml', text: string): Record<string, unknown> {
  try {
    return asRecord(format === 'yaml' ? parseYaml(text) : parseToml(text), format.toUpperCase());
  } catch (error) {
    if (error instanceof FrontMatterError) throw error;
    const first = String((error as Error).message).split('\n')[0]!.replace(/:\s*$/, '');
    throw new FrontMatterError(`${format.toUpperCase()} front matter does not parse: ${first}`);
  }
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

/** Splits a post into front matter (YAML `---`, TOML `+++` or a JSON object) and body. */
export function splitFrontMatter(source: string): SplitPost {
  const text = normalizeSource(source);
  for (const fence of FENCES) {
    const open = fence.open.exec(text);
    if (!open) continue;
    const rest = text.slice(open[0].length);
    const close = fence.close.exec(rest);
    if (!close) throw new FrontMatterError(`${fence.format.toUpperCase()} front matter is not closed`);
    const data = parseBlock(fence.format, rest.slice(0, close.index));
    const body = rest.slice(close.index + close[0].length).replace(/^\n/, '');
    return { format: fence.format, data, body };
  }
  if (text.startsWith('{')) {
    const end = jsonObjectEnd(text);
    if (end > 0) {
      let data: unknown;
      try {
        data = JSON.parse(text.slice(0, end));
      } catch (error) {
        throw new FrontMatterError(`JSON front matter does not parse: ${(error as Error).message}`);
      }
      return { format: 'json', data: asRecord(data, 'JSON'), body: text.slice(end).replace(/^\n/, '') };
    }
  }
  return { format: 'none', data: {}, body: text };
}
