import { writeSync } from 'node:fs';
import { onExit } from 'signal-exit';

const ENTER_ALTERNATE_SCREEN = '\u001b[?1049h\u001b[H';
const SHOW_CURSOR = '\u001b[?25h';
const LEAVE_ALTERNATE_SCREEN = '\u001b[?1049l';

/**
 * Switches the terminal to the alternate screen and returns the function that puts it back.
 * The restore runs once, whichever way the process ends: a normal quit, an error, process
 * exit, or SIGINT / SIGTERM / SIGHUP (signal-exit re-raises the signal afterwards, so the exit
 * status stays the conventional one).
 */
export function enterFullScreen(stdin: NodeJS.ReadStream, beforeRestore: () => void = () => undefined, stdoutFd = 1): () => void {
  let active = true;
  const restore = () => {
    if (!active) return;
    active = false;
    try {
      // Unsaved reading state is written first: after a signal there is no later chance.
      beforeRestore();
    } catch {
      // The state is best effort; the terminal must be restored whatever happens.
    }
    try {
      if (stdin.isTTY) stdin.setRawMode(false);
    } catch {
      // stdin may already be closed.
    }
    try {
      writeSync(stdoutFd, SHOW_CURSOR + LEAVE_ALTERNATE_SCREEN);
    } catch {
      // The terminal is gone (SIGHUP after a hang-up): nothing left to restore.
    }
  };
  writeSync(stdoutFd, ENTER_ALTERNATE_SCREEN);
  process.on('exit', restore);
  onExit(() => {
    restore();
  });
  return restore;
}

const ERASE_SCROLLBACK = /\u001b\[3J/g;

/**
 * The stream Ink draws on: stdout, except that "erase scrollback" (ESC[3J) never reaches the
 * terminal. Ink 6 clears the whole terminal, scrollback included, when a frame was as tall as
 * the terminal, which happens whenever the terminal gets shorter; the user's scrollback is not
 * ours to erase.
 */
export function scrollbackSafe(stdout: NodeJS.WriteStream): NodeJS.WriteStream {
  const write = (chunk: unknown, ...rest: unknown[]) =>
    (stdout.write as (...args: unknown[]) => boolean)(typeof chunk === 'string' ? chunk.replace(ERASE_SCROLLBACK, '') : chunk, ...rest);
  return new Proxy(stdout, {
    get(target, property) {
      if (property === 'write') return write;
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
