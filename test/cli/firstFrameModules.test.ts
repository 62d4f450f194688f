import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from '../support/runCli.js';

// What the built app runs before its first frame on a terminal: the entry (dist/blog-tui.js, a
// CommonJS file) and dist/quick-start.cjs, the command line read without the parser (quickStart),
// the settings, the posts and the app's start (tuiSetup) in one CommonJS file. The rest comes
// after the first frame, as ES modules (dist/quick-app/) that take the bundle's own modules.
const DIST = dirname(BIN);
const QUICK = join(DIST, 'quick-start.cjs');
const LATER = join(DIST, 'quick-app');

/** The source modules bundled in `file` (esbuild writes `// path` before each). */
function sourcesOf(file: string): Set<string> {
  return new Set([...readFileSync(file, 'utf8').matchAll(/^\/\/ (\S+\.(?:[cm]?js|tsx?))$/gm)].map((m) => m[1]!.replace(/^(\.\.\/)+[^/]+\/node_modules\//, 'node_modules/')));
}

describe('code run before the first frame (built dist/)', () => {
  it('the entry requires the quick start, and imports the parser only after it', () => {
    const entry = readFileSync(BIN, 'utf8');
    expect(entry).not.toMatch(/^\s*(import|export)\s/m);
    expect(entry.indexOf('quick-start.cjs')).toBeGreaterThan(-1);
    expect(entry.indexOf('quick-start.cjs')).toBeLessThan(entry.indexOf('import("./main.mjs")'));
    expect([...sourcesOf(BIN)].filter((s) => s.startsWith('node_modules/'))).toEqual([]);
  });

  it('the quick start holds the settings, the list and its first frame; not the parser, the full-screen framework nor what fetches feeds', () => {
    const sources = sourcesOf(QUICK);
    for (const module of ['src/cli/quickStart.ts', 'src/cli/startCommand.ts', 'src/tui/tuiSetup.ts', 'src/tui/listLines.ts', 'src/cli/folderHead.ts', 'src/content/feeds/feedHead.ts']) expect(sources).toContain(module);
    for (const module of ['src/cli/main.ts', 'src/tui/runTui.tsx', 'src/tui/components/App.tsx', 'src/content/feeds/http.ts', 'src/content/feeds/feedCache.ts', 'src/render/markdownRenderer.ts']) expect(sources).not.toContain(module);
    expect([...sources].filter((s) => /^node_modules\/(commander|ink|react|marked)\//.test(s))).toEqual([]);
    const text = readFileSync(QUICK, 'utf8');
    expect(text).not.toContain('require("node:crypto")');
    expect(text).toContain('import("./quick-app/tui-runTui.mjs")');
  });

  it('what it imports after the first frame takes its modules instead of copies of them', () => {
    const held = [...sourcesOf(QUICK)].filter((s) => s.startsWith('src/'));
    const later = readdirSync(LATER).filter((f) => f.endsWith('.mjs')).map((f) => join(LATER, f));
    const copies = later.flatMap((file) => [...sourcesOf(file)].filter((s) => held.includes(s)).map((s) => `${s} in ${file}`));
    expect(copies).toEqual([]);
    const app = later.map((file) => readFileSync(file, 'utf8')).join('\n');
    expect(app).toContain('node_modules/ink/build/');
    for (const module of ['src/tui/tuiSetup.ts', 'src/tui/state/appReducer.ts', 'src/tui/keymap.ts']) expect(app).toContain(`quick-held:${module}`);
  });
});
