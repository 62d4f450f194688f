#!/usr/bin/env node
// `npm run bench`: how fast blog-tui feels, measured the way a user feels it, next to bare node
// in the same run. Prints a table with every figure, its target and PASS/FAIL, and writes the
// same to bench-results/bench.json (test/bench/readme.mjs turns it into the README's table).
//
// Timing is done by test/bench/pty_driver.py (python3, standard library, on the same
// pseudo-terminal code as the tests' harness, test/support/pty_core.py): it runs each command on
// a pseudo-terminal, models the screen and stamps with the monotonic clock when the expected
// screen is complete. This script only plans the runs (interleaved), generates the large data
// sets and reports. See the driver's docstring for the exact definitions.
//
// The cases are the CASES table at the end: each is a function of the shared context that adds
// its rows (row()); a new case is one more function and one more line there.
//
// Environment:
//   BENCH_RUNS=N     runs per start-up measurement (default 10, interleaved, plus 1 warm-up)
//   BENCH_ROUNDS=N   presses of each key per key-latency scenario (default max(20, 3 x runs))
//   BENCH_DATA=DIR   where the generated posts are kept between runs (default: the temp dir)
//   BENCH_ONLY=a,b   only these cases, by id (firstFrame, read, keys, open, cold, feedFrame,
//                    feedSync); peak RSS is reported for the cases that ran. The default is all.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { delimiter, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBenchPosts } from './generate.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(root, 'dist', 'blog-tui.js');
const DRIVER = fileURLToPath(new URL('./pty_driver.py', import.meta.url));
const FLOOR = fileURLToPath(new URL('./floor-index.mjs', import.meta.url));
const NODE = process.execPath;
const COLS = 100;
const ROWS = 30;
const RUNS = positiveInt(process.env.BENCH_RUNS, 10);
const ROUNDS = positiveInt(process.env.BENCH_ROUNDS, Math.max(20, 3 * RUNS));
const DATA = process.env.BENCH_DATA || join(tmpdir(), 'blog-tui-bench-data');
const ONLY = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',').map((x) => x.trim())) : null;
const KEY_GAP = 0.05; // seconds of quiet screen before each key: more than Ink's 33 ms render throttle
const PAUSE_S = 3; // seconds without a key in a list: Ink loads, and the folder check runs
const IDLE_BEFORE_OPEN = 0.5; // seconds a user looks at the list before pressing Enter
// Targets (issue 14), as ratios to bare node measured in the same run where they are start-up times.
const TARGET = {
  firstFrame: 1.6, firstFrame10k: 1.8, firstFrame50k: 2.5, coldListSeconds: 0.6, coldIndex: 1.2,
  read50k: 1.2, readPlain: 1.8, readColour: 2.2, keyP95Ms: 16, rss50kMB: 150,
};

const KEY = { down: '\u001b[B', pageDown: '\u001b[6~', enter: '\r', ctrlC: '\u0003' };
const NEEDS_POSTS = 'needs --posts (not available in this build)';
const NOT_INSTALLED = 'not installed';

function positiveInt(text, fallback) {
  const n = Number(text);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

function log(message) {
  process.stderr.write(`bench: ${message}\n`);
}

// -- statistics ------------------------------------------------------------------------------

function sorted(values) {
  return [...values].sort((a, b) => a - b);
}
function median(values) {
  if (!values.length) return null;
  const s = sorted(values);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
/** Nearest-rank percentile: the smallest sample with at least p% of the samples at or below it. */
function percentile(values, p) {
  if (!values.length) return null;
  const s = sorted(values);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}
function summary(seconds) {
  if (!seconds.length) return { n: 0, medianMs: null, p95Ms: null };
  const ms = seconds.map((s) => s * 1000);
  return {
    n: ms.length, medianMs: round(median(ms)), p95Ms: round(percentile(ms, 95)), minMs: round(Math.min(...ms)), maxMs: round(Math.max(...ms)),
    samplesMs: ms.map((x) => round(x)),
  };
}
function round(x, digits = 2) {
  if (x === null || x === undefined || !Number.isFinite(x)) return null;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
function fmtMs(ms) {
  if (ms === null) return '-';
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;
}
function fmtMB(kb) {
  return kb === null || kb === undefined ? '-' : `${(kb / 1024).toFixed(1)} MB`;
}

// -- build and environment -------------------------------------------------------------------

function newestMtime(dir, skip) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (skip(path)) continue;
    const t = entry.isDirectory() ? newestMtime(path, skip) : statSync(path).mtimeMs;
    newest = Math.max(newest, t);
  }
  return newest;
}

function ensureBuilt() {
  const inputs = [join(root, 'package.json'), join(root, 'tsconfig.json')].filter(existsSync).map((p) => statSync(p).mtimeMs);
  const newest = Math.max(newestMtime(join(root, 'src'), () => false), ...inputs);
  if (existsSync(BIN) && statSync(BIN).mtimeMs >= newest) return;
  log(existsSync(BIN) ? 'dist/ is older than src/: npm run build' : 'dist/ is missing: npm run build');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const built = spawnSync(npm, ['run', 'build'], { cwd: root, stdio: ['ignore', 2, 2] });
  if (built.status !== 0) {
    log('the build failed; nothing was measured');
    process.exit(1);
  }
}

function onPath(command) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const path = join(dir, command);
    try {
      if (statSync(path).isFile()) return path;
    } catch {
      // not here
    }
  }
  return null;
}

/** The children's environment: a user's terminal, not CI (Ink behaves differently in CI). */
function childEnv(extra = {}) {
  const env = {
    TERM: 'xterm-256color', NO_COLOR: null, FORCE_COLOR: null, CI: null, CONTINUOUS_INTEGRATION: null,
    // blog-tui's own settings from the environment: the bench decides the posts and the state.
    BLOG_TUI_POSTS: null, BLOG_TUI_STATE_DIR: null,
    ...extra,
  };
  for (const name of Object.keys(process.env)) if (name.startsWith('CI_')) env[name] = null;
  return env;
}

function version(argv) {
  const r = spawnSync(argv[0], argv.slice(1), { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.split('\n')[0].trim() : null;
}

// -- the posts -------------------------------------------------------------------------------

function splitFrontMatter(text) {
  const m = /^---[ \t]*\n[\s\S]*?\n---[ \t]*\n/.exec(text);
  return m ? text.slice(m[0].length) : text;
}

/** The first words of a post's first paragraph, without inline markup: what the reader's first
 *  screen must show. */
function firstWords(body) {
  for (const block of body.split(/\n\s*\n/)) {
    const line = block.trim().split('\n')[0] ?? '';
    if (!line || /^(#|[-*+] |\d+\. |>|```|\||<)/.test(line)) continue;
    const plain = line.split(/[`*_[\]<>\\]/)[0];
    const cut = plain.length > 30 ? plain.slice(0, plain.lastIndexOf(' ', 30)) : plain;
    return cut.trim().length >= 8 ? cut.trim() : null;
  }
  return null;
}

function longestBundledPost() {
  const dir = join(root, 'posts');
  const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8'));
  let best = null;
  for (const post of index.posts) {
    if (post.draft) continue;
    const file = join(dir, post.file);
    const bytes = statSync(file).size;
    if (!best || bytes > best.bytes) best = { slug: post.slug, title: post.title, file, bytes };
  }
  const body = splitFrontMatter(readFileSync(best.file, 'utf8'));
  return { ...best, body, firstWords: firstWords(body), count: index.posts.filter((p) => !p.draft).length };
}

// -- the driver ------------------------------------------------------------------------------

function drive(sessions) {
  const r = spawnSync('python3', [DRIVER], {
    input: JSON.stringify({ sessions }),
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  if (r.error) throw new Error(`cannot run python3: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`the bench driver failed (exit ${r.status})`);
  const out = JSON.parse(r.stdout);
  floorKB = Math.max(floorKB, out.floorKB ?? 0);
  for (const result of out.results) {
    if (result.error) log(`${result.id}: ${result.error}`);
  }
  return out.results;
}
let floorKB = 0;

function tui(args, extra = {}) {
  return { mode: 'pty', cols: COLS, rows: ROWS, argv: [NODE, BIN, ...args], cwd: root, quit: KEY.ctrlC, timeout: 60, ...extra };
}

/** Sessions for rounds 0..runs, the order reversed every other round; round 0 is a warm-up. */
function interleaved(runs, makeRound) {
  const sessions = [];
  for (let r = 0; r <= runs; r++) {
    const round = makeRound(r).map((s) => ({ ...s, round: r }));
    sessions.push(...(r % 2 ? round.reverse() : round));
  }
  return sessions;
}

/** Drives interleaved sessions; returns the measured runs (not the warm-ups) by session id. */
function driveRounds(sessions) {
  const results = drive(sessions);
  const out = {};
  results.forEach((result, i) => {
    if (sessions[i].round === 0) return;
    (out[result.id] ??= []).push(result);
  });
  return out;
}

/**
 * Runs one session as a trial (it serves as that scenario's warm-up) and returns how many
 * measured runs the scenario gets: all of them, or fewer (at least 3) when one run is so slow
 * that BENCH_RUNS of them would blow the bench's time budget (about 30 s per scenario).
 */
function trialRuns(makeSession, label, what) {
  const [trial] = drive([makeSession()]);
  const t = trial.times[label];
  let runs = RUNS;
  if (t === undefined) runs = 0;
  else if (t > 3) runs = Math.max(Math.min(3, RUNS), Math.min(RUNS, Math.floor(30 / t)));
  if (runs < RUNS) log(`   ${what}: the trial run took ${t === undefined ? 'too long' : fmtMs(t * 1000)}; ${runs} measured runs of it`);
  return runs;
}

// -- report rows -----------------------------------------------------------------------------

const rows = [];
function row(section, label, figure, target = '', result = '', data = {}) {
  rows.push({ section, label, figure, target, result, ...data });
}
function verdict(ok) {
  return ok === null ? '' : ok ? 'PASS' : 'FAIL';
}

function okRuns(runs, label) {
  return runs.filter((r) => !r.error && r.times[label] !== undefined);
}

function rssOf(runs) {
  const values = runs.map((r) => r.maxRssKB).filter((v) => v !== null && v !== undefined);
  return values.length ? Math.max(...values) : null;
}

// -- the measurements ------------------------------------------------------------------------

const ratioOf = (a, b) => (a && b ? a / b : null);
const fmtRatio = (r) => (r === null ? '-' : `${r.toFixed(2)}x`);

/** Median and p95 of the runs' `label` times, with the peak RSS and the failures. */
function statsOf(runs, label) {
  const ok = okRuns(runs ?? [], label);
  return { ...summary(ok.map((r) => r.times[label])), rssKB: rssOf(runs ?? []), failed: (runs ?? []).length - ok.length };
}

function firstFrame(ctx) {
  log(`first frame in a ${COLS}x${ROWS} pty: ${RUNS} interleaved runs (+1 warm-up) each`);
  const readyText = 'blog-tui bench: ready';
  const folder = (id, dir) => () => tui(['--posts', dir], { id, env: ctx.env(), steps: [{ await: { kind: 'list' }, label: 'first', timeout: 50 }] });
  const folders = ctx.posts ? [['many', '10,000', ctx.data.many.dir, TARGET.firstFrame10k], ['huge', '50,000', ctx.data.huge.dir, TARGET.firstFrame50k]] : [];
  const runsOf = Object.fromEntries(folders.map(([id, n, dir]) => [id, trialRuns(folder(id, dir), 'first', `${n}-post first frame`)]));
  const g = driveRounds(interleaved(RUNS, (r) => [
    { id: 'node', mode: 'pty', cols: COLS, rows: ROWS, argv: [NODE, '-e', `console.log(${JSON.stringify(readyText)})`], cwd: root, timeout: 30, steps: [{ await: { kind: 'text', text: readyText }, label: 'first', timeout: 30 }] },
    // After the first frame, Down at once: what a user who starts typing straight away feels.
    tui([], { id: 'bundled', env: ctx.env(), steps: [{ await: { kind: 'list' }, label: 'first', timeout: 30 }, { press: KEY.down, expect: 'listDown', label: 'firstKey' }] }),
    ...folders.filter(([id]) => r >= 1 && r <= runsOf[id]).map(([id, , dir]) => folder(id, dir)()),
  ]));
  const stats = Object.fromEntries(['node', 'bundled', ...folders.map(([id]) => id)].map((id) => [id, statsOf(g[id], 'first')]));
  const sec = 'First frame (spawn to list on screen), ratio to node printing a line';
  const node = stats.node.medianMs;
  row(sec, 'node -e printing one line', `${fmtMs(node)} median, p95 ${fmtMs(stats.node.p95Ms)}`, '', '', { id: 'firstFrame.node', ...stats.node });
  const ratioRow = (id, what, target) => {
    const r = ratioOf(stats[id].medianMs, node);
    row(sec, what, `${fmtMs(stats[id].medianMs)} median (${fmtRatio(r)}), p95 ${fmtMs(stats[id].p95Ms)}`, `<= ${target}x`, verdict(r !== null && r <= target), { id: `firstFrame.${id}`, ratio: round(r, 3), ...stats[id] });
  };
  ratioRow('bundled', `bundled posts (${ctx.bundled.count})`, TARGET.firstFrame);
  for (const [id, n, , target] of folders) ratioRow(id, `${n}-post folder, warm cache`, target);
  if (!ctx.posts) row(sec, 'folders of 10,000 and 50,000 posts', NEEDS_POSTS, '', '', { id: 'firstFrame.many', skipped: NEEDS_POSTS });
  ctx.firstKey = summary(okRuns(g.bundled ?? [], 'firstKey').map((r) => r.times.firstKey));
  ctx.rss.push(['first frame, node -e', stats.node.rssKB], ['first frame and one key, bundled', stats.bundled.rssKB]);
  for (const [id, n] of folders) ctx.rss.push([`first frame, ${n} posts`, stats[id].rssKB, id]);
  return stats;
}

function piped(ctx) {
  log(`read <longest post> > /dev/null: ${RUNS} interleaved runs (+1 warm-up) each`);
  const post = ctx.bundled;
  const md = join(ctx.tmp, `${post.slug}.body.md`);
  writeFileSync(md, post.body);
  const lowdown = onPath('lowdown');
  const pandoc = onPath('pandoc');
  const read = (id, args, extra = {}) => ({ id, mode: 'null', argv: [NODE, BIN, ...args], cwd: root, env: ctx.env(extra), timeout: 60 });
  // A read compiles from the code its kind of read left in the cache (src/cli/codeCache.ts); the
  // first of its kind has none yet: each `first` run gets a cache folder of its own.
  let firstReads = 0;
  const g = driveRounds(interleaved(RUNS, () => [
    read('plain', ['read', post.slug]),
    read('colour', ['read', post.slug, '--color=always']),
    read('first', ['read', post.slug], { XDG_CACHE_HOME: join(ctx.tmp, 'first-read', String(++firstReads)) }),
    ...(ctx.posts ? [read('huge', ['--posts', ctx.data.huge.dir, 'read', post.slug])] : []),
    { id: 'node', mode: 'null', argv: [NODE, '-e', ''], cwd: root, timeout: 30 },
    ...(lowdown ? [{ id: 'lowdown', mode: 'null', argv: [lowdown, '-Tterm', '--term-columns=80', md], timeout: 30 }] : []),
    ...(pandoc ? [{ id: 'pandoc', mode: 'null', argv: [pandoc, '-f', 'markdown', '-t', 'plain', '--columns=80', md], timeout: 30 }] : []),
  ]));
  const stats = {};
  for (const [name, runs] of Object.entries(g)) {
    const ok = runs.filter((r) => !r.error && r.exitCode === 0);
    stats[name] = { ...summary(ok.map((r) => r.wallSeconds)), rssKB: rssOf(runs), failed: runs.length - ok.length };
  }
  const sec = `read ${post.slug} > /dev/null (${(post.bytes / 1024).toFixed(1)} KB, 80 columns), ratio to bare node`;
  const node = stats.node.medianMs;
  row(sec, "bare node (node -e '')", `${fmtMs(node)} median, p95 ${fmtMs(stats.node.p95Ms)}`, '', '', { id: 'read.node', ...stats.node });
  for (const [id, what, target] of [['plain', 'plain', TARGET.readPlain], ['colour', 'colour (--color=always)', TARGET.readColour]]) {
    const r = ratioOf(stats[id].medianMs, node);
    row(sec, what, `${fmtMs(stats[id].medianMs)} median (${fmtRatio(r)}), p95 ${fmtMs(stats[id].p95Ms)}`, `<= ${target}x`, verdict(r !== null && r <= target && !stats[id].failed), { id: `read.${id}`, ratio: round(r, 3), ...stats[id] });
  }
  row(sec, 'plain, the first read of its kind (no compiled code cached yet)', `${fmtMs(stats.first.medianMs)} median (${fmtRatio(ratioOf(stats.first.medianMs, node))})`, '', '', { id: 'read.first', ratio: round(ratioOf(stats.first.medianMs, node), 3), ...stats.first });
  if (ctx.posts) {
    const r = ratioOf(stats.huge.medianMs, stats.plain.medianMs);
    row(sec, 'the same post in the 50,000-post folder (ratio to bundled)', `${fmtMs(stats.huge.medianMs)} median (${fmtRatio(r)})`, `<= ${TARGET.read50k}x`, verdict(r !== null && r <= TARGET.read50k && !stats.huge.failed), { id: 'read.huge', ratio: round(r, 3), ...stats.huge });
  }
  for (const [name, path, label] of [['lowdown', lowdown, 'lowdown -Tterm'], ['pandoc', pandoc, 'pandoc -t plain']]) {
    if (!path) {
      row(sec, `${label} (same Markdown)`, NOT_INSTALLED, '', '', { id: `read.${name}`, skipped: NOT_INSTALLED });
      continue;
    }
    const s = stats[name];
    row(sec, `${label} (same Markdown)`, `${fmtMs(s.medianMs)} median (${fmtRatio(ratioOf(s.medianMs, node))})`, '', '', { id: `read.${name}`, ...s });
    ctx.rss.push([`read piped, ${name}`, s.rssKB]);
  }
  ctx.rss.push(['read piped, blog-tui', stats.plain.rssKB], ['read piped, bare node', stats.node.rssKB]);
  return stats;
}

function keyLatency(ctx) {
  log(`key latency: ${ROUNDS} presses of each key per scenario, from the first frame on`);
  const listKeys = [
    { name: 'Down', bytes: KEY.down, expect: 'listDown' },
    { name: 'PgDn', bytes: KEY.pageDown, expect: 'listPage' },
  ];
  const readerKeys = [
    { name: 'j', bytes: 'j', expect: 'readerLine' },
    { name: 'PgDn', bytes: KEY.pageDown, expect: 'readerPage' },
    { name: 'G', bytes: 'G', expect: 'readerEnd' },
  ];
  // The keys start as soon as the first screen is complete: the first of them land while the
  // app is still starting its workers, as a user's first keys do. In a list they come faster
  // than the app's wait for a pause before it loads Ink (tui/tuiSetup.ts): the same keys are
  // pressed again after a pause, answered by Ink, with the folder checked meanwhile.
  const keys = (list) => ({ keys: list, rounds: ROUNDS, gap: KEY_GAP, timeout: 600 });
  const afterPause = listKeys.map((k) => ({ ...k, name: `${k.name} after a pause` }));
  const listSteps = (timeout) => [{ await: { kind: 'list' }, label: 'first', timeout }, keys(listKeys), { idle: PAUSE_S }, keys(afterPause)];
  const b = ctx.bundled;
  const scenarios = [
    { id: 'list.bundled', what: `list, bundled posts (${b.count})`, session: tui([], { env: ctx.env(), steps: listSteps(30) }) },
    { id: 'list.many', what: 'list, 10,000-post folder', posts: true, session: ctx.posts && tui(['--posts', ctx.data.many.dir], { env: ctx.env(), steps: listSteps(50) }) },
    { id: 'list.huge', what: 'list, 50,000-post folder', posts: true, session: ctx.posts && tui(['--posts', ctx.data.huge.dir], { env: ctx.env(), timeout: 300, steps: listSteps(100) }) },
    { id: 'reader.bundled', what: `reader, ${b.slug}`, session: tui(['read', b.slug], { env: ctx.env(), steps: [{ await: { kind: 'reader', text: b.firstWords }, label: 'first', timeout: 30 }, keys(readerKeys)] }) },
    { id: 'reader.large', what: `reader, generated ${ctx.posts ? (ctx.data.large.bytes / 1e6).toFixed(1) : '2'} MB post`, posts: true, session: ctx.posts && tui(['--posts', ctx.data.large.dir, 'read', ctx.data.large.post.slug], { env: ctx.env(), timeout: 600, steps: [{ await: { kind: 'reader', text: ctx.data.large.post.firstWords }, label: 'first', timeout: 120 }, keys(readerKeys)] }) },
    { id: 'reader.many', what: 'reader, a post of the 10,000-post folder', posts: true, session: ctx.posts && tui(['--posts', ctx.data.many.dir, 'read', ctx.data.many.readerPost.slug], { env: ctx.env(), steps: [{ await: { kind: 'reader', text: ctx.data.many.readerPost.firstWords }, label: 'first', timeout: 50 }, keys(readerKeys)] }) },
  ];
  const sec = `Key latency (key written to changed screen complete), keys from the first frame on`;
  const target = `p95 <= ${TARGET.keyP95Ms} ms`;
  const stats = {};
  const first = ctx.firstKey;
  if (first) row(sec, 'Down at once after the first frame, bundled (first-frame runs)', first.n ? `${fmtMs(first.medianMs)} median, p95 ${fmtMs(first.p95Ms)} (n=${first.n})` : 'failed', target, verdict(first.n > 0 && first.p95Ms <= TARGET.keyP95Ms), { id: 'keys.firstKey', ...first });
  for (const sc of scenarios) {
    const keyList = sc.id.startsWith('list') ? [...listKeys, ...afterPause] : readerKeys;
    if (sc.posts && !ctx.posts) {
      for (const k of keyList) row(sec, `${k.name}, ${sc.what}`, NEEDS_POSTS, target, '', { id: `keys.${sc.id}.${k.name}`, skipped: NEEDS_POSTS });
      continue;
    }
    log(`   ${sc.what}`);
    const [result] = drive([{ ...sc.session, id: sc.id }]);
    stats[sc.id] = { result };
    for (const k of keyList) {
      const samples = result.latencies[k.name] ?? [];
      const s = samples.length ? summary(samples) : null;
      const bytes = result.bytes[k.name] ?? [];
      const ok = s !== null && !result.error && s.p95Ms <= TARGET.keyP95Ms;
      const figure = s ? `${fmtMs(s.medianMs)} median, p95 ${fmtMs(s.p95Ms)}${result.error ? ` (n=${s.n}, then failed)` : ''}` : 'failed (see the log above)';
      row(sec, `${k.name}, ${sc.what}`, figure, target, verdict(ok), {
        id: `keys.${sc.id}.${k.name}`, ...(s ?? {}), bytesPerKey: median(bytes), error: result.error ?? undefined,
      });
    }
    stats[sc.id].rssKB = result.maxRssKB;
    ctx.rss.push([`keys, ${sc.what}`, result.maxRssKB, sc.id === 'list.huge' ? 'huge' : undefined]);
    if (result.resets || result.extraFrames) log(`   (${result.resets} untimed Home presses; ${result.extraFrames} output chunks after a completed frame)`);
  }
  return stats;
}

function opening(ctx) {
  const b = ctx.bundled;
  const openSteps = (title, text, timeout) => [
    { await: { kind: 'list' }, label: 'first', timeout: 50 },
    { idle: IDLE_BEFORE_OPEN },
    { select: title, timeout: 30 },
    { press: KEY.enter, await: { kind: 'reader', text }, label: 'open', timeout },
  ];
  const bundledSession = () => tui([], { id: 'bundled', env: ctx.env(), steps: openSteps(b.title.slice(0, 40), b.firstWords, 30) });
  const largeSession = () => tui(['--posts', ctx.data.large.dir], { id: 'large', env: ctx.env(), timeout: 200, steps: openSteps(ctx.data.large.post.title, ctx.data.large.post.firstWords, 120) });
  let largeRuns = 0;
  if (ctx.posts) {
    log('opening a post: trial run of the 2 MB post');
    largeRuns = trialRuns(largeSession, 'open', 'opening the 2 MB post');
  }
  log(`opening a post (Enter after ${IDLE_BEFORE_OPEN} s on the list): ${RUNS} interleaved runs (+1 warm-up)`);
  const g = driveRounds(interleaved(RUNS, (r) => [bundledSession(), ...(ctx.posts && r >= 1 && r <= largeRuns ? [largeSession()] : [])]));
  const sec = 'Opening a post (Enter to first screen of text)';
  const stats = {};
  const rowsFor = [['bundled', `${b.slug} (bundled, ${(b.bytes / 1024).toFixed(1)} KB)`, 0.1, '<= 100 ms']];
  if (ctx.posts) rowsFor.push(['large', `generated ${(ctx.data.large.bytes / 1e6).toFixed(1)} MB post`, 1.5, '<= 1.5 s']);
  for (const [name, what, limit, target] of rowsFor) {
    const runs = g[name] ?? [];
    const ok = okRuns(runs, 'open');
    const s = ok.length ? summary(ok.map((r) => r.times.open)) : null;
    stats[name] = { ...(s ?? {}), rssKB: rssOf(runs), failed: runs.length - ok.length };
    const failedNote = runs.length - ok.length ? `, ${runs.length - ok.length} failed` : '';
    row(sec, what, s ? `${fmtMs(s.medianMs)} median, p95 ${fmtMs(s.p95Ms)} (n=${s.n}${failedNote})` : 'failed (timed out)', target, verdict(s !== null && s.medianMs <= limit * 1000 && ok.length === runs.length), { id: `open.${name}`, ...stats[name] });
    ctx.rss.push([`open, ${what}`, stats[name].rssKB]);
  }
  if (!ctx.posts) row(sec, 'generated 2 MB post', NEEDS_POSTS, '<= 1.5 s', '', { id: 'open.large', skipped: NEEDS_POSTS });
  return stats;
}

/**
 * A folder seen for the first time (no cache): how soon the list is on screen, and how long
 * indexing every file takes next to the floor, a node script that reads every file and parses
 * its Markdown with marked (test/bench/floor-index.mjs).
 */
function cold(ctx) {
  const sec = 'A folder seen for the first time (empty cache)';
  if (!ctx.posts) {
    row(sec, 'cold folder', NEEDS_POSTS, '', '', { id: 'cold.list', skipped: NEEDS_POSTS });
    return {};
  }
  const { dir, count } = ctx.data.cold;
  const runs = Math.max(3, Math.min(RUNS, 5));
  log(`cold folder of ${count} posts: ${runs} interleaved runs (+1 warm-up), each with an empty cache`);
  const fresh = () => ({ XDG_CACHE_HOME: join(ctx.tmp, `cold-cache-${++ctx.coldCaches}`) });
  const g = driveRounds(interleaved(runs, () => [
    tui(['--posts', dir], { id: 'list', env: ctx.env(fresh()), timeout: 120, steps: [{ await: { kind: 'list' }, label: 'first', timeout: 100 }] }),
    { id: 'index', mode: 'null', argv: [NODE, BIN, '--posts', dir, 'list'], cwd: root, env: ctx.env(fresh()), timeout: 120 },
    { id: 'floor', mode: 'null', argv: [NODE, FLOOR, dir], cwd: root, timeout: 120 },
  ]));
  const list = statsOf(g.list, 'first');
  const wall = (id) => {
    const ok = (g[id] ?? []).filter((r) => !r.error && r.exitCode === 0);
    return { ...summary(ok.map((r) => r.wallSeconds)), rssKB: rssOf(g[id] ?? []), failed: (g[id] ?? []).length - ok.length };
  };
  const index = wall('index');
  const floor = wall('floor');
  const r = ratioOf(index.medianMs, floor.medianMs);
  row(sec, `${count} posts: the list with titles and dates on screen`, `${fmtMs(list.medianMs)} median, p95 ${fmtMs(list.p95Ms)}`, `<= ${TARGET.coldListSeconds} s`, verdict(list.medianMs !== null && list.medianMs <= TARGET.coldListSeconds * 1000), { id: 'cold.list', ...list });
  row(sec, `${count} posts: index to completion (blog-tui --posts DIR list)`, `${fmtMs(index.medianMs)} median (${fmtRatio(r)} the floor)`, `<= ${TARGET.coldIndex}x`, verdict(r !== null && r <= TARGET.coldIndex), { id: 'cold.index', ratio: round(r, 3), ...index });
  row(sec, 'the floor: node reading every file and parsing it with marked', `${fmtMs(floor.medianMs)} median`, '', '', { id: 'cold.floor', ...floor });
  ctx.rss.push([`cold index, ${count} posts`, index.rssKB]);
  return { list, index, floor };
}

function memory(ctx) {
  const sec = 'Peak RSS (largest of the runs of each kind)';
  for (const [what, kb] of ctx.rss) {
    const atFloor = kb !== null && kb <= floorKB * 1.05;
    row(sec, what, atFloor ? `<= ${fmtMB(floorKB)} (harness floor)` : fmtMB(kb), '', '', { id: `rss.${what}`, rssKB: kb });
  }
  const label = '50,000-post list (first frames, and keys with a pause between)';
  if (!ctx.posts) {
    row(sec, label, NEEDS_POSTS, `<= ${TARGET.rss50kMB} MB`, '', { id: 'rss.huge', skipped: NEEDS_POSTS });
    return;
  }
  const huge = ctx.rss.filter(([, , tag]) => tag === 'huge').map(([, kb]) => kb).filter((kb) => kb !== null && kb !== undefined);
  if (!huge.length) return;
  const peak = Math.max(...huge);
  row(sec, label, fmtMB(peak), `<= ${TARGET.rss50kMB} MB`, verdict(peak <= TARGET.rss50kMB * 1024), { id: 'rss.huge', rssKB: peak });
}

// -- blogs read by their address ------------------------------------------------------------

const FEED_SERVER = fileURLToPath(new URL('./feedServer.mjs', import.meta.url));
/** A cached feed's first frame has the target of a warm folder's. */
const FEED_FRAME_TARGET = TARGET.firstFrame10k;

/**
 * The address of the bench's feed server (test/bench/feedServer.mjs), a child process started on
 * first use: this thread is blocked while the driver runs, so it could not answer itself.
 */
function feedServer(ctx) {
  if (ctx.feedBase) return ctx.feedBase;
  const file = join(ctx.tmp, 'feed-server-address');
  const child = spawn(NODE, [FEED_SERVER, file], { stdio: ['pipe', 'ignore', 'inherit'] });
  // The server must not keep the bench running once its cases are done: it ends with the bench.
  child.unref();
  child.stdin.unref();
  process.on('exit', () => child.kill());
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let waited = 0; !existsSync(file); waited += 20) {
    if (waited > 30_000) throw new Error('the feed server did not start');
    Atomics.wait(pause, 0, 0, 20);
  }
  ctx.feedBase = readFileSync(file, 'utf8');
  return ctx.feedBase;
}

/** `blog-tui URL` on a cached feed of 1,000 posts: spawn to the list on screen, next to node printing a line. */
function feedFirstFrame(ctx) {
  const sec = 'A blog read by its address (a feed served on 127.0.0.1)';
  const address = `${feedServer(ctx)}/big/index.xml`;
  const cache = { XDG_CACHE_HOME: join(ctx.tmp, 'feed-cache') };
  const [copy] = drive([{ id: 'feed.copy', mode: 'null', argv: [NODE, BIN, address, 'list'], cwd: root, env: ctx.env(cache), timeout: 300 }]);
  if (copy.error || copy.exitCode !== 0) {
    row(sec, 'cached 1,000-post feed', `could not fetch the feed (${copy.error ?? `exit ${copy.exitCode}`})`, '', '', { id: 'feed.firstFrame' });
    return {};
  }
  log(`cached 1,000-post feed (fetched in ${fmtMs(copy.wallSeconds * 1000)}), first frame: ${RUNS} interleaved runs (+1 warm-up)`);
  const readyText = 'blog-tui bench: ready';
  const g = driveRounds(interleaved(RUNS, () => [
    { id: 'node', mode: 'pty', cols: COLS, rows: ROWS, argv: [NODE, '-e', `console.log(${JSON.stringify(readyText)})`], cwd: root, timeout: 30, steps: [{ await: { kind: 'text', text: readyText }, label: 'first', timeout: 30 }] },
    tui([address], { id: 'feed', env: ctx.env(cache), steps: [{ await: { kind: 'list' }, label: 'first', timeout: 30 }] }),
  ]));
  const node = statsOf(g.node, 'first');
  const feed = statsOf(g.feed, 'first');
  const r = ratioOf(feed.medianMs, node.medianMs);
  row(sec, 'node -e printing one line (this case\'s runs)', `${fmtMs(node.medianMs)} median, p95 ${fmtMs(node.p95Ms)}`, '', '', { id: 'feed.firstFrame.node', ...node });
  row(sec, 'first frame, cached 1,000-post feed (the feed asked for after it)', `${fmtMs(feed.medianMs)} median (${fmtRatio(r)}), p95 ${fmtMs(feed.p95Ms)}`, `<= ${FEED_FRAME_TARGET}x`, verdict(r !== null && r <= FEED_FRAME_TARGET), { id: 'feed.firstFrame', ratio: round(r, 3), ...feed });
  ctx.rss.push(['first frame, cached 1,000-post feed', feed.rssKB]);
  return { node, feed };
}

/** `blog-tui sync` of ten subscriptions (100 full-text posts each): with an empty cache, and again when every feed answers 304. */
function feedSync(ctx) {
  const sec = 'A blog read by its address (a feed served on 127.0.0.1)';
  const base = feedServer(ctx);
  const config = join(ctx.tmp, 'ten-feeds.toml');
  writeFileSync(config, Array.from({ length: 10 }, (_, i) => `[[feeds]]\nurl = "${base}/f${i}/index.xml"\n`).join('\n'));
  const sync = (id, cacheHome) => ({ id, mode: 'null', argv: [NODE, BIN, 'sync'], cwd: root, env: ctx.env({ XDG_CACHE_HOME: cacheHome, BLOG_TUI_CONFIG: config }), timeout: 300 });
  const synced = join(ctx.tmp, 'sync-cache-synced');
  drive([sync('sync.prepare', synced)]);
  const runs = Math.max(3, Math.min(RUNS, 5));
  log(`sync of ten feeds: ${runs} interleaved runs (+1 warm-up) each, empty cache and unchanged`);
  let fresh = 0;
  const g = driveRounds(interleaved(runs, () => [sync('empty', join(ctx.tmp, `sync-cache-${++fresh}`)), sync('unchanged', synced)]));
  const wall = (id) => {
    const ok = (g[id] ?? []).filter((run) => !run.error && run.exitCode === 0);
    return { ...summary(ok.map((run) => run.wallSeconds)), rssKB: rssOf(g[id] ?? []), failed: (g[id] ?? []).length - ok.length };
  };
  const empty = wall('empty');
  const unchanged = wall('unchanged');
  const failed = (s) => (s.failed ? `, ${s.failed} failed` : '');
  row(sec, 'sync of ten feeds of 100 posts, empty cache (blog-tui sync)', `${fmtMs(empty.medianMs)} median, p95 ${fmtMs(empty.p95Ms)}${failed(empty)}`, '', '', { id: 'feed.sync.empty', ...empty });
  row(sec, 'sync of the same ten feeds, unchanged (a 304 each)', `${fmtMs(unchanged.medianMs)} median, p95 ${fmtMs(unchanged.p95Ms)}${failed(unchanged)}`, '', '', { id: 'feed.sync.unchanged', ...unchanged });
  ctx.rss.push(['sync of ten feeds, empty cache', empty.rssKB]);
  return { empty, unchanged };
}

/** The cases, in the order they run and are reported. */
const CASES = [
  { id: 'firstFrame', run: firstFrame },
  { id: 'read', run: piped },
  { id: 'keys', run: keyLatency },
  { id: 'open', run: opening },
  { id: 'cold', run: cold },
  { id: 'feedFrame', run: feedFirstFrame },
  { id: 'feedSync', run: feedSync },
];

// -- output ----------------------------------------------------------------------------------

function table() {
  const w1 = Math.max(...rows.map((r) => r.label.length));
  const w2 = Math.max(...rows.map((r) => r.figure.length));
  const w3 = Math.max(6, ...rows.map((r) => r.target.length));
  const lines = [];
  let section = null;
  for (const r of rows) {
    if (r.section !== section) {
      section = r.section;
      lines.push('', section);
    }
    lines.push(`  ${r.label.padEnd(w1)}  ${r.figure.padEnd(w2)}  ${r.target.padEnd(w3)}  ${r.result}`.trimEnd());
  }
  return lines.join('\n');
}

function main() {
  const started = process.hrtime.bigint();
  const loadBefore = loadavg()[0];
  ensureBuilt();
  const help = spawnSync(NODE, [BIN, '--help'], { encoding: 'utf8' }).stdout ?? '';
  const posts = /--posts\b/.test(help);
  const tmp = mkdtempSync(join(tmpdir(), 'blog-tui-bench-'));
  const cacheHome = join(tmp, 'cache');
  let stateCount = 0;
  const ctx = {
    tmp,
    posts,
    rss: [],
    coldCaches: 0,
    bundled: longestBundledPost(),
    // Every session gets its own empty state, config and data folders (no saved reading
    // position changes what is on screen); the cache (the index of a --posts folder) is shared.
    env: (extra = {}) => {
      const state = join(tmp, `home-${++stateCount}`);
      return childEnv({ XDG_CACHE_HOME: cacheHome, XDG_STATE_HOME: join(state, 'state'), XDG_CONFIG_HOME: join(state, 'config'), XDG_DATA_HOME: join(state, 'data'), ...extra });
    },
  };
  const prep = {};
  try {
    if (posts) {
      const t0 = Date.now();
      log(`generated posts under ${DATA} (kept between runs)`);
      ctx.data = ensureBenchPosts(DATA, { extraPost: ctx.bundled.file });
      if (ctx.data.generated) log(`   generated in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      log('   building the index cache of each folder (cold start, once)');
      const folders = ['many', 'huge', 'large'];
      const built = drive(folders.map((name) => ({ id: `index.${name}`, mode: 'null', argv: [NODE, BIN, '--posts', ctx.data[name].dir, 'list'], cwd: root, env: ctx.env(), timeout: 900 })));
      prep.coldIndex = Object.fromEntries(built.map((b, i) => [folders[i], { seconds: round(b.wallSeconds, 3), rssKB: b.maxRssKB, error: b.error }]));
    } else {
      log(`this build has no --posts: the rows of generated folders are skipped`);
    }
    const stats = {};
    for (const c of CASES) if (!ONLY || ONLY.has(c.id)) stats[c.id] = c.run(ctx);
    memory(ctx);
    if (prep.coldIndex) {
      const sec = 'Preparation (information only)';
      for (const [name, n] of [['many', '10,000'], ['huge', '50,000']]) {
        const p = prep.coldIndex[name];
        row(sec, `cold index, ${n}-post folder (blog-tui --posts DIR list)`, `${p.seconds} s, ${fmtMB(p.rssKB)}`, '', '', { id: `prep.coldIndex.${name}`, ...p });
      }
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const header = [
      `blog-tui bench: ${new Date().toISOString()}, node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'})`,
      `${RUNS} interleaved runs per start-up figure (+1 warm-up), ${ROUNDS} presses per key, ${COLS}x${ROWS} pty; p95 is nearest-rank; total ${seconds.toFixed(0)} s`,
      `load average (1 min) before / after: ${loadBefore.toFixed(2)} / ${loadavg()[0].toFixed(2)}${loadBefore > 0.5 ? ' (other work on this machine makes the figures noisier)' : ''}`,
    ];
    const text = `${header.join('\n')}\n${table()}\n`;
    process.stdout.write(text);
    const outDir = join(root, 'bench-results');
    mkdirSync(outDir, { recursive: true });
    const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).stdout?.trim() || null;
    const json = {
      meta: {
        date: new Date().toISOString(), node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model ?? null,
        commit, cases: CASES.map((c) => c.id).filter((id) => !ONLY || ONLY.has(id)), runs: RUNS, rounds: ROUNDS, cols: COLS, rows: ROWS, keyGapSeconds: KEY_GAP, idleBeforeOpenSeconds: IDLE_BEFORE_OPEN, targets: TARGET,
        postsOption: posts, dataDir: posts ? DATA : null, harnessRssFloorKB: floorKB, seconds: round(seconds, 1),
        loadAverageBefore: round(loadBefore), loadAverageAfter: round(loadavg()[0]),
        lowdown: onPath('lowdown') ? 'installed' : null, pandoc: onPath('pandoc') ? version(['pandoc', '--version']) : null,
      },
      prep,
      rows: rows.map(({ section, ...rest }) => ({ section, ...rest })),
      table: text,
    };
    writeFileSync(join(outDir, 'bench.json'), JSON.stringify(json, null, 2) + '\n');
    log(`wrote ${relative(process.cwd(), join(outDir, 'bench.json')) || 'bench-results/bench.json'}`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

try {
  main();
} catch (error) {
  log(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
