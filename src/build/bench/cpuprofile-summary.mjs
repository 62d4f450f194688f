#!/usr/bin/env node
// Summarizes V8 CPU profiles (`node --cpu-prof`): where the time went, by function and by
// module. Bundled code (dist/*.js, dist/chunks/*.js) is attributed to the source module it came
// from with the `// path/to/module.js` comments esbuild writes before each module's code, so
// the figures name packages (marked, ink, react-reconciler, ...) and src/ files, not chunks.
//
//   node src/build/bench/cpuprofile-summary.mjs [--top N] [--filter TEXT] <file.cpuprofile | dir>...
//
// Self time: samples whose top frame is the function. Total time: samples with the function
// anywhere on the stack (counted once per sample, so recursion does not inflate it).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
let top = 25;
let filter = null;
const inputs = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--top') top = Number(args[++i]);
  else if (args[i] === '--filter') filter = args[++i];
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

function moduleOf(frame) {
  const { url, lineNumber } = frame;
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
    if (found) return found;
    return `${shortUrl(url)} (bundle glue)`;
  }
  return shortUrl(url);
}

function shortUrl(url) {
  const path = url.startsWith('file://') ? fileURLToPath(url) : url;
  return relative(process.cwd(), path) || path;
}

/** node_modules/ink/build/x.js -> ink; node_modules/@scope/p/x.js -> @scope/p; src/... stays. */
function packageOf(module) {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(module);
  if (m) return m[1];
  if (module.startsWith('src/')) return module.split('/').slice(0, 2).join('/');
  return module;
}

// -- one profile ---------------------------------------------------------------------------

function summarize(file) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfUs = new Map();
  const { samples, timeDeltas } = profile;
  // timeDeltas[i] is the time before sample i; the time of sample i is the delta after it.
  for (let i = 0; i < samples.length; i++) {
    const dt = timeDeltas[i + 1] ?? 0;
    selfUs.set(samples[i], (selfUs.get(samples[i]) ?? 0) + dt);
  }
  const fnKey = (n) => {
    const f = n.callFrame;
    return `${f.functionName || '(anonymous)'}\u0000${moduleOf(f)}\u0000${f.url ? f.lineNumber + 1 : ''}`;
  };
  const byFnSelf = new Map();
  const byModuleSelf = new Map();
  const byPackageSelf = new Map();
  let total = 0;
  for (const [id, us] of selfUs) {
    const n = nodes.get(id);
    total += us;
    const key = fnKey(n);
    byFnSelf.set(key, (byFnSelf.get(key) ?? 0) + us);
    const mod = moduleOf(n.callFrame);
    byModuleSelf.set(mod, (byModuleSelf.get(mod) ?? 0) + us);
    const pkg = packageOf(mod);
    byPackageSelf.set(pkg, (byPackageSelf.get(pkg) ?? 0) + us);
  }
  // Total (inclusive) time by function and by package: each sample counts once per key.
  const byFnTotal = new Map();
  const byPackageTotal = new Map();
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
  for (const [id, us] of selfUs) {
    const { fns, pkgs } = keysOf(id);
    for (const k of fns) byFnTotal.set(k, (byFnTotal.get(k) ?? 0) + us);
    for (const k of pkgs) byPackageTotal.set(k, (byPackageTotal.get(k) ?? 0) + us);
  }
  return { file, total, byFnSelf, byFnTotal, byModuleSelf, byPackageSelf, byPackageTotal, wallUs: profile.endTime - profile.startTime };
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

for (const file of files) {
  const s = summarize(file);
  const out = [
    `== ${file}`,
    `sampled ${(s.total / 1000).toFixed(1)} ms of ${(s.wallUs / 1000).toFixed(1)} ms profiled`,
    table('self time by package / src folder', s.byPackageSelf, s.total, top),
    table('total time by package (on the stack)', s.byPackageTotal, s.total, top),
    table('self time by module', s.byModuleSelf, s.total, top),
    table('self time by function', s.byFnSelf, s.total, top, fnLabel),
    table('total time by function', s.byFnTotal, s.total, top, fnLabel),
  ];
  process.stdout.write(out.join('\n\n') + '\n\n');
}
