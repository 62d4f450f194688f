// A frame of full-width lines as Ink 6.8 writes it to the terminal, without loading Ink: the
// first paint (firstPaint.ts) draws the list before the full-screen framework is ready, and Ink
// then draws the same frame over it, so the two must be the same bytes.
//
// Ink puts each line's characters in a grid with the style in force at each one, then writes
// every row again from that grid: at each character, only the SGR codes that change from the
// character before (ending the styles that stop, then starting the new ones, each code once);
// after the last character every style still in force is ended; trailing plain spaces are
// trimmed. Only SGR sequences and OSC 8 hyperlinks are styles; any other byte is a character.
// This module produces the same bytes in one pass over each line (tests compare it with Ink's
// output).

/** One style in force, in the shape Ink's styled characters carry (@alcalzone/ansi-tokenize's). */
export interface Code {
  type: 'ansi';
  /** The sequence that starts the style, e.g. ESC[1m. */
  code: string;
  /** The sequence that ends it, e.g. ESC[22m. */
  endCode: string;
}

const sgr = (n: number | string) => `\u001b[${n}m`;
const RESET = sgr(0);
const LINK_PREFIX = '\u001b]8;';
const LINK_END = `${LINK_PREFIX};\u0007`;

/** The SGR codes that start a style, by number, with the code that ends it (ansi-styles' table). */
const ENDS = new Map<number, number>([
  [0, 0], [1, 22], [2, 22], [3, 23], [4, 24], [53, 55], [7, 27], [8, 28], [9, 29],
  ...[30, 31, 32, 33, 34, 35, 36, 37, 90, 91, 92, 93, 94, 95, 96, 97].map((n): [number, number] => [n, 39]),
  ...[40, 41, 42, 43, 44, 45, 46, 47, 100, 101, 102, 103, 104, 105, 106, 107].map((n): [number, number] => [n, 49]),
]);
const END_CODES = new Set([...ENDS.values()].map(sgr));
const START_TO_END = new Map([...ENDS].map(([start, end]) => [sgr(start), sgr(end)]));
const INTENSITY = new Set([sgr(1), sgr(2)]);
/** Characters that continue the grapheme cluster before them (extending and spacing marks, joiners). */
const JOINS_PREVIOUS = /^[\p{Grapheme_Extend}\p{Mc}\u200d]+/u;

export function endOf(code: string): string {
  if (END_CODES.has(code)) return code;
  const end = START_TO_END.get(code);
  if (end !== undefined) return end;
  if (code.startsWith(LINK_PREFIX)) return LINK_END;
  const body = code.slice(2);
  if (body.startsWith('38')) return sgr(39);
  if (body.startsWith('48')) return sgr(49);
  const n = ENDS.get(Number.parseInt(body, 10));
  return n === undefined ? RESET : sgr(n);
}

/** Codes seen so far, one object each (links are many and not kept). */
const CODES = new Map<string, Code>();
const MAX_CODES = 512;

/** The style a single sequence starts or ends (ESC[1m, ESC]8;;url BEL). */
export function codeOf(code: string): Code {
  const known = CODES.get(code);
  if (known) return known;
  const made: Code = Object.freeze({ type: 'ansi', code, endCode: endOf(code) });
  if (CODES.size < MAX_CODES && !code.startsWith(LINK_PREFIX)) CODES.set(code, made);
  return made;
}

/** `\e[1;38;5;12m` as its single codes; 256-colour and truecolour parameters stay together. */
export function splitSgr(sequence: string): string[] {
  if (!sequence.includes(';')) return [sequence];
  const parts = sequence.slice(2, -1).split(';');
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if ((part === '38' || part === '48') && parts[i + 1] === '5' && i + 2 < parts.length) {
      out.push(parts.slice(i, i + 3).join(';'));
      i += 2;
    } else if ((part === '38' || part === '48') && parts[i + 1] === '2' && i + 4 < parts.length) {
      out.push(parts.slice(i, i + 5).join(';'));
      i += 4;
    } else out.push(part);
  }
  return out.map(sgr);
}

/** The styles in force after `codes` applied to `current` (which holds only starting codes). */
export function apply(current: Code[], codes: readonly Code[]): Code[] {
  let out = current;
  for (const c of codes) {
    if (c.code === RESET) out = [];
    else if (END_CODES.has(c.code)) out = out.filter((x) => x.endCode !== c.code);
    else if (INTENSITY.has(c.code)) {
      if (!out.some((x) => x.code === c.code && x.endCode === c.endCode)) out = [...out, c];
    } else out = [...out.filter((x) => x.endCode !== c.endCode), c];
  }
  return out;
}

/** The codes that turn the styles `from` into `to`, each sequence once, in Ink's order. */
export function transition(from: readonly Code[], to: readonly Code[]): string {
  if (from === to) return '';
  const endsInTo = new Set(to.map((c) => c.endCode));
  const startsInTo = new Set(to.map((c) => c.code));
  const startsInFrom = new Set(from.map((c) => c.code));
  const stopped = apply([], from.filter((c) => (INTENSITY.has(c.code) ? !startsInTo.has(c.code) : !endsInTo.has(c.endCode))));
  const codes = new Set<string>();
  for (let i = stopped.length - 1; i >= 0; i--) codes.add(stopped[i]!.endCode);
  for (const c of to) if (!startsInFrom.has(c.code)) codes.add(c.code);
  return [...codes].join('');
}

/**
 * The style sequence starting at `at` (an ESC or a C1 CSI: SGR, or OSC 8), or undefined when
 * there is none there.
 */
export function styleAt(line: string, at: number): string | undefined {
  const next = line[at + 1];
  if (next === '[') {
    let i = at + 2;
    while (i < line.length && (line[i] === ';' || (line[i]! >= '0' && line[i]! <= '9'))) i++;
    return line[i] === 'm' ? line.slice(at, i + 1) : undefined;
  }
  if (next === ']' && line.startsWith(LINK_PREFIX.slice(1), at + 1)) {
    const params = line.indexOf(';', at + LINK_PREFIX.length);
    if (params === -1) return undefined;
    const end = line.indexOf('\u0007', params + 1);
    return end === -1 ? undefined : line.slice(at, end + 1);
  }
  return undefined;
}

/** One line (at most the frame's width) as Ink writes it. */
export function frameLine(line: string): string {
  let out = '';
  let styles: Code[] = [];
  let written: Code[] = [];
  let any = false;
  let i = 0;
  while (i < line.length) {
    const ch = line[i]!;
    if (ch === '\u001b' || ch === '\u009b') {
      const sequence = styleAt(line, i);
      if (sequence !== undefined) {
        const codes = sequence[1] === ']' ? [sequence] : splitSgr(sequence);
        styles = apply(styles, codes.map((code) => codeOf(code)));
        i += sequence.length;
        // Ink reads the line by grapheme clusters: marks that join the final `m` of an SGR
        // sequence into one cluster go with it.
        if (sequence.endsWith('m')) i += JOINS_PREVIOUS.exec(line.slice(i, i + 64))?.[0].length ?? 0;
        continue;
      }
    }
    // A run of characters in one style.
    let j = i + 1;
    while (j < line.length && line[j] !== '\u001b' && line[j] !== '\u009b') j++;
    out += transition(any ? written : [], styles) + line.slice(i, j);
    written = styles;
    any = true;
    i = j;
  }
  if (any) out += transition(written, []);
  return out.trimEnd();
}

/** The frame Ink writes for these lines (each one row, none wider than the terminal). */
export function frameText(lines: readonly string[]): string {
  return lines.map(frameLine).join('\n');
}
