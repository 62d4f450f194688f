#!/usr/bin/env node
// The floor for indexing a folder, for `npm run bench`: node reading every Markdown file below
// a folder and parsing its body with marked, and nothing else (no front matter, no word count,
// no cache). blog-tui's cold index is measured next to this.
//
//   node test/bench/floor-index.mjs DIR
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { marked } from 'marked';

let files = 0;
function visit(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) visit(path);
    else if (/\.(md|markdown|mdx)$/.test(entry.name)) {
      marked.parse(readFileSync(path, 'utf8'));
      files++;
    }
  }
}
visit(process.argv[2] ?? '.');
process.stdout.write(`${files} files\n`);
