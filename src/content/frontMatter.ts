import { parse as parseYaml } from 'yaml';
import { parse as parseToml } from 'smol-toml';
import { parseSimpleYaml } from './simpleYaml.js';
import { FrontMatterError, locate, normalizeSource, type FrontMatterFormat } from './frontMatterFences.js';

export { FrontMatterError, normalizeSource, postBody, type FrontMatterFormat } from './frontMatterFences.js';

export interface SplitPost {
  format: FrontMatterFormat;
  data: Record<string, unknown>;
  body: string;
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
    if (format === 'yaml') return parseSimpleYaml(text) ?? asRecord(parseYaml(text, { uniqueKeys: false }), 'YAML');
    return asRecord(parseToml(text), 'TOML');
  } catch (error) {
    if (error instanceof FrontMatterError) throw error;
    const first = String((error as Error).message).split('\n')[0]!.replace(/:\s*$/, '');
    throw new FrontMatterError(`${format.toUpperCase()} front matter does not parse: ${first}`);
  }
}

/** Splits a post into front matter (YAML `---`, TOML `+++` or a JSON object) and body. */
export function splitFrontMatter(source: string, atStart = false): SplitPost {
  const { format, raw, body } = locate(normalizeSource(source), atStart);
  if (format === 'yaml' || format === 'toml') return { format, data: parseBlock(format, raw), body };
  if (format === 'json') {
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch (error) {
      throw new FrontMatterError(`JSON front matter does not parse: ${(error as Error).message}`);
    }
    return { format, data: asRecord(data, 'JSON'), body };
  }
  return { format, data: {}, body };
}

