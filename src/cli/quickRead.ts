// A piped `read` or `list` whose command line quickArgs.ts has read: the bundle
// dist/quick-read.cjs, which bin.ts compiles from V8's code cache (codeCache.ts).
import { failureCode } from './commandSupport.js';
import type { QuickList, QuickRead } from './quickArgs.js';
import { runRead } from './readCommand.js';
import { settingsFor } from './settings.js';
import { runList } from './startCommand.js';

/** Runs a quick `read`; the exit code. */
export async function runQuickRead(read: QuickRead): Promise<number> {
  try {
    return await runRead(read.post, read.width !== undefined ? { width: read.width } : {}, await settingsFor(read.given), read.globals);
  } catch (error) {
    return failureCode(error);
  }
}

/** Runs a quick `list`; the exit code. */
export async function runQuickList(list: QuickList): Promise<number> {
  try {
    return await runList(false, await settingsFor(list.given), list.globals);
  } catch (error) {
    return failureCode(error);
  }
}
