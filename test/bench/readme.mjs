#!/usr/bin/env node
// Writes the README's performance table from bench-results/bench.json (what `npm run bench`
// measured last): the lines between the bench-table markers in README.md are replaced.
//
//   node test/bench/readme.mjs [--check]   (--check: exit 1 when the README's table differs)
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const START = '<!-- bench-table:start (written by test/bench/readme.mjs from bench-results/bench.json) -->';
const END = '<!-- bench-table:end -->';

/** The README's table for a bench.json: its rows by section, with their targets and results. */
export function benchTable(bench) {
  const m = bench.meta;
  const lines = [
    `Latest run: ${m.date.slice(0, 16).replace('T', ' ')} UTC, commit ${m.commit ?? '?'}, node ${m.node}, ${m.cpus} cores, ` +
      `${m.runs} interleaved runs per start-up figure, ${m.rounds} presses per key, ${m.cols}x${m.rows} pty, ` +
      `load average ${m.loadAverageBefore} before and ${m.loadAverageAfter} after.`,
    '',
    '| What | Measured | Target | |',
    '|---|---|---|---|',
  ];
  let section = null;
  for (const r of bench.rows) {
    // Peak memory and preparation rows without a target stay in bench.json.
    if (!r.target && (r.section.startsWith('Peak RSS') || r.section.startsWith('Preparation'))) continue;
    if (r.section !== section) {
      section = r.section;
      lines.push(`| **${section}** | | | |`);
    }
    lines.push(`| ${r.label} | ${r.figure} | ${r.target || ''} | ${r.result || ''} |`);
  }
  return lines.join('\n');
}

const readmePath = join(root, 'README.md');
const readme = readFileSync(readmePath, 'utf8');
const start = readme.indexOf(START);
const end = readme.indexOf(END);
if (start < 0 || end < start) {
  process.stderr.write('bench: README.md has no bench-table markers\n');
  process.exit(1);
}
const bench = JSON.parse(readFileSync(join(root, 'bench-results', 'bench.json'), 'utf8'));
const next = `${readme.slice(0, start)}${START}\n${benchTable(bench)}\n\n${readme.slice(end)}`;
if (process.argv.includes('--check')) {
  process.exit(next === readme ? 0 : 1);
}
writeFileSync(readmePath, next);
process.stderr.write('bench: wrote the table in README.md from bench-results/bench.json\n');
