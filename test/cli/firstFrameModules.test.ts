import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from '../support/runCli.js';

// What the built app loads before its first frame: the entry, the command line read without the
// parser (quickStart), the app's start (tuiSetup) and, for a blog read by its address, the reading of its cached head
// (feedPreview), with everything they import. node:crypto and the modules that fetch feeds or
// read whole caches cost milliseconds to load that the first screen does not need.
const CHUNKS = join(dirname(BIN), 'chunks');

/** The chunk of dist/chunks made for the module `name` (esbuild names it `name-HASH.js`). */
function chunk(name: string): string {
  const file = readdirSync(CHUNKS).find((f) => f.startsWith(`${name}-`) && f.endsWith('.js'));
  if (!file) throw new Error(`no chunk for ${name} in ${CHUNKS}`);
  return join(CHUNKS, file);
}

/** The files and Node modules loaded with `files` by their static imports, with the source modules bundled in them. */
function staticClosure(files: string[]): { builtins: Set<string>; sources: Set<string>; files: Set<string> } {
  const builtins = new Set<string>();
  const sources = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^\/\/ (src\/\S+)$/gm)) sources.add(m[1]!);
    for (const m of text.matchAll(/^import\s*(?:[^'"();]*?\bfrom\s*)?["']([^"']+)["'];?$/gm)) {
      const target = m[1]!;
      if (target.startsWith('node:')) builtins.add(target);
      else if (target.startsWith('.')) visit(resolve(dirname(file), target));
    }
  };
  for (const file of files) visit(file);
  return { builtins, sources, files: seen };
}

describe('modules loaded before the first frame (built dist/)', () => {
  const start = [BIN, chunk('quickStart'), chunk('tuiSetup')];

  it('the list: no node:crypto, and not the command-line parser', () => {
    const { builtins, sources, files } = staticClosure(start);
    expect(sources).toContain('src/tui/tuiSetup.ts');
    expect(sources).toContain('src/cli/startCommand.ts');
    expect([...builtins]).not.toContain('node:crypto');
    expect([...files]).not.toContain(chunk('main'));
    expect([...sources]).not.toContain('src/cli/main.ts');
    for (const file of files) expect(readFileSync(file, 'utf8'), file).not.toContain('// node_modules/commander/');
    // The entry goes to the quick start before the parser.
    const entry = readFileSync(BIN, 'utf8');
    expect(entry.indexOf('quickStart-')).toBeGreaterThan(-1);
    expect(entry.indexOf('quickStart-')).toBeLessThan(entry.indexOf('main-'));
  });

  it("a cached feed's head: no node:crypto, nothing that fetches, nothing that reads a whole cache", () => {
    const { builtins, sources } = staticClosure([...start, chunk('feedPreview')]);
    expect(sources).toContain('src/content/feeds/feedHead.ts');
    expect([...builtins]).not.toContain('node:crypto');
    for (const module of ['src/content/feeds/http.ts', 'src/content/feeds/feedCache.ts', 'src/content/indexCache.ts', 'src/content/indexBuild.ts']) expect([...sources]).not.toContain(module);
  });
});
