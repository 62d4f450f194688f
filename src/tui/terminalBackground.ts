// Asking the terminal for its background colour (OSC 11), for the "auto" style. The question is
// followed by a request every terminal answers (primary device attributes, DA1), so a terminal
// that does not know OSC 11 is recognised at once instead of after the timeout. Answers that
// come after the timeout are taken out of the input the app reads, never seen as keys.
import type { Rgb } from '../render/contrast.js';

const ASK = '\u001b]11;?\u001b\\' + '\u001b[c';
/** An OSC 11 answer: ESC ] 11 ; rgb:R/G/B, each 1 to 4 hex digits, ended by BEL or ST. */
const OSC11_ANSWER = /\u001b\]11;rgb:([0-9a-f]{1,4})\/([0-9a-f]{1,4})\/([0-9a-f]{1,4})[^\u0007\u001b]{0,32}(?:\u0007|\u001b\\)/i;
const DA1_ANSWER = /\u001b\[\?[0-9;]{0,64}c/;
/** Any answer, complete, to take out of the input. */
const ANSWERS = /\u001b\]11;[^\u0007\u001b]{0,64}(?:\u0007|\u001b\\)|\u001b\[\?[0-9;]{0,64}c/g;
/** The start of an answer cut off at the end of a chunk. */
const PARTIAL_ANSWER = /\u001b(?:\](?:1(?:1(?:;[^\u0007\u001b]{0,64})?)?)?|\[(?:\?[0-9;]{0,64})?)?$/;

/** The colour in an OSC 11 answer, as 8-bit RGB. */
export function parseBackgroundAnswer(text: string): Rgb | undefined {
  const m = OSC11_ANSWER.exec(text);
  if (!m) return undefined;
  const channel = (hex: string) => Math.round((Number.parseInt(hex, 16) / (16 ** hex.length - 1)) * 255);
  return [channel(m[1]!), channel(m[2]!), channel(m[3]!)];
}

export interface Query {
  /** The background's colour, or undefined when the terminal did not say in time. */
  rgb: Rgb | undefined;
  /** True when the answers did not come in time and may still arrive. */
  late: boolean;
}

/**
 * Asks the terminal on `output` for its background colour and waits at most `timeoutMs` for the
 * answer on `input`, in raw mode. Keys typed meanwhile are put back for the app to read. The
 * terminal stays in raw mode for the app that starts next: going back to cooked mode in between
 * would echo the keys typed then (Node restores the terminal's mode when the process exits).
 */
export function queryBackground(input: NodeJS.ReadStream, output: NodeJS.WriteStream, timeoutMs = 100): Promise<Query> {
  if (!input.isTTY || !output.isTTY) return Promise.resolve({ rgb: undefined, late: false });
  return new Promise((resolve) => {
    let received = '';
    const finish = (late: boolean) => {
      clearTimeout(timer);
      input.off('data', onData);
      input.pause();
      const rgb = parseBackgroundAnswer(received);
      // Whatever else came (keys typed during the wait) is put back for the app.
      const rest = received.replace(ANSWERS, '').replace(PARTIAL_ANSWER, '');
      if (rest) input.unshift(Buffer.from(rest, 'latin1'));
      resolve({ rgb, late });
    };
    const onData = (chunk: Buffer) => {
      received += chunk.toString('latin1');
      if (DA1_ANSWER.test(received)) finish(false);
    };
    const timer = setTimeout(() => finish(true), timeoutMs);
    try {
      input.setRawMode(true);
      input.on('data', onData);
      input.resume();
      output.write(ASK);
    } catch {
      finish(false);
    }
  });
}

/**
 * The input the app reads, without the answers to the question that arrive late: `read()` (how
 * Ink takes input) drops them, and holds back the start of one cut off at the end of a chunk
 * until the rest comes. Once the DA1 answer has passed, input flows through untouched.
 */
export function withoutLateAnswers(input: NodeJS.ReadStream): NodeJS.ReadStream {
  let waiting = true;
  let carry = '';
  const read = (size?: number): string | Buffer | null => {
    const chunk = input.read(size) as string | Buffer | null;
    if (!waiting || chunk === null) return chunk;
    const text = carry + (typeof chunk === 'string' ? chunk : chunk.toString('utf8'));
    carry = '';
    if (DA1_ANSWER.test(text)) waiting = false;
    let kept = text.replace(ANSWERS, '');
    const partial = waiting ? PARTIAL_ANSWER.exec(kept) : null;
    // A lone ESC is the Escape key, not the start of an answer.
    if (partial && partial[0].length > 1) {
      carry = partial[0];
      kept = kept.slice(0, partial.index);
    }
    // An empty string would reach the app as an empty key: read on instead.
    return kept === '' ? read(size) : kept;
  };
  return new Proxy(input, {
    get(target, property) {
      if (property === 'read') return read;
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
