// Adding and removing subscriptions: the config file is edited as text, so that its comments
// and layout stay as the user wrote them; a `[[feeds]]` table is appended or taken out whole.
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { writeFileAtomicSync } from '../state/atomicFile.js';
import { MAX_CONFIG_BYTES } from './configFile.js';

/** A TOML basic string. */
function tomlString(text: string): string {
  return JSON.stringify(text).replace(/[\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function readText(path: string): string {
  try {
    const bytes = readFileSync(path);
    if (bytes.length > MAX_CONFIG_BYTES) throw new Error(`the config file is larger than ${MAX_CONFIG_BYTES / 1024} KB`);
    return bytes.toString('utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw error;
  }
}

/** Appends `[[feeds]]` with the address (and name) to the config file, creating it when there is none. */
export function appendFeed(path: string, url: string, name?: string): void {
  const text = readText(path);
  const block = `[[feeds]]\nurl = ${tomlString(url)}\n${name ? `name = ${tomlString(name)}\n` : ''}`;
  const separator = text === '' ? '' : text.endsWith('\n\n') ? '' : text.endsWith('\n') ? '\n' : '\n\n';
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  writeFileAtomicSync(path, text + separator + block, 0o600);
}

/**
 * Takes out the `[[feeds]]` table that starts at `line` (1-based): its header and every line up
 * to the next table header, except the comments just above that header, which belong to it.
 */
export function removeFeedAt(path: string, line: number): void {
  const lines = readText(path).split('\n');
  const start = line - 1;
  let stop = start + 1;
  while (stop < lines.length && !/^\s*\[/.test(lines[stop]!)) stop++;
  if (stop < lines.length) while (stop > start + 1 && /^\s*#/.test(lines[stop - 1]!)) stop--;
  lines.splice(start, stop - start);
  const text = lines.join('\n').replace(/\n{2,}$/, '\n');
  writeFileAtomicSync(path, text === '\n' ? '' : text, 0o600);
}
