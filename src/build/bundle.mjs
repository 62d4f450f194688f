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

rmSync(dist, { recursive: true, force: true });
await build({
  entryPoints: { 'blog-tui': `${root}src/cli/bin.ts` },
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
  plugins: [highlightSubset, noDevtools],
  logLevel: 'warning',
  legalComments: 'none',
});
writeFileSync(`${dist}/package.json`, '{ "type": "module" }\n');
chmodSync(`${dist}/blog-tui.js`, 0o755);
