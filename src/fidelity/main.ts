// `npm run fidelity -- DIR`: renders every post of a folder the way `blog-tui --posts DIR read
// SLUG` prints it when piped, and reports what leaks (see leaks.ts) and how close the words are
// to pandoc's plain text of the same Markdown.
import { execFile, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { setImmediate as yieldToEvents } from 'node:timers/promises';
import stripAnsi from 'strip-ansi';
import { loadFolderPosts } from '../cli/folderPosts.js';
import { renderPostText } from '../cli/readOutput.js';
import { CliError } from '../cli/errors.js';
import { normalizeSource, postBody } from '../content/frontMatterFences.js';
import { sanitizeLine } from '../content/sanitize.js';
import { findLeaks, sourceFacts } from './leaks.js';
import { formatReport, summarize, type PostResult } from './report.js';
import { sequenceSimilarity, wordsOf } from './wordDiff.js';

const USAGE = `usage: npm run fidelity -- DIR [--width N] [--json] [--no-pandoc] [--drafts]

Renders every post of DIR at 80 columns (as \`blog-tui --posts DIR read SLUG | cat\`) and prints,
per kind of leak, the count and the first three places; with pandoc installed, how closely each
post's words follow \`pandoc -t plain\` of the same Markdown, with the ten furthest posts.
--json prints every place as JSON instead.`;

class UsageError extends Error {}

interface Options {
  dir: string;
  width: number;
  json: boolean;
  pandoc: boolean;
  drafts: boolean;
}

function parseArgs(args: string[]): Options {
  const options: Options = { dir: '', width: 80, json: false, pandoc: true, drafts: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--json') options.json = true;
    else if (arg === '--no-pandoc') options.pandoc = false;
    else if (arg === '--drafts') options.drafts = true;
    else if (arg === '--width') {
      const n = Number(args[++i]);
      if (!Number.isInteger(n) || n < 20 || n > 1000) throw new UsageError('--width expects a whole number from 20 to 1000');
      options.width = n;
    } else if (arg === '-h' || arg === '--help') throw new UsageError('');
    else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
    else if (options.dir) throw new UsageError('one folder at a time');
    else options.dir = arg;
  }
  if (!options.dir) throw new UsageError('which folder?');
  return options;
}

function pandocVersion(): Promise<string | undefined> {
  return new Promise((done) => {
    execFile('pandoc', ['--version'], { timeout: 10_000 }, (error, stdout) => {
      done(error ? undefined : (/pandoc(?:\.exe)? ([\d.]+)/.exec(stdout)?.[1] ?? 'unknown'));
    });
  });
}

/** pandoc's plain text of Markdown, or undefined when pandoc fails on it. */
function pandocPlain(markdown: string): Promise<string | undefined> {
  return new Promise((done) => {
    const child = spawn('pandoc', ['-f', 'markdown', '-t', 'plain', '--wrap=none'], { stdio: ['pipe', 'pipe', 'ignore'] });
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', () => done(undefined));
    child.on('close', (code) => {
      clearTimeout(timer);
      done(code === 0 ? Buffer.concat(chunks).toString('utf8') : undefined);
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(markdown);
  });
}

// Starting pandoc costs more than converting a post, so posts go to pandoc in batches, each
// followed by a paragraph of one word that no post contains; a batch whose output does not
// split back into its posts (an unclosed fence or comment swallowed a separator) is redone
// one post at a time. Posts with footnotes go alone: pandoc gathers notes at the end of its output.
const SEPARATOR = 'blogtuifidelityseparator';
const BATCH_POSTS = 20;
const BATCH_CHARS = 400_000;

interface PandocJob {
  body: string;
  done(plain: string | undefined): void;
}

async function runBatch(batch: readonly PandocJob[]): Promise<void> {
  if (batch.length > 1 && batch.every((job) => !job.body.includes(SEPARATOR))) {
    const plain = await pandocPlain(batch.map((job) => job.body).join(`\n\n${SEPARATOR}\n\n`));
    const parts = plain?.split(new RegExp(`^${SEPARATOR}$`, 'm'));
    if (parts && parts.length === batch.length) {
      batch.forEach((job, i) => job.done(parts[i]));
      return;
    }
  }
  for (const job of batch) job.done(await pandocPlain(job.body));
}

/** A post's body as written in its file (front matter left out), before its site prepares it. */
function writtenBody(path: string): string | undefined {
  try {
    return postBody(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

/** How many lines of a post's file come before its body (the front matter). */
function linesBeforeBody(path: string, body: string): number {
  try {
    const text = normalizeSource(readFileSync(path, 'utf8'));
    if (!text.endsWith(body)) return 0;
    const head = text.slice(0, text.length - body.length);
    return head.split('\n').length - 1;
  } catch {
    return 0;
  }
}

/** Runs tasks with at most `limit` at a time. */
function pool(limit: number) {
  let running = 0;
  const waiting: Array<() => void> = [];
  const all: Promise<void>[] = [];
  const next = () => {
    if (running >= limit) return;
    const start = waiting.shift();
    if (start) {
      running++;
      start();
    }
  };
  return {
    add(task: () => Promise<void>): void {
      all.push(
        new Promise<void>((resolve) => {
          waiting.push(() => {
            void task().finally(() => {
              running--;
              resolve();
              next();
            });
          });
          next();
        }),
      );
    },
    done: () => Promise.all(all),
  };
}

async function run(options: Options): Promise<number> {
  const started = performance.now();
  const source = await loadFolderPosts(options.dir, { drafts: options.drafts, verbose: false });
  const version = options.pandoc ? await pandocVersion() : undefined;
  const jobs = pool(Math.max(1, Math.min(2, availableParallelism())));
  let failed = 0;
  let batch: PandocJob[] = [];
  let batchChars = 0;
  const flush = () => {
    const full = batch;
    batch = [];
    batchChars = 0;
    if (full.length) jobs.add(() => runBatch(full));
  };
  const results: PostResult[] = [];
  const rule = '─'.repeat(options.width);
  for (const entry of source.posts) {
    let body: string;
    try {
      body = source.readBody(entry);
    } catch (error) {
      process.stderr.write(`fidelity: cannot read ${sanitizeLine(entry.file)} (${(error as NodeJS.ErrnoException).code ?? 'error'})\n`);
      continue;
    }
    // The post's text as piped `read` prints it, without the link numbers and URL list it adds for pipes.
    const text = stripAnsi(await renderPostText(entry, body, options.width, false, false));
    const lines = text.replace(/\n$/, '').split('\n');
    const bodyStart = lines.indexOf(rule) + 2;
    const leaks = findLeaks(sourceFacts(body, writtenBody(join(source.id, entry.file))), lines, { width: options.width, bodyStart, header: entry.title, mdx: /\.mdx$/i.test(entry.file) });
    // Places as lines of the file, front matter included.
    const before = linesBeforeBody(join(source.id, entry.file), body);
    for (const leak of leaks) if (leak.sourceLine) leak.sourceLine += before;
    const result: PostResult = { file: entry.file, leaks };
    results.push(result);
    if (version) {
      const ours = wordsOf(lines.slice(bodyStart).join('\n'));
      const job: PandocJob = {
        body,
        done: (plain) => {
          if (plain === undefined) failed++;
          else result.similarity = sequenceSimilarity(ours, wordsOf(plain));
        },
      };
      if (body.includes('[^')) {
        jobs.add(() => runBatch([job]));
      } else {
        batch.push(job);
        batchChars += body.length;
      }
      if (batch.length >= BATCH_POSTS || batchChars >= BATCH_CHARS) flush();
    }
    // Let finished pandoc runs hand over their output and the next ones start.
    await yieldToEvents();
  }
  flush();
  await jobs.done();
  const seconds = (performance.now() - started) / 1000;
  const report = summarize(options.dir, options.width, seconds, results, version ? { version, failed } : undefined);
  process.stdout.write(options.json ? JSON.stringify(report, null, 2) + '\n' : formatReport(report));
  return 0;
}

async function main(): Promise<number> {
  let options: Options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    const message = (error as Error).message;
    process.stderr.write(message ? `fidelity: ${message}\n${USAGE}\n` : `${USAGE}\n`);
    return message ? 2 : 0;
  }
  try {
    return await run(options);
  } catch (error) {
    if (error instanceof CliError) {
      process.stderr.write(`fidelity: ${sanitizeLine(error.message)}\n`);
      return error.exitCode;
    }
    process.stderr.write(`fidelity: unexpected error: ${sanitizeLine(String((error as Error)?.message ?? error))}\n`);
    return 1;
  }
}

process.exitCode = await main();
