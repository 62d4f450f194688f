import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parseBackgroundAnswer, queryBackground, withoutLateAnswers } from '../../src/tui/terminalBackground.js';
import { chooseStyle } from '../../src/tui/chooseStyle.js';
import { styleForBackground, styleFromColorFgBg } from '../../src/render/style.js';

const OSC11_WHITE = '\u001b]11;rgb:ffff/ffff/ffff\u001b\\';
const OSC11_DARK = '\u001b]11;rgb:1e1e/1e1e/1e1e\u0007';
const DA1 = '\u001b[?62;22c';

/** A terminal on two streams: `answer` is what it sends back when asked, `null` for nothing. */
function terminal(answer: string | null) {
  const stdin = Object.assign(new PassThrough(), { isTTY: true, isRaw: false, setRawMode(on: boolean) { stdin.isRaw = on; return stdin; } });
  const written: string[] = [];
  const stdout = Object.assign(new PassThrough(), { isTTY: true });
  stdout.write = ((chunk: string) => {
    written.push(chunk);
    if (answer !== null) setImmediate(() => stdin.write(answer));
    return true;
  }) as typeof stdout.write;
  return { stdin: stdin as unknown as NodeJS.ReadStream & { isRaw: boolean }, stdout: stdout as unknown as NodeJS.WriteStream, written };
}

describe('the terminal\'s background colour', () => {
  it('reads OSC 11 answers of 1 to 4 hex digits, ended by ST or BEL', () => {
    expect(parseBackgroundAnswer(OSC11_WHITE)).toEqual([255, 255, 255]);
    expect(parseBackgroundAnswer(OSC11_DARK)).toEqual([30, 30, 30]);
    expect(parseBackgroundAnswer('\u001b]11;rgb:f/8/0\u0007')).toEqual([255, 136, 0]);
    expect(parseBackgroundAnswer('\u001b]11;rgb:zz/00/00\u0007')).toBeUndefined();
  });

  it('asks with OSC 11 and DA1, and takes the answer before the DA1 answer', async () => {
    const t = terminal(OSC11_WHITE + DA1);
    const answer = await queryBackground(t.stdin, t.stdout, 5000);
    expect(t.written).toEqual(['\u001b]11;?\u001b\\\u001b[c']);
    expect(answer).toEqual({ rgb: [255, 255, 255], late: false });
    // Left in raw mode for the app, so keys typed next are not echoed.
    expect(t.stdin.isRaw).toBe(true);
  });

  it('stops at once when the terminal answers DA1 only, and keeps keys typed meanwhile', async () => {
    const t = terminal('j' + DA1 + 'k');
    const started = Date.now();
    const answer = await queryBackground(t.stdin, t.stdout, 5000);
    expect(Date.now() - started).toBeLessThan(4000);
    expect(answer).toEqual({ rgb: undefined, late: false });
    expect(String(t.stdin.read())).toBe('jk');
  });

  it('gives up after the timeout when nothing answers, and drops the late answers from the input', async () => {
    const t = terminal(null);
    expect(await queryBackground(t.stdin, t.stdout, 20)).toEqual({ rgb: undefined, late: true });
    const input = withoutLateAnswers(t.stdin);
    t.stdin.setEncoding('utf8');
    // The late answer cut in two, keys around it.
    t.stdin.write('a\u001b]11;rgb:ff');
    await new Promise((r) => setImmediate(r));
    expect(input.read()).toBe('a');
    t.stdin.write('ff/ffff/ffff\u001b\\' + DA1 + 'b');
    await new Promise((r) => setImmediate(r));
    expect(input.read()).toBe('b');
    // Once the DA1 answer has passed, an Escape key goes through untouched.
    t.stdin.write('\u001b');
    await new Promise((r) => setImmediate(r));
    expect(input.read()).toBe('\u001b');
  });

  it('decides light or dark: by the answer, else COLORFGBG, else dark', async () => {
    expect(styleForBackground([255, 255, 255])).toBe('light');
    expect(styleForBackground([0x28, 0x2c, 0x34])).toBe('dark');
    expect(styleFromColorFgBg('0;15')).toBe('light');
    expect(styleFromColorFgBg('15;default;0')).toBe('dark');
    expect(styleFromColorFgBg('15;default')).toBeUndefined();
    const io = (answer: string | null, env: NodeJS.ProcessEnv = {}) => ({ ...terminal(answer), env, timeoutMs: 20 });
    expect((await chooseStyle('auto', 3, io(OSC11_WHITE + DA1))).look).toEqual({ style: 'light', depth: 3 });
    expect((await chooseStyle('auto', 2, io(DA1, { COLORFGBG: '0;15' }))).look).toEqual({ style: 'light', depth: 2 });
    expect((await chooseStyle('auto', 1, io(null))).look).toEqual({ style: 'dark', depth: 1 });
    expect((await chooseStyle('light', 0, io(null))).look).toEqual({ style: 'plain', depth: 1 });
  });
});
