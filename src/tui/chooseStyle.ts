// The style and depth the app draws with, settled before the first frame.
import { styleForBackground, styleFromEnvironment, type Depth, type Look, type StyleSetting } from '../render/style.js';
import { queryBackground } from './terminalBackground.js';

export interface Chosen {
  look: Look;
  /** How "auto" was settled, for the record: the terminal's answer, COLORFGBG or the default. */
  why: string;
  /** The terminal's answer may still arrive: the app's input must drop it. */
  late: boolean;
}

/**
 * The look of the full-screen app. Without colour (NO_COLOR) it is the plain style: bold,
 * underline and reverse video still show. "auto" asks the terminal for its background colour
 * (OSC 11), else reads COLORFGBG, else takes dark.
 */
export async function chooseStyle(setting: StyleSetting, depth: Depth, io: { stdin: NodeJS.ReadStream; stdout: NodeJS.WriteStream; env?: NodeJS.ProcessEnv; timeoutMs?: number }): Promise<Chosen> {
  if (depth === 0 || setting === 'plain') return { look: { style: 'plain', depth: Math.max(1, depth) as Depth }, why: depth === 0 ? 'no colour' : 'set', late: false };
  if (setting !== 'auto') return { look: { style: setting, depth }, why: 'set', late: false };
  const answer = await queryBackground(io.stdin, io.stdout, io.timeoutMs);
  if (answer.rgb) return { look: { style: styleForBackground(answer.rgb), depth }, why: 'the terminal\'s background', late: false };
  const { style, why } = styleFromEnvironment(setting, io.env);
  return { look: { style, depth }, why, late: answer.late };
}
