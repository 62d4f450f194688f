import { createRequire } from 'node:module';
import { sha256Hex } from '../sha256.js';
import type { FolderProbe } from './types.js';

/** Reading a site's configuration files: YAML, TOML and JSON parsers are imported when needed. */

// node:crypto only for configuration too long for sha256.ts.
const load = createRequire(import.meta.url);

export type ConfigFormat = 'yaml' | 'toml' | 'json';

export function formatOf(file: string): ConfigFormat | undefined {
  if (/\.ya?ml$/i.test(file)) return 'yaml';
  if (/\.toml$/i.test(file)) return 'toml';
  if (/\.json$/i.test(file)) return 'json';
  return undefined;
}

function asObject(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** Parses a configuration file's text; throws with a one-line reason. */
export async function parseConfig(text: string, format: ConfigFormat, name: string): Promise<Record<string, unknown>> {
  try {
    if (format === 'json') return asObject(JSON.parse(text));
    if (format === 'toml') return asObject((await import('smol-toml')).parse(text));
    // The bundle may hand this CommonJS package over as its default export.
    const yaml = (await import('yaml')) as typeof import('yaml') & { default?: typeof import('yaml') };
    return asObject((yaml.parse ?? yaml.default!.parse)(text, { maxAliasCount: 100, uniqueKeys: false }));
  } catch (error) {
    throw new Error(`${name} does not parse: ${String((error as Error).message).split('\n')[0]}`);
  }
}

/** Keys in lower case at every level (Hugo reads its configuration that way); the first spelling wins. */
export function lowerKeysDeep(value: unknown, depth = 0): unknown {
  if (depth > 20 || typeof value !== 'object' || value === null || value instanceof Date) return value;
  if (Array.isArray(value)) return value.map((v) => lowerKeysDeep(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const lower = key.toLowerCase();
    if (!Object.hasOwn(out, lower)) out[lower] = lowerKeysDeep(v, depth + 1);
  }
  return out;
}

/** A fingerprint of the configuration files' text, for the index cache. */
/** Up to this many characters, configuration is hashed by sha256.ts: reading one post of a folder then loads no node:crypto. */
const SHORT_CONFIG = 65536;

export function fingerprint(generator: string, probe: FolderProbe, files: readonly string[]): string {
  let text = generator;
  for (const file of files) text += `\0${file}\0${probe.read(file) ?? ''}`;
  const hex = text.length <= SHORT_CONFIG ? sha256Hex(text) : (load('node:crypto') as typeof import('node:crypto')).createHash('sha256').update(text).digest('hex');
  return `${generator}:${hex.slice(0, 16)}`;
}

export function record(value: unknown): Record<string, unknown> {
  return asObject(value);
}

/**
 * The string value of a top-level `key: 'value'` or `key = "value"` in a JavaScript or
 * TypeScript configuration (docusaurus.config.js, astro.config.mjs), found by a linear scan.
 */
export function scriptString(source: string | undefined, key: string): string | undefined {
  if (!source) return undefined;
  let from = 0;
  for (;;) {
    const at = source.indexOf(key, from);
    if (at < 0) return undefined;
    from = at + key.length;
    const before = at === 0 ? '' : source[at - 1]!;
    if (/[\w$.]/.test(before)) continue;
    let i = from;
    while (source[i] === ' ' || source[i] === '\t') i++;
    if (source[i] !== ':' && source[i] !== '=') continue;
    i++;
    while (source[i] === ' ' || source[i] === '\t') i++;
    const quote = source[i];
    if (quote !== '"' && quote !== "'" && quote !== '`') continue;
    const end = source.indexOf(quote, i + 1);
    if (end < 0 || end - i > 300) continue;
    const value = source.slice(i + 1, end);
    if (!value.includes('${') && !value.includes('\n')) return value;
  }
}
