import { LEAK_KINDS, type Leak, type LeakKind } from './leaks.js';
import type { Similarity } from './wordDiff.js';
import { maxOf } from '../content/arrays.js';

/**
 * The fidelity report of a folder: leaks per kind with their first places, and how close each
 * post's words are to pandoc's plain text of the same Markdown.
 */

export interface PostResult {
  file: string;
  leaks: Leak[];
  /** Against `pandoc -t plain`; absent without pandoc or when pandoc failed on the post. */
  similarity?: Similarity;
}

export interface KindSummary {
  kind: LeakKind;
  label: string;
  count: number;
  posts: number;
  places: Array<{ file: string; line: number; sourceLine?: number; text: string }>;
}

export interface FolderReport {
  dir: string;
  width: number;
  posts: number;
  seconds: number;
  kinds: KindSummary[];
  /** Absent without pandoc. */
  pandoc?: {
    version: string;
    compared: number;
    failed: number;
    median: number;
    worst: Array<{ file: string; ratio: number; exact: boolean }>;
  };
}

export function summarize(dir: string, width: number, seconds: number, results: readonly PostResult[], pandoc?: { version: string; failed: number }): FolderReport {
  const kinds = LEAK_KINDS.map(({ kind, label }): KindSummary => {
    const places: KindSummary['places'] = [];
    let posts = 0;
    for (const r of results) {
      const own = r.leaks.filter((l) => l.kind === kind);
      if (own.length) posts++;
      for (const l of own) places.push({ file: r.file, line: l.line, ...(l.sourceLine ? { sourceLine: l.sourceLine } : {}), text: l.text });
    }
    return { kind, label, count: places.length, posts, places };
  });
  const report: FolderReport = { dir, width, posts: results.length, seconds, kinds };
  if (pandoc) {
    const compared = results.filter((r) => r.similarity).map((r) => ({ file: r.file, ratio: r.similarity!.ratio, exact: r.similarity!.exact }));
    const sorted = [...compared].sort((a, b) => a.ratio - b.ratio || a.file.localeCompare(b.file));
    report.pandoc = { version: pandoc.version, compared: compared.length, failed: pandoc.failed, median: median(sorted.map((c) => c.ratio)), worst: sorted.slice(0, 10) };
  }
  return report;
}

function median(sorted: readonly number[]): number {
  if (sorted.length === 0) return NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function place(p: { file: string; line: number; sourceLine?: number }): string {
  return p.sourceLine ? `${p.file}:${p.sourceLine}` : p.line > 0 ? `${p.file} (rendered line ${p.line})` : p.file;
}

/** The report as text: one block per kind with its count and first three places, then pandoc's figures. */
export function formatReport(report: FolderReport, placesPerKind = 3): string {
  const out: string[] = [];
  out.push(`${report.dir}: ${report.posts} posts rendered at ${report.width} columns in ${report.seconds.toFixed(1)} s`);
  out.push('');
  const labelWidth = maxOf(report.kinds, (k) => k.label.length, 0);
  for (const k of report.kinds) {
    const posts = k.count ? ` in ${k.posts} post${k.posts === 1 ? '' : 's'}` : '';
    out.push(`${k.label.padEnd(labelWidth)}  ${String(k.count).padStart(6)}${posts}`);
    for (const p of k.places.slice(0, placesPerKind)) out.push(`    ${place(p)}  ${p.text}`);
  }
  out.push('');
  if (!report.pandoc) {
    out.push('Words against pandoc: not measured (pandoc not found, or --no-pandoc)');
  } else {
    const pd = report.pandoc;
    const failed = pd.failed ? `, pandoc failed on ${pd.failed}` : '';
    out.push(`Words against pandoc ${pd.version} -t plain (2·common / total, in order): ${pd.compared} posts${failed}`);
    if (pd.compared) {
      out.push(`  median ${pd.median.toFixed(3)}, worst ${pd.worst[0]!.ratio.toFixed(3)}`);
      for (const w of pd.worst) out.push(`  ${w.exact ? ' ' : '≤'}${w.ratio.toFixed(3)}  ${w.file}`);
      if (pd.worst.some((w) => !w.exact)) out.push('  (≤: too different for an exact diff; words shared in any order)');
    }
  }
  return out.join('\n') + '\n';
}
