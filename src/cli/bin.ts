// Entry point of the `blog-tui` command, built as one small CommonJS file (dist/blog-tui.js): Node
// starts a CommonJS entry without setting up its ES module loader, which the commands typed most
// never need before their output. Colour libraries read the environment when they are first
// imported, so NO_COLOR is settled here before anything else loads.
import { existsSync, writeSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

if (process.env.NO_COLOR) process.env.FORCE_COLOR = '0';

// Node's builtins and the CommonJS files beside this one, loaded synchronously.
const load = createRequire(import.meta.url);

// On a terminal (the full-screen app), V8's young generation stays at its first size instead of
// growing to tens of megabytes when something allocates a lot at once (the 50,000 entries of a
// folder's cache, read and parsed while the list is shown): that growth was resident memory kept
// for the rest of the run. Collections of the young generation stay short either way; the worker
// threads have their own limit (tui/workerLimits.ts).
// (stdout is asked first: asking for process.stdin builds its stream, which a piped `read` has no use for.)
if (process.stdout.isTTY && process.stdin.isTTY) (load('node:v8') as typeof import('node:v8')).setFlagsFromString('--semi-space-growth-factor=1');

// SIGUSR1 would start Node's inspector, which listens on a port and prints over the screen.
process.on('SIGUSR1', () => undefined);

function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]+/g, ' ').trim();
}

// A reader closing the pipe early (`blog-tui list | head -1`) is a normal end.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  process.stderr.write(`blog-tui: cannot write output: ${oneLine(error)}\n`);
  process.exit(1);
});
// A bug that escapes: one line, exit 1. The line is written on exit, after the full-screen app
// (whose restore runs on exit too, registered earlier) has given the terminal back.
function fail(error: unknown): never {
  const line = `blog-tui: unexpected error: ${oneLine(error)}\n`;
  process.on('exit', () => {
    try {
      writeSync(2, line);
    } catch {
      // stderr is gone.
    }
  });
  process.exit(1);
}
process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);

/** dist/quick-start.cjs's quickStart, or, run from the sources, the module's. */
async function quickStart(argv: string[]): Promise<number | undefined> {
  const bundle = fileURLToPath(new URL('./quick-start.cjs', import.meta.url));
  const module = (existsSync(bundle) ? load(bundle) : await import('./quickStart.js')) as typeof import('./quickStart.js');
  return module.quickStart(argv);
}

async function run(argv: string[]): Promise<void> {
  // The full-screen framework is the slowest thing to load. The post list is painted before it
  // loads (tui/tuiSetup.ts), so nothing is loaded ahead of it then; the reader of `read` needs it
  // for its first screen: on a terminal, start loading it while the command line and the post are read.
  const command = argv.find((arg) => !arg.startsWith('-'));
  if (process.stdout.isTTY && process.stdin.isTTY && command === 'read') {
    void import('../tui/runTui.js').catch(() => undefined);
  }
  // A piped `read POST` or `list` with the usual options skips the command-line parser and runs
  // from one bundle compiled from V8's code cache (cli/quickReadStart.ts); once its text is written
  // the process ends at once (there is nothing else to wait for; a failure's line on stderr is
  // left to drain).
  if (!process.stdout.isTTY && (argv.includes('read') || argv.includes('list'))) {
    const { quickList, quickRead } = await import('./quickReadStart.js');
    const code = (await quickRead(argv)) ?? (await quickList(argv));
    if (code !== undefined) {
      process.exitCode = code;
      if (code === 0) process.exit();
      return;
    }
  }
  // On a terminal, the program with no command (the app over the bundled posts, a folder or a blog's
  // address) with the usual options starts without the command-line parser too, from one
  // CommonJS file up to its first frame (cli/quickStart.ts, dist/quick-start.cjs).
  if (process.stdout.isTTY) {
    const code = await quickStart(argv);
    if (code !== undefined) {
      process.exitCode = code;
      return;
    }
  }
  const { main } = await import('./main.js');
  process.exitCode = await main(argv);
}

void run(process.argv.slice(2));
