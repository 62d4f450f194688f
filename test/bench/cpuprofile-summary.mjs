#!/usr/bin/env node
// Summarizes V8 CPU profiles (`node --cpu-prof`): where the time went, by function and by
// module. Bundled code (dist/*.js, dist/chunks/*.js) is attributed to the source module it came
// from with the `// path/to/module.js` comments esbuild writes before each module's code, so
// the figures name packages (marked, ink, react-reconciler, ...) and src/ files, not chunks.
//
//   node test/bench/cpuprofile-summary.mjs [options] <file.cpuprofile | dir>...
//     --top N          rows per table (default 25)
//     --filter TEXT    only rows whose name contains TEXT
//     --from-ms A      only samples from A ms after the profile started (the profile starts when
//     --until-ms B     Node starts running JavaScript, a few tens of ms after the spawn)
//     --until-after F1,F2  only samples up to the end of the first stretch of samples with all
//                      of these functions on the stack, per profile; samples without a JS
//                      stack (GC) do not end a stretch. `--until-after onRender,writeGeneric`
//                      ends at the first frame Ink wrote to the terminal.
//     --timeline MS    also print, per MS-wide window, the packages that used it
//     --merge          one summary of all the files (e.g. several runs of the same command)
//
// Self time: samples whose top frame is the function. Total time: samples with the function
// anywhere on the stack (counted once per sample, so recursion does not inflate it).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
let top = 25;
let filter = null;
let fromMs = 0;
let untilMs = Infinity;
let timeline = 0;
let merge = false;
let untilAfter = null;
const inputs = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--top') top = Number(args[++i]);
  else if (args[i] === '--filter') filter = args[++i];
  else if (args[i] === '--from-ms') fromMs = Number(args[++i]);
  else if (args[i] === '--until-ms') untilMs = Number(args[++i]);
  else if (args[i] === '--timeline') timeline = Number(args[++i]);
  else if (args[i] === '--merge') merge = true;
  else if (args[i] === '--until-after') untilAfter = args[++i];
  else inputs.push(args[i]);
}
if (!inputs.length) {
  process.stderr.write('usage: cpuprofile-summary.mjs [--top N] [--filter TEXT] <file.cpuprofile | dir>...\n');
  process.exit(2);
}

const files = inputs.flatMap((p) => (statSync(p).isDirectory() ? readdirSync(p).filter((f) => f.endsWith('.cpuprofile')).map((f) => join(p, f)) : [p]));

// -- module attribution for bundled files --------------------------------------------------

const moduleMaps = new Map();
/** For a bundled file: sorted [line, module] pairs from esbuild's `// module` comments. */
function moduleMap(url) {
  if (moduleMaps.has(url)) return moduleMaps.get(url);
  let map = null;
  try {
    const path = url.startsWith('file://') ? fileURLToPath(url) : url;
    const lines = readFileSync(path, 'utf8').split('\n');
    map = [];
    lines.forEach((line, i) => {
      const m = /^\/\/ ((?:node_modules|src|posts|package\.json)[^\s]*)$/.exec(line) ?? /^\/\/ ([^\s]+\.(?:js|mjs|cjs|ts|tsx|json))$/.exec(line);
      if (m) map.push([i, m[1]]);
    });
  } catch {
    map = null;
  }
  moduleMaps.set(url, map);
  return map;
}

/** The module a frame belongs to; `line` (0-based) overrides the function's own start line. */
function moduleOf(frame, line = frame.lineNumber) {
  const { url } = frame;
  const lineNumber = line;
  if (!url) return frame.functionName.startsWith('(') ? frame.functionName : '(native or V8 builtin)';
  if (url.startsWith('node:')) return url.startsWith('node:internal/') ? `node:internal/${url.split('/')[1]}` : url;
  const map = moduleMap(url);
  if (map && map.length) {
    let lo = 0;
    let hi = map.length - 1;
    let found = null;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (map[mid][0] <= lineNumber) {
        found = map[mid][1];
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found) return tidy(found);
    return `${shortUrl(url)} (bundle glue)`;
  }
  return shortUrl(url);
}

/**
 * How a node's self time splits over modules: by its positionTicks (the lines that were
 * running), so the top-level code of a bundle chunk, one function spanning many modules, is
 * charged to the modules whose statements ran. Without ticks: all to the function's module.
 */
function moduleShares(node) {
  const ticks = node.positionTicks;
  if (!ticks || !ticks.length || !node.callFrame.url) return [[moduleOf(node.callFrame), 1]];
  const sum = ticks.reduce((a, t) => a + t.ticks, 0);
  const shares = new Map();
  for (const t of ticks) add(shares, moduleOf(node.callFrame, t.line - 1), t.ticks / sum);
  return [...shares.entries()];
}

function shortUrl(url) {
  const path = url.startsWith('file://') ? fileURLToPath(url) : url;
  return relative(process.cwd(), path) || path;
}

/** node_modules/ink/build/x.js -> ink; node_modules/@scope/p/x.js -> @scope/p; src/... stays. */
function tidy(module) {
  return module.replace(/^(?:\.\.\/|[^\s]*?\/)?(?:[^\s]*\/)?(node_modules\/)/, '$1');
}

function packageOf(module) {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(module);
  if (m) return m[1];
  if (module.startsWith('src/')) return module.split('/').slice(0, 2).join('/');
  return module;
}

// -- one profile ---------------------------------------------------------------------------

function add(map, key, us) {
  map.set(key, (map.get(key) ?? 0) + us);
}

function emptySummary(file) {
  return {
    file, total: 0, wallUs: 0, byFnSelf: new Map(), byFnTotal: new Map(), byModuleSelf: new Map(),
    byPackageSelf: new Map(), byPackageTotal: new Map(), windows: new Map(),
  };
}

function summarize(file, into = emptySummary(file)) {
  const s = into;
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const fnKey = (n) => {
    const f = n.callFrame;
    return `${f.functionName || '(anonymous)'}\u0000${moduleOf(f)}\u0000${f.url ? f.lineNumber + 1 : ''}`;
  };
  const stackCache = new Map();
  const keysOf = (id) => {
    if (stackCache.has(id)) return stackCache.get(id);
    const fns = new Set();
    const pkgs = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const n = nodes.get(cur);
      if (n.callFrame.functionName === '(root)') continue;
      fns.add(fnKey(n));
      pkgs.add(packageOf(moduleOf(n.callFrame)));
    }
    const value = { fns, pkgs };
    stackCache.set(id, value);
    return value;
  };
  const shareCache = new Map();
  const sharesOf = (id) => {
    if (!shareCache.has(id)) shareCache.set(id, moduleShares(nodes.get(id)));
    return shareCache.get(id);
  };
  const { samples, timeDeltas } = profile;
  s.wallUs += profile.endTime - profile.startTime;
  // timeDeltas[i] is the time between sample i-1 and sample i: sample i lasted timeDeltas[i + 1].
  // --until-after: the end of the first stretch of samples with that function on the stack.
  let stopAt = samples.length;
  if (untilAfter) {
    const wanted = untilAfter.split(',');
    const onStack = (id) => {
      const names = new Set();
      for (let cur = id; cur !== undefined; cur = parent.get(cur)) names.add(nodes.get(cur).callFrame.functionName);
      return wanted.every((w) => names.has(w));
    };
    const neutral = (id) => ['(garbage collector)', '(program)'].includes(nodes.get(id).callFrame.functionName);
    const first = samples.findIndex((id) => onStack(id));
    if (first >= 0) {
      stopAt = first;
      while (stopAt < samples.length && (onStack(samples[stopAt]) || neutral(samples[stopAt]))) stopAt++;
    }
  }
  let t = 0;
  for (let i = 0; i < samples.length; i++) {
    t += timeDeltas[i] ?? 0;
    const us = timeDeltas[i + 1] ?? 0;
    const ms = t / 1000;
    if (i >= stopAt) break;
    if (ms < fromMs || ms >= untilMs) continue;
    s.lastMs = Math.max(s.lastMs ?? 0, ms);
    const n = nodes.get(samples[i]);
    s.total += us;
    const shares = sharesOf(samples[i]);
    const topLevel = !n.callFrame.functionName && n.callFrame.lineNumber === 0 && n.callFrame.url;
    if (!topLevel) add(s.byFnSelf, fnKey(n), us);
    for (const [mod, f] of shares) {
      if (topLevel) add(s.byFnSelf, `(top level)\u0000${mod}\u0000`, us * f);
      add(s.byModuleSelf, mod, us * f);
      add(s.byPackageSelf, packageOf(mod), us * f);
    }
    const { fns, pkgs } = keysOf(samples[i]);
    for (const k of fns) add(s.byFnTotal, k, us);
    for (const k of pkgs) add(s.byPackageTotal, k, us);
    if (timeline) {
      const w = Math.floor(ms / timeline);
      if (!s.windows.has(w)) s.windows.set(w, new Map());
      for (const [mod, f] of shares) add(s.windows.get(w), packageOf(mod), us * f);
    }
  }
  return s;
}

function table(title, map, total, n, format = (k) => k) {
  const rows = [...map.entries()].filter(([k]) => !filter || k.includes(filter)).sort((a, b) => b[1] - a[1]).slice(0, n);
  const lines = [title];
  for (const [key, us] of rows) {
    lines.push(`  ${(us / 1000).toFixed(1).padStart(8)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%  ${format(key)}`);
  }
  return lines.join('\n');
}

const fnLabel = (key) => {
  const [name, mod, line] = key.split('\u0000');
  return `${name}  ${mod}${line ? `:${line}` : ''}`;
};

function timelineText(s) {
  const lines = [`timeline (${timeline} ms windows, self time by package)`];
  for (const w of [...s.windows.keys()].sort((a, b) => a - b)) {
    const parts = [...s.windows.get(w).entries()].sort((a, b) => b[1] - a[1]).slice(0, 4)
      .map(([k, us]) => `${k} ${(us / 1000).toFixed(1)}`);
    lines.push(`  ${String(w * timeline).padStart(6)} ms  ${parts.join(', ')}`);
  }
  return lines.join('\n');
}

function print(s) {
  const out = [
    `== ${s.file}`,
    `sampled ${(s.total / 1000).toFixed(1)} ms of ${(s.wallUs / 1000).toFixed(1)} ms profiled` +
      (fromMs || untilMs !== Infinity ? ` (window ${fromMs} to ${untilMs} ms)` : '') +
      (untilAfter ? ` (up to the end of the first ${untilAfter}: ${(s.lastMs ?? 0).toFixed(1)} ms)` : ''),
    table('self time by package / src folder', s.byPackageSelf, s.total, top),
    table('total time by package (on the stack)', s.byPackageTotal, s.total, top),
    table('self time by module', s.byModuleSelf, s.total, top),
    table('self time by function', s.byFnSelf, s.total, top, fnLabel),
    table('total time by function', s.byFnTotal, s.total, top, fnLabel),
    ...(timeline ? [timelineText(s)] : []),
  ];
  process.stdout.write(out.join('\n\n') + '\n\n');
}

if (merge) {
  const s = emptySummary(`${files.length} profiles merged`);
  for (const file of files) summarize(file, s);
  print(s);
} else {
  for (const file of files) print(summarize(file));
}
