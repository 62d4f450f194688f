// A piped `read` whose command line quickArgs.ts has read: the bundle dist/quick-read.cjs,
// which bin.ts compiles from V8's code cache (codeCache.ts).
import { failureCode } from './commandSupport.js';
import type { QuickRead } from './quickArgs.js';
import { runRead } from './readCommand.js';
import { settingsFor } from './settings.js';

/** Runs a quick `read`; the exit code. */
export async function runQuickRead(read: QuickRead): Promise<number> {
  try {
    return await runRead(read.post, read.width !== undefined ? { width: read.width } : {}, await settingsFor(read.given), read.globals);
  } catch (error) {
    return failureCode(error);
  }
}
