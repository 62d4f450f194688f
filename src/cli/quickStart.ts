// The program with no command on a terminal, when its command line is one quickArgs.ts reads: the
// app starts without loading the command-line parser.
import { failureCode } from './commandSupport.js';
import { quickStartOf } from './quickArgs.js';
import { settingsFor } from './settings.js';
import { runStart } from './startCommand.js';

/** Runs `argv` when it is the program with no command and options read here (the exit code), else undefined: the parser takes it. */
export async function quickStart(argv: readonly string[]): Promise<number | undefined> {
  const start = quickStartOf(argv);
  if (!start) return undefined;
  try {
    return await runStart(await settingsFor(start.given), start.globals);
  } catch (error) {
    return failureCode(error);
  }
}
