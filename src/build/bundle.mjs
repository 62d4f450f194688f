// Builds dist/: the `blog-tui` command as a small CommonJS entry (dist/blog-tui.js) and ES module
// bundles split so that the list, the full-screen app (Ink, React) and the Markdown renderer each
// load only when used; the piped `read` (run from V8's code cache, src/cli/codeCache.ts) and the
// app up to its first frame are CommonJS bundles.
import { build } from 'esbuild';
import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dist = `${root}dist`;

/**
 * An esbuild onLoad that hands esbuild a dependency's file as `patch` rewrites it. `patch` returns
 * undefined to leave the file as it is, or null when the patch no longer applies (the dependency
 * changed), which stops the build with a line naming `plugin` and the file.
 */
function patchedSource(plugin, patch) {
  return async (args) => {
    const source = await readFile(args.path, 'utf8');
    const patched = patch(source);
    if (patched === undefined) return undefined;
    if (patched === null || patched === source) throw new Error(`${plugin}: ${args.path} changed; check the patch`);
    return { contents: patched, loader: 'js' };
  };
}

// highlight.js registers about 190 languages when imported; load the ones blog posts use.
const HIGHLIGHT_LANGUAGES = [
  'bash', 'c', 'cpp', 'csharp', 'css', 'diff', 'dockerfile', 'go', 'http', 'ini', 'java',
  'javascript', 'json', 'kotlin', 'makefile', 'markdown', 'nginx', 'php', 'plaintext', 'python',
  'ruby', 'rust', 'shell', 'sql', 'swift', 'typescript', 'xml', 'yaml',
];

// Each language is defined (and, through the languages it nests, such as CSS in HTML, the ones
// it needs) the first time a block asks for it, not all of them at start: defining the 28 took
// longer than the rest of a coloured `read`. Names, aliases and nested languages are read from
// highlight.js here, at build time.
function highlightTables() {
  const load = createRequire(`${root}package.json`);
  const hljs = load('highlight.js/lib/core');
  for (const l of HIGHLIGHT_LANGUAGES) hljs.registerLanguage(l, load(`highlight.js/lib/languages/${l}`));
  const aliases = {};
  for (const l of HIGHLIGHT_LANGUAGES) for (const alias of hljs.getLanguage(l).aliases ?? []) aliases[alias.toLowerCase()] ??= l;
  const keyOf = (name) => (HIGHLIGHT_LANGUAGES.includes(name) ? name : aliases[name]);
  const nested = {};
  for (const l of HIGHLIGHT_LANGUAGES) {
    const found = new Set();
    const seen = new Set();
    const walk = (value) => {
      if (value === null || typeof value !== 'object' || value instanceof RegExp || seen.has(value)) return;
      seen.add(value);
      for (const [key, inner] of Object.entries(value)) {
        // An empty list: highlight.js guesses among the languages configured below (an HTTP body).
        const names = Array.isArray(inner) && inner.length === 0 ? GUESSED_LANGUAGES : [inner].flat();
        if (key === 'subLanguage') for (const name of names) if (typeof name === 'string' && keyOf(name) && keyOf(name) !== l) found.add(keyOf(name));
        walk(inner);
      }
    };
    walk(hljs.getLanguage(l));
    if (found.size) nested[l] = [...found].sort();
  }
  return { aliases, nested };
}

// The body of an HTTP message is the one place highlight.js guesses a language: among these
// (the formats bodies come in), in this order, not among all of them: trying every language on
// each body cost more than the rest of a coloured `read` of a post of HTTP examples.
const GUESSED_LANGUAGES = ['css', 'javascript', 'json', 'plaintext', 'xml', 'yaml'];

const highlightSubset = {
  name: 'highlight-subset',
  setup(b) {
    b.onResolve({ filter: /^highlight\.js$/ }, () => ({ path: 'highlight.js', namespace: 'highlight-subset' }));
    b.onLoad({ filter: /.*/, namespace: 'highlight-subset' }, () => {
      const { aliases, nested } = highlightTables();
      return {
        resolveDir: root,
        contents: [
          "const hljs = require('highlight.js/lib/core');",
          `const LANGUAGES = {${HIGHLIGHT_LANGUAGES.map((l) => `${JSON.stringify(l)}: () => require('highlight.js/lib/languages/${l}')`).join(', ')}};`,
          `const ALIASES = ${JSON.stringify(aliases)};`,
          `const NESTED = ${JSON.stringify(nested)};`,
          `hljs.configure({ languages: ${JSON.stringify(GUESSED_LANGUAGES)} });`,
          'const defined = new Set();',
          'function define(name) {',
          "  const key = Object.hasOwn(LANGUAGES, name) ? name : Object.hasOwn(ALIASES, name) ? ALIASES[name] : undefined;",
          '  if (key === undefined || defined.has(key)) return;',
          '  defined.add(key);',
          '  hljs.registerLanguage(key, LANGUAGES[key]());',
          '  for (const inner of NESTED[key] ?? []) define(inner);',
          '}',
          'const getLanguage = hljs.getLanguage;',
          "hljs.getLanguage = (name) => { define(String(name ?? '').toLowerCase()); return getLanguage(name); };",
          'const highlight = hljs.highlight;',
          "hljs.highlight = (...args) => { const options = args[1]; define(String((typeof options === 'object' && options !== null ? options.language : args[0]) ?? '').toLowerCase()); return highlight(...args); };",
          'module.exports = hljs;',
        ].join('\n'),
      };
    });
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
    b.onLoad({ filter: /yoga-wasm-base64-esm\.js$/ }, patchedSource('yoga-without-fetch', (source) => source.replaceAll('"function"!=typeof fetch', 'true')));
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
    b.onLoad({ filter: /[\\/]node_modules[\\/]string-width[\\/]index\.js$/ }, patchedSource('lazy-string-width', (source) => {
      const patched = source
        .replace('const segmenter = new Intl.Segmenter();', 'let segmenterInstance; const segmenter = { segment: (s) => (segmenterInstance ??= new Intl.Segmenter()).segment(s) };')
        .replace('const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;', 'let rgiInstance; const rgiEmojiRegex = { test: (s) => (rgiInstance ??= new RegExp("^\\\\p{RGI_Emoji}$", "v")).test(s) };');
      return patched.includes('segmenterInstance') && patched.includes('rgiInstance') ? patched : null;
    }));
  },
};

// commander loads node:child_process when it is imported, for the subcommands it could run as
// programs of their own (blog-tui has none); with the modules it brings (net's sockets, dgram) it
// cost more than the rest of the command line's parsing. It is loaded if one is ever run.
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onLoad(
      { filter: /[\\/]node_modules[\\/]commander[\\/]lib[\\/]command\.js$/ },
      patchedSource('lazy-child-process', (source) => source.replace("const childProcess = require('node:child_process');", "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };")),
    );
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
      const lazy = `let ${name}Instance; const ${name} = { segment: (s) => (${name}Instance ??= ${statement.slice(statement.indexOf('new '), -1)}).segment(s) };`;
      // An older copy (Ink's own wrap-ansi) builds none.
      b.onLoad({ filter }, patchedSource('lazy-segmenters', (source) => (source.includes('new Intl.Segmenter') ? source.replace(statement, lazy) : undefined)));
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
    b.onLoad(
      { filter: /[\\/]node_modules[\\/]ink[\\/]build[\\/]output\.js$/ },
      patchedSource('ink-frame-cells', (source) => INK_OUTPUT_PATCHES.reduce((text, [pattern, replacement]) => (text !== null && pattern.test(text) ? text.replace(pattern, replacement) : null), source)),
    );
  },
};

rmSync(dist, { recursive: true, force: true });
// ES modules are .mjs files: dist/ is CommonJS (dist/package.json), for the entry's sake.
const ESM = {
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minifySyntax: true,
  outExtension: { '.js': '.mjs' },
  define: { 'process.env.NODE_ENV': '"production"' },
  banner: { js: "import { createRequire as __blogTuiRequire } from 'node:module'; const require = __blogTuiRequire(import.meta.url);" },
  logLevel: 'warning',
  legalComments: 'none',
};
const APP_PLUGINS = [highlightSubset, noDevtools, yogaWithoutFetch, lazyStringWidth, lazySegmenters, lazyChildProcess, inkFrameCells];
await build({
  ...ESM,
  // The command line's parser and what it runs (dist/main.mjs), and the full-screen app
  // (dist/tui-app.mjs) it shows. The fidelity report (`npm run fidelity`) shares the app's
  // chunks, so it renders with the same code. The layout worker is an entry of its own
  // (dist/render-worker.mjs), started by the app after its first frame; so are the other workers.
  entryPoints: {
    main: `${root}src/cli/main.ts`,
    'tui-app': `${root}src/tui/runTui.tsx`,
    fidelity: `${root}src/fidelity/main.ts`,
    'render-worker': `${root}src/render/renderWorker.ts`,
    'folder-check': `${root}src/cli/folderCheckWorker.ts`,
    'index-part': `${root}src/cli/indexPartWorker.ts`,
    'feed-sync': `${root}src/cli/feedSyncWorker.ts`,
  },
  outdir: dist,
  chunkNames: 'chunks/[name]-[hash]',
  plugins: APP_PLUGINS,
});
// The piped `read` never shows the full screen nor reads a feed (its command line has no address:
// src/cli/quickArgs.ts); in its bundle those modules are a function that says so.
const notInQuickRead = {
  name: 'not-in-quick-read',
  setup(b) {
    b.onResolve({ filter: /[\\/](tuiSetup|feedPosts)\.js$/ }, (args) => ({ path: args.path, namespace: 'not-in-quick-read' }));
    b.onLoad({ filter: /.*/, namespace: 'not-in-quick-read' }, (args) => ({
      contents: `const missing = () => { throw new Error(${JSON.stringify(`${args.path} is not part of the piped read`)}); };
export { missing as runTui, missing as loadFeedPosts };`,
    }));
  },
};

// Libraries only some posts need (front matter of other sites, raw HTML, entities, math,
// emoji shortcodes, highlighting) are files of their own beside it, dist/lib/NAME.cjs, loaded
// the same way when a post needs one.
const QUICK_READ_LIBS = ['yaml', 'liquidjs', 'smol-toml', 'parse5', 'entities', 'highlight.js', 'gemoji', 'unicodeit/ts_dist/js/replace.js', 'unicodeit/ts_dist/js/data.js'];
const libFile = (specifier) => `${specifier.replace(/\.js$/, '').replace(/[^a-z0-9.-]+/gi, '-')}.cjs`;

/**
 * The module that stands in the bundle for a library of dist/lib/: its exports, named as the
 * built file names them (read from it here), are getters that require() the file on first use.
 * A module that imports one (entities, for the titles of some sites) starts without loading
 * it, and an import() becomes a require() too; the file itself stays outside the bundle.
 */
function libStandIn(specifier) {
  const file = `./lib/${libFile(specifier)}`;
  const lib = createRequire(`${dist}/`)(file);
  const names = Object.getOwnPropertyNames(lib).filter((name) => name !== '__esModule');
  return [
    'let lib;',
    `const load = () => (lib ??= require(${JSON.stringify(file)}));`,
    ...(lib.__esModule ? ['Object.defineProperty(exports, "__esModule", { value: true });'] : []),
    `for (const name of ${JSON.stringify(names)}) Object.defineProperty(exports, name, { enumerable: true, get: () => load()[name] });`,
  ].join('\n');
}

const quickReadLibs = {
  name: 'quick-read-libs',
  setup(b) {
    b.onResolve({ filter: /^[a-z@]/ }, (args) => (QUICK_READ_LIBS.includes(args.path) ? { path: args.path, namespace: 'quick-read-lib' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'quick-read-lib' }, (args) => ({ contents: libStandIn(args.path), loader: 'js' }));
    b.onResolve({ filter: /^\.\/lib\// }, (args) => ({ path: args.path, external: true }));
  },
};

// The CommonJS files below share these options.
const COMMONJS = { bundle: true, format: 'cjs', platform: 'node', target: 'node20', minifySyntax: true, logLevel: 'warning', legalComments: 'none' };
// A CommonJS file in dist/ finds its neighbours as the ES modules do, by import.meta.url.
const FILE_URL = "const __blogTuiUrl = require('node:url').pathToFileURL(__filename).href;";
const commonjsEntry = (name, source, extension = '.cjs') => ({
  ...COMMONJS,
  entryPoints: { [name]: `${root}${source}` },
  outdir: dist,
  outExtension: { '.js': extension },
  banner: { js: FILE_URL },
});

// What the piped read runs through node:vm is minified: it reads every byte of these files at each
// start (440 KB for the bundle; minified, a read took 3 % less). The parser's path runs the same
// code unminified (`read --verbose`, dist/main.mjs), which is the one to profile.
const MINIFIED = { minifyWhitespace: true, minifyIdentifiers: true };

// The piped `read` as one CommonJS file, which the entry compiles through node:vm from V8's code
// cache (src/cli/codeCache.ts): everything it can reach is in the file, so it imports nothing.
for (const specifier of QUICK_READ_LIBS) {
  await build({
    ...COMMONJS,
    ...MINIFIED,
    stdin: { contents: `module.exports = require(${JSON.stringify(specifier)});`, resolveDir: root, loader: 'js' },
    outfile: `${dist}/lib/${libFile(specifier)}`,
    plugins: [highlightSubset],
  });
}
await build({
  ...commonjsEntry('quick-read', 'src/cli/quickRead.ts'),
  ...MINIFIED,
  define: { 'process.env.NODE_ENV': '"production"', 'import.meta.url': '__blogTuiUrl' },
  plugins: [notInQuickRead, quickReadLibs, lazyStringWidth, lazySegmenters],
});

// The full-screen app up to its first frame (src/cli/quickStart.ts and what it runs: the settings,
// the posts, src/tui/tuiSetup.ts) as one CommonJS file, dist/quick-start.cjs, which the entry
// require()s: one file instead of a few dozen ES modules, and Node's ES module loader set up
// only after the first frame. What it imports later (the full-screen framework with the app's
// screens, a folder's index, the renderer, feeds, the libraries of some front matter) is ES
// modules in dist/quick-app/, built from the same sources, in which every module the bundle
// holds is the bundle's own (a function the bundle sets up gives it), not a copy: one reading
// store, one layout worker, one of each class.
const QUICK_INLINE = ['src/tui/tuiSetup.ts', 'src/cli/folderHead.ts', 'src/cli/feedPreview.ts', 'src/config/configFile.ts'];
const QUICK_MODULES = "Symbol.for('blog-tui.quick-start')";
const quickAppFile = (key) => key.replace(/^.*node_modules\//, '').replace(/^src\//, '').replace(/\.[cm]?[jt]sx?$/, '').replace(/[^a-z0-9.-]+/gi, '-');
const relativeKey = (path) => relative(root, path).split(sep).join('/');
/** Dynamic imports of the quick start: those it shows its first frame with stay in the bundle; the others are the ES modules of dist/quick-app/. */
function quickStartImports(laterEntries) {
  return {
    name: 'quick-start-imports',
    setup(b) {
      b.onResolve({ filter: /.*/ }, async (args) => {
        if (args.kind !== 'dynamic-import' || args.pluginData?.quick) return undefined;
        if (args.path.startsWith('node:')) return { path: args.path, external: true };
        const resolved = await b.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: { quick: true } });
        if (resolved.errors.length || resolved.namespace !== 'file') return undefined;
        const key = relativeKey(resolved.path);
        if (QUICK_INLINE.includes(key)) return { path: resolved.path };
        laterEntries.set(quickAppFile(key), resolved.path);
        return { path: `./quick-app/${quickAppFile(key)}.mjs`, external: true };
      });
    },
  };
}
const quickStartOptions = (laterEntries) => ({
  ...COMMONJS,
  outdir: dist,
  outExtension: { '.js': '.cjs' },
  banner: { js: FILE_URL },
  define: { 'process.env.NODE_ENV': '"production"', 'import.meta.url': '__blogTuiUrl' },
  plugins: [quickStartImports(laterEntries), lazyStringWidth, lazySegmenters],
});
// First the modules the bundle holds, then the bundle with a function that gives each of them.
const quickLater = new Map();
const firstPass = await build({ ...quickStartOptions(quickLater), entryPoints: { 'quick-start': `${root}src/cli/quickStart.ts` }, write: false, metafile: true });
const quickHeld = Object.keys(firstPass.metafile.inputs).filter((key) => !key.includes(':')).map((key) => resolve(root, key));
await build({
  ...quickStartOptions(new Map()),
  stdin: {
    contents: [
      `export { quickStart } from ${JSON.stringify(`${root}src/cli/quickStart.ts`)};`,
      `const modules = { ${quickHeld.map((path) => `${JSON.stringify(relativeKey(path))}: () => require(${JSON.stringify(path)})`).join(',\n')} };`,
      `globalThis[${QUICK_MODULES}] = (key) => modules[key]();`,
    ].join('\n'),
    resolveDir: root,
    sourcefile: 'quick-start.js',
    loader: 'js',
  },
  outfile: `${dist}/quick-start.cjs`,
  outdir: undefined,
  outExtension: undefined,
});
const heldKeys = new Set(quickHeld.map(relativeKey));
// The names each held ES module exports, read by esbuild (each module an entry point). A module's
// importers here take its exports once, as constants: no getter stands between them and each
// call. That is only right for bindings never assigned again, so the build stops at an exported
// `let` or `var`.
const heldNames = new Map();
{
  const esmHeld = quickHeld.filter((path) => firstPass.metafile.inputs[relativeKey(path)]?.format === 'esm');
  const names = await build({ ...ESM, entryPoints: esmHeld, outdir: `${dist}/held-names`, write: false, metafile: true, plugins: [quickStartImports(new Map()), lazyStringWidth, lazySegmenters] });
  for (const output of Object.values(names.metafile.outputs)) {
    if (!output.entryPoint) continue;
    const key = relativeKey(resolve(root, output.entryPoint));
    const source = readFileSync(resolve(root, output.entryPoint), 'utf8');
    const reassignable = output.exports.filter((name) => name !== 'default' && new RegExp(`\\b(?:let|var)\\s+(?:\\{[^}]*\\b)?${name.replace(/\$/g, '\\$')}\\b`).test(source));
    if (reassignable.length) throw new Error(`${key}: exports ${reassignable.join(', ')} declared with let or var; dist/quick-app/ would keep their first values`);
    heldNames.set(key, output.exports);
  }
}
/** In dist/quick-app/, each module dist/quick-start.cjs holds is the bundle's. */
const quickHeldModules = {
  name: 'quick-held-modules',
  setup(b) {
    b.onResolve({ filter: /.*/ }, async (args) => {
      if (args.kind === 'entry-point' || args.pluginData?.held || args.namespace !== 'file') return undefined;
      const resolved = await b.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: { held: true } });
      if (resolved.errors.length || resolved.namespace !== 'file' || resolved.external) return undefined;
      const key = relativeKey(resolved.path);
      return heldKeys.has(key) ? { path: key, namespace: 'quick-held' } : undefined;
    });
    // The module's exports as the bundle has them: its names (above), else, for a CommonJS module,
    // what esbuild makes of its module.exports.
    b.onLoad({ filter: /.*/, namespace: 'quick-held' }, (args) => {
      const names = heldNames.get(args.path);
      const held = `globalThis[${QUICK_MODULES}](${JSON.stringify(args.path)})`;
      // (A JSON file is its value, which is its default export.)
      const value = args.path.endsWith('.json') ? 'held' : 'held.default';
      if (names) return { contents: `const held = ${held};\n${names.map((name) => (name === 'default' ? `export default ${value};` : `export const ${name} = held.${name};`)).join('\n')}`, loader: 'js' };
      const raw = JSON.stringify(`quick-held-raw:${args.path}`);
      return { contents: `export * from ${raw};\nexport { default } from ${raw};`, loader: 'js' };
    });
    b.onResolve({ filter: /^quick-held-raw:/ }, (args) => ({ path: args.path.slice('quick-held-raw:'.length), namespace: 'quick-held-raw' }));
    b.onLoad({ filter: /.*/, namespace: 'quick-held-raw' }, (args) => ({ contents: `module.exports = globalThis[${QUICK_MODULES}](${JSON.stringify(args.path)});`, loader: 'js' }));
  },
};
await build({
  ...ESM,
  entryPoints: Object.fromEntries(quickLater),
  outdir: `${dist}/quick-app`,
  chunkNames: '[name]-[hash]',
  plugins: [quickHeldModules, ...APP_PLUGINS],
});

// The entry: the start of the piped `read` (src/cli/quickReadStart.ts) is in it; the command-line
// parser and what it runs are dist/main.mjs.
const entryImports = {
  name: 'entry-imports',
  setup(b) {
    b.onResolve({ filter: /^\.\/main\.js$/ }, () => ({ path: './main.mjs', external: true }));
    b.onResolve({ filter: /^\.\.\/tui\/runTui\.js$/ }, () => ({ path: './tui-app.mjs', external: true }));
    // Only run from the sources, where there is no bundle.
    b.onResolve({ filter: /^\.\/quick(Read|Start)\.js$/ }, (args) => ({ path: args.path, external: true }));
  },
};
await build({
  ...commonjsEntry('blog-tui', 'src/cli/bin.ts', '.js'),
  banner: { js: `#!/usr/bin/env node\n${FILE_URL}` },
  define: { 'import.meta.url': '__blogTuiUrl' },
  plugins: [entryImports],
});
writeFileSync(`${dist}/package.json`, '{ "type": "commonjs" }\n');
chmodSync(`${dist}/blog-tui.js`, 0o755);
