import { writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { onExit } from 'signal-exit';

// node:child_process (and the socket modules it brings) loads when a command is run in the
// foreground, not on the way to the first frame.
const load = createRequire(import.meta.url);

const ENTER_ALTERNATE_SCREEN = '\u001b[?1049h\u001b[H';
const LEAVE_ALTERNATE_SCREEN = '\u001b[?1049l';
const SHOW_CURSOR = '\u001b[?25h';
const HIDE_CURSOR = '\u001b[?25l';
/** Button presses and the wheel (1000), reported as SGR sequences (1006). */
export const MOUSE_ON = '\u001b[?1000h\u001b[?1006h';
export const MOUSE_OFF = '\u001b[?1006l\u001b[?1000l';

export interface SessionOptions {
  /** Runs first on the final restore (unsaved reading state): after a signal there is no later chance. */
  beforeRestore?: () => void;
  /** Report mouse buttons and the wheel while the screen is up. */
  mouse?: boolean;
  stdoutFd?: number;
}

export interface ForegroundResult {
  /** Exit status, or null when the command could not be started or was killed. */
  status: number | null;
  /** Why it could not be started (ENOENT, ...), if so. */
  error?: string;
}

/** The full screen, with everything that has to leave it for a while and come back. */
export interface TerminalSession {
  /** Gives the terminal back for good (idempotent); also runs on exit and on signals. */
  restore(): void;
  /** Ctrl-Z: gives the terminal back as it was and stops the process; `fg` brings it back. */
  suspend(): void;
  /** Runs a command on the terminal (an editor, a text browser) with the app out of its way. */
  runForeground(command: string, args: string[]): ForegroundResult;
  /** Called after every return to the screen (after `fg` or a foreground command): redraw. */
  onResume(listener: () => void): () => void;
}

/**
 * Switches the terminal to the alternate screen (and mouse reporting) and returns the session
 * that puts it back. The final restore runs once, whichever way the process ends: a normal
 * quit, an error, process exit, or SIGINT / SIGTERM / SIGHUP (signal-exit re-raises the signal
 * afterwards, so the exit status stays the conventional one). SIGTSTP (Ctrl-Z from outside)
 * leaves the screen and stops; SIGCONT (`fg`) comes back.
 */
export function startTerminalSession(stdin: NodeJS.ReadStream, options: SessionOptions = {}): TerminalSession {
  const fd = options.stdoutFd ?? 1;
  const mouse = options.mouse === true;
  let active = true;
  let away = false;
  const listeners = new Set<() => void>();

  const write = (text: string) => {
    try {
      writeSync(fd, text);
    } catch {
      // The terminal is gone (SIGHUP after a hang-up): nothing left to restore.
    }
  };
  const setRaw = (on: boolean) => {
    try {
      if (stdin.isTTY) stdin.setRawMode(on);
    } catch {
      // stdin may already be closed.
    }
  };
  /** The terminal as it was before start: cooked mode, cursor shown, no mouse, main screen. */
  const leave = () => {
    setRaw(false);
    write(SHOW_CURSOR + (mouse ? MOUSE_OFF : '') + LEAVE_ALTERNATE_SCREEN);
  };
  const enter = () => {
    write(ENTER_ALTERNATE_SCREEN + HIDE_CURSOR + (mouse ? MOUSE_ON : ''));
    setRaw(true);
  };
  const resumed = () => {
    // The size may have changed while stopped (no SIGWINCH reaches a stopped job).
    (process.stdout as unknown as { _refreshSize?: () => void })._refreshSize?.();
    for (const listener of listeners) listener();
  };

  const onContinue = () => {
    if (!active) return;
    away = false;
    // Also after a SIGSTOP/SIGCONT from outside: the shell may have reset the modes meanwhile.
    enter();
    resumed();
  };
  const suspend = () => {
    if (!active || away) return;
    away = true;
    leave();
    // SIGSTOP, not SIGTSTP: a process group without a shell above it ignores SIGTSTP.
    process.kill(process.pid, 'SIGSTOP');
  };

  const restore = () => {
    if (!active) return;
    active = false;
    process.off('SIGTSTP', suspend);
    process.off('SIGCONT', onContinue);
    try {
      options.beforeRestore?.();
    } catch {
      // The state is best effort; the terminal must be restored whatever happens.
    }
    leave();
  };

  write(ENTER_ALTERNATE_SCREEN + (mouse ? MOUSE_ON : ''));
  process.on('exit', restore);
  onExit(() => {
    restore();
  });
  process.on('SIGTSTP', suspend);
  process.on('SIGCONT', onContinue);

  return {
    restore,
    suspend,
    runForeground(command, args) {
      if (!active) return { status: null, error: 'the terminal is closed' };
      leave();
      // Synchronous on purpose: while the command runs, nothing here reads the terminal.
      const { spawnSync } = load('node:child_process') as typeof import('node:child_process');
      const result = spawnSync(command, args, { stdio: 'inherit', shell: false });
      enter();
      resumed();
      const error = result.error as NodeJS.ErrnoException | undefined;
      return error ? { status: null, error: error.code ?? error.message } : { status: result.status };
    },
    onResume(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The full screen without suspend or foreground commands: returns the restore function. */
export function enterFullScreen(stdin: NodeJS.ReadStream, beforeRestore: () => void = () => undefined, stdoutFd = 1): () => void {
  return startTerminalSession(stdin, { beforeRestore, stdoutFd }).restore;
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
