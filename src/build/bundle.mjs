// Builds dist/: the `blog-tui` command as an ES module bundle, split so that the list, the
// full-screen app (Ink, React) and the Markdown renderer each load only when used.
import { build } from 'esbuild';
import { chmodSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dist = `${root}dist`;

// highlight.js registers about 190 languages when imported; load the ones blog posts use.
const HIGHLIGHT_LANGUAGES = [
  'bash', 'c', 'cpp', 'csharp', 'css', 'diff', 'dockerfile', 'go', 'http', 'ini', 'java',
  'javascript', 'json', 'kotlin', 'makefile', 'markdown', 'nginx', 'php', 'plaintext', 'python',
  'ruby', 'rust', 'shell', 'sql', 'swift', 'typescript', 'xml', 'yaml',
];

const highlightSubset = {
  name: 'highlight-subset',
  setup(b) {
    b.onResolve({ filter: /^highlight\.js$/ }, () => ({ path: 'highlight.js', namespace: 'highlight-subset' }));
    b.onLoad({ filter: /.*/, namespace: 'highlight-subset' }, () => ({
      resolveDir: root,
      contents: [
        "const hljs = require('highlight.js/lib/core');",
        ...HIGHLIGHT_LANGUAGES.map((l) => `hljs.registerLanguage('${l}', require('highlight.js/lib/languages/${l}'));`),
        'module.exports = hljs;',
      ].join('\n'),
    }));
  },
};

// Ink imports react-devtools-core only when DEV is set; it is not shipped.
const noDevtools = {
  name: 'no-devtools',
  setup(b) {
    b.onResolve({ filter: /^react-devtools-core$/ }, () => ({ path: 'react-devtools-core', namespace: 'stub' }));
    b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: 'export default {};' }));
  },
};

// Ink's layout engine loads its WebAssembly from a data: URL with fetch() when fetch exists,
// which pulls Node's whole HTTP client in at start-up; it decodes the same bytes without it.
const yogaWithoutFetch = {
  name: 'yoga-without-fetch',
  setup(b) {
    b.onLoad({ filter: /yoga-wasm-base64-esm\.js$/ }, async (args) => {
      const { readFile } = await import('node:fs/promises');
      const source = await readFile(args.path, 'utf8');
      const patched = source.replaceAll('"function"!=typeof fetch', 'true');
      if (patched === source) throw new Error('yoga-without-fetch: the fetch test was not found; check the yoga-layout version');
      return { contents: patched, loader: 'js' };
    });
  },
};

// Every ES-module import of string-width (Ink's, wrap-ansi's, blog-tui's) goes to
// src/render/displayWidth.ts, which measures most text itself; string-width, which it calls for
// the rest, builds its segmenter and emoji expression on first use instead of at start-up.
const displayWidth = `${root}src/render/displayWidth.ts`;
const lazyStringWidth = {
  name: 'lazy-string-width',
  setup(b) {
    b.onResolve({ filter: /^string-width$/ }, (args) =>
      args.kind === 'import-statement' && args.importer !== displayWidth ? { path: displayWidth } : undefined,
    );
    b.onLoad({ filter: /[\\/]node_modules[\\/]string-width[\\/]index\.js$/ }, async (args) => {
      const { readFile } = await import('node:fs/promises');
      const source = await readFile(args.path, 'utf8');
      const patched = source
        .replace('const segmenter = new Intl.Segmenter();', 'let segmenterInstance; const segmenter = { segment: (s) => (segmenterInstance ??= new Intl.Segmenter()).segment(s) };')
        .replace('const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;', 'let rgiInstance; const rgiEmojiRegex = { test: (s) => (rgiInstance ??= new RegExp("^\\\\p{RGI_Emoji}$", "v")).test(s) };');
      if (!patched.includes('segmenterInstance') || !patched.includes('rgiInstance')) {
        throw new Error('lazy-string-width: string-width changed; check the patch');
      }
      return { contents: patched, loader: 'js' };
    });
  },
};

// commander loads node:child_process when it is imported, for the subcommands it could run as
// programs of their own (blog-tui has none); with the modules it brings (net's sockets, dgram) it
// cost more than the rest of the command line's parsing. It is loaded if one is ever run.
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/]commander[\\/]lib[\\/]command\.js$/ }, async (args) => {
      const { readFile } = await import('node:fs/promises');
      const source = await readFile(args.path, 'utf8');
      const statement = "const childProcess = require('node:child_process');";
      const patched = source.replace(statement, "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };");
      if (patched === source) throw new Error('lazy-child-process: commander changed; check the patch');
      return { contents: patched, loader: 'js' };
    });
  },
};

// slice-ansi and wrap-ansi build a grapheme segmenter when they are imported (the first one
// built loads ICU's break rules, which costs more than the rest of the list's first frame); each
// is built on first use instead (most text is measured, cut and wrapped without one).
const LAZY_SEGMENTERS = [
  [/[\\/]node_modules[\\/]slice-ansi[\\/]tokenize-ansi\.js$/, "const GRAPHEME_SEGMENTER = new Intl.Segmenter(undefined, {granularity: 'grapheme'});", 'GRAPHEME_SEGMENTER'],
  [/[\\/]node_modules[\\/]wrap-ansi[\\/]index\.js$/, 'const segmenter = new Intl.Segmenter();', 'segmenter'],
];
const lazySegmenters = {
  name: 'lazy-segmenters',
  setup(b) {
    for (const [filter, statement, name] of LAZY_SEGMENTERS) {
      b.onLoad({ filter }, async (args) => {
        const { readFile } = await import('node:fs/promises');
        const source = await readFile(args.path, 'utf8');
        const lazy = `let ${name}Instance; const ${name} = { segment: (s) => (${name}Instance ??= ${statement.slice(statement.indexOf('new '), -1)}).segment(s) };`;
        // An older copy (Ink's own wrap-ansi) builds none.
        if (!source.includes('new Intl.Segmenter')) return undefined;
        const patched = source.replace(statement, lazy);
        if (patched === source) throw new Error(`lazy-segmenters: ${args.path} changed; check the patch`);
        return { contents: patched, loader: 'js' };
      });
    }
  },
};

// Ink's Output makes its grid of styled characters and writes the rows back out with
// @alcalzone/ansi-tokenize, afresh for every line of every frame; src/tui/frameCells.ts makes
// the same cells and the same text with a fraction of the work and garbage (see there).
const frameCells = `${root}src/tui/frameCells.ts`;
const INK_OUTPUT_PATCHES = [
  [/import \{ styledCharsFromTokens, styledCharsToString, tokenize, \} from '@alcalzone\/ansi-tokenize';/, `import { styledCells, cellsToString, BLANK_CELL } from ${JSON.stringify(frameCells)};`],
  [/styledCharsFromTokens\(tokenize\(line\)\)/, 'styledCells(line)'],
  [/row\.push\(\{\s*type: 'char',\s*value: ' ',\s*fullWidth: false,\s*styles: \[\],\s*\}\);/, 'row.push(BLANK_CELL);'],
  [/styledCharsToString\(lineWithoutEmptyItems\)/, 'cellsToString(lineWithoutEmptyItems)'],
];
const inkFrameCells = {
  name: 'ink-frame-cells',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/]ink[\\/]build[\\/]output\.js$/ }, async (args) => {
      const { readFile } = await import('node:fs/promises');
      let source = await readFile(args.path, 'utf8');
      for (const [pattern, replacement] of INK_OUTPUT_PATCHES) {
        if (!pattern.test(source)) throw new Error(`ink-frame-cells: ${pattern} is not in Ink's output.js; check the Ink version`);
        source = source.replace(pattern, replacement);
      }
      return { contents: source, loader: 'js' };
    });
  },
};

rmSync(dist, { recursive: true, force: true });
await build({
  // The fidelity report (`npm run fidelity`) shares the app's chunks, so it renders with the same code.
  // The layout worker is an entry of its own (dist/render-worker.js), started by the app after
  // its first frame; it shares the renderer's chunk with the piped `read`.
  entryPoints: {
    'blog-tui': `${root}src/cli/bin.ts`,
    fidelity: `${root}src/fidelity/main.ts`,
    'render-worker': `${root}src/render/renderWorker.ts`,
    'folder-check': `${root}src/cli/folderCheckWorker.ts`,
    'index-part': `${root}src/cli/indexPartWorker.ts`,
    'feed-sync': `${root}src/cli/feedSyncWorker.ts`,
  },
  outdir: dist,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minifySyntax: true,
  chunkNames: 'chunks/[name]-[hash]',
  define: { 'process.env.NODE_ENV': '"production"' },
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __blogTuiRequire } from 'node:module'; const require = __blogTuiRequire(import.meta.url);",
  },
  plugins: [highlightSubset, noDevtools, yogaWithoutFetch, lazyStringWidth, lazySegmenters, lazyChildProcess, inkFrameCells],
  logLevel: 'warning',
  legalComments: 'none',
});
writeFileSync(`${dist}/package.json`, '{ "type": "module" }\n');
chmodSync(`${dist}/blog-tui.js`, 0o755);
