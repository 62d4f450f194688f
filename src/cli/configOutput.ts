// `blog-tui config`: the settings in force and where each one comes from; `--init` writes a
// commented config file.
import stringWidth from 'string-width';
import { defaultConfigText, writeNewConfig } from '../config/initConfig.js';
import { configFilePath } from '../config/paths.js';
import { STYLE_NAMES, type GivenSettings, type Setting, type Settings } from '../config/settings.js';
import { cacheDir } from '../content/cacheFiles.js';
import { sanitizeLine } from '../content/sanitize.js';
import { SORT_ORDERS } from '../content/sortOrders.js';
import { stateFilePath } from '../state/readingStore.js';
import { keyLabel, keymapOutline } from '../tui/keymap.js';
import { CliError } from './errors.js';
import { colorDepth, type DepthChoice } from '../config/colorDepth.js';
import { styleFromEnvironment, type StyleSetting } from '../render/style.js';
import { settingsFor } from './settings.js';

const SOURCE_NAMES = { default: 'default', config: 'config file', environment: 'environment', option: 'option' } as const;

function origin(setting: Setting<unknown>): string {
  return SOURCE_NAMES[setting.source] + (setting.where ? ` (${setting.where})` : '');
}

/** Rows of two or three columns, aligned. */
function columns(rows: string[][]): string[] {
  const widths = [0, 1].map((c) => Math.max(...rows.map((r) => (r.length > c + 1 ? stringWidth(r[c]!) : 0))));
  return rows.map((r) => '  ' + r.map((cell, c) => (c < r.length - 1 ? cell + ' '.repeat(widths[c]! - stringWidth(cell)) : cell)).join('   ').trimEnd());
}

const DEPTH_NAMES = ['no colour', '16 colours', '256 colours', 'truecolour'] as const;

/** The report of `blog-tui config`, as lines; `depth` is the colour depth of standard output. */
export function settingsReport(settings: Settings, env: NodeJS.ProcessEnv = process.env, depth: DepthChoice = { depth: 0, reason: 'not a terminal' }): string[] {
  const show = (value: unknown) => sanitizeLine(value === undefined ? '(the bundled posts)' : String(value));
  const rows: string[][] = [
    ['style', show(settings.style.value), origin(settings.style)],
    ['width', show(settings.width.value), origin(settings.width)],
    ['mouse', show(settings.mouse.value), origin(settings.mouse)],
    ['posts', show(settings.posts.value), origin(settings.posts)],
    ['sort', show(settings.sort.value), origin(settings.sort)],
  ];
  const keyRows = settings.keys.map((k) => [`${k.scope}.${k.action}`, k.keys.map(keyLabel).join(' '), `config file (line ${k.line})`]);
  const config = settings.config.found ? settings.config.path : `${settings.config.path} (none; blog-tui config --init writes one)`;
  return [
    'Settings (an option beats the environment, which beats the config file, which beats the default)',
    ...columns(rows),
    '',
    keyRows.length ? 'Keys changed by the config file (blog-tui --help and ? in the app list them all)' : 'Keys: the defaults (? in the app lists them)',
    ...(keyRows.length ? columns(keyRows) : []),
    '',
    'Colours',
    ...columns([
      ['depth', `${DEPTH_NAMES[depth.depth]} (${depth.reason})`],
      ['style', styleLine(settings.style.value as StyleSetting, env)],
    ]),
    '',
    'Files',
    ...columns([
      ['config', sanitizeLine(config)],
      ['state', sanitizeLine(stateFilePath(env))],
      ['cache', sanitizeLine(cacheDir(env))],
    ]),
  ];
}

/** What "auto" comes to: the app asks the terminal first; piped text cannot. */
function styleLine(setting: StyleSetting, env: NodeJS.ProcessEnv): string {
  if (setting !== 'auto') return setting;
  const { style, why } = styleFromEnvironment(setting, env);
  return `auto: the app asks the terminal for its background colour; else ${style} (${why})`;
}

export async function runConfig(init: boolean, given: GivenSettings, write: (text: string) => Promise<void>, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  if (init) {
    const result = writeNewConfig(configFilePath(env), defaultConfigText(keymapOutline(), STYLE_NAMES, SORT_ORDERS));
    if ('refused' in result) throw new CliError(`config --init: ${result.refused}`);
    await write(`Wrote ${sanitizeLine(result.written)}: every setting at its default, commented out.\n`);
    return 0;
  }
  const settings = await settingsFor(given, process.stderr, env);
  const { terminalLevel } = await import('../render/painters.js');
  const depth = colorDepth(process.stdout, env, terminalLevel());
  await write(settingsReport(settings, env, depth).join('\n') + '\n');
  // Mistakes in the file were listed on stderr; the status says there were some.
  return settings.problems.length > 0 ? 1 : 0;
}
