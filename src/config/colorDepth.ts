// The colour depth of the terminal, from the environment: decided once, passed on as a number.

/** 0: no colour, 1: the 16 ANSI colours, 2: xterm's 256, 3: truecolour. */
export type ColorDepth = 0 | 1 | 2 | 3;

export interface DepthChoice {
  depth: ColorDepth;
  /** What decided it, for `blog-tui config`: "COLORTERM=truecolor", "TERM=xterm-256color". */
  reason: string;
}

const FORCE_DEPTH: Record<string, ColorDepth> = { '': 1, '1': 1, true: 1, '2': 2, '3': 3 };

/**
 * The colours a stream can show. NO_COLOR turns colour off; FORCE_COLOR=0..3 sets the depth
 * (1 or "true" means at least 16 colours); else a stream that is not a terminal gets none,
 * TERM=dumb none, COLORTERM=truecolor or 24bit (or a TERM ending in -direct) truecolour, a TERM
 * with 256 in it 256, and any other terminal `detected` (chalk's level), at least 16. No colour
 * library is loaded here, so commands that print no colour do not load one.
 */
export function colorDepth(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv, detected: number): DepthChoice {
  if (env.NO_COLOR) return { depth: 0, reason: 'NO_COLOR is set' };
  const term = env.TERM ?? '';
  const colorterm = (env.COLORTERM ?? '').toLowerCase();
  const sniffed = (): DepthChoice => {
    if (colorterm === 'truecolor' || colorterm === '24bit') return { depth: 3, reason: `COLORTERM=${colorterm}` };
    if (/-direct$/.test(term)) return { depth: 3, reason: `TERM=${term}` };
    if (/256/.test(term)) return { depth: 2, reason: `TERM=${term}` };
    return detected >= 1 && detected <= 3 ? { depth: detected as ColorDepth, reason: 'detected' } : { depth: 1, reason: term ? `TERM=${term}` : 'a terminal' };
  };
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '0' || force === 'false') return { depth: 0, reason: `FORCE_COLOR=${force}` };
    const depth = FORCE_DEPTH[force] ?? 1;
    if (depth >= 2) return { depth, reason: `FORCE_COLOR=${force}` };
    const found = stream.isTTY === true && term !== 'dumb' ? sniffed() : { depth: 1 as ColorDepth, reason: '' };
    return found.depth > 1 ? found : { depth: 1, reason: `FORCE_COLOR=${force}` };
  }
  if (stream.isTTY !== true) return { depth: 0, reason: 'not a terminal' };
  if (term === 'dumb') return { depth: 0, reason: 'TERM=dumb' };
  return sniffed();
}
