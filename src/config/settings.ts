// The settings in force: each one from the command line, else the environment, else the
// config file, else its default, remembering which. Read by the cli and the full-screen app.
import { existsSync } from 'node:fs';
import type { ConfigRead, ConfigSchema, KeyOverride, SettingName, Subscription } from './configFile.js';
import { configFilePath } from './paths.js';

export type SettingSource = 'default' | 'config' | 'environment' | 'option';

export interface Setting<T> {
  value: T;
  source: SettingSource;
  /** Where exactly: the option, the variable, or the config file's line. */
  where?: string;
}

export interface Settings {
  style: Setting<string>;
  /** The widest the reader's text column gets. */
  width: Setting<number>;
  mouse: Setting<boolean>;
  /** The posts folder; undefined for the bundled posts. */
  posts: Setting<string | undefined>;
  sort: Setting<string>;
  /** Key bindings from the config file, replacing the keymap's for their actions. */
  keys: KeyOverride[];
  /** The blogs subscribed to (`[[feeds]]`). */
  feeds: Subscription[];
  config: { path: string; found: boolean };
  /** One line per mistake in the config file. */
  problems: string[];
}

/** The styles a user can choose; "auto" becomes dark or light by the terminal's background. */
export const STYLE_NAMES = ['auto', 'dark', 'light', 'plain'] as const;

export const DEFAULTS = { style: 'auto', width: 100, mouse: true, posts: undefined, sort: 'newest' } as const;

/** A value given on the command line or in the environment, and which it was. */
export interface Given<T> {
  value: T;
  source: 'option' | 'environment';
  where: string;
}

export type GivenSettings = Partial<{ [K in SettingName]: Given<Settings[K]['value']> }>;

/** Merges what was given, the config file and the defaults: options beat the config, the config beats defaults. */
export function resolveSettings(config: ConfigRead, given: GivenSettings): Settings {
  const values = config.values;
  const pick = <K extends SettingName>(name: K, fallback: Settings[K]['value']): Setting<Settings[K]['value']> => {
    const g = given[name];
    if (g !== undefined && g.value !== undefined) return { value: g.value, source: g.source, where: g.where };
    const fromFile = values[name] as Settings[K]['value'] | undefined;
    if (fromFile !== undefined) return { value: fromFile, source: 'config', where: `line ${values.lines[name] ?? 1}` };
    return { value: fallback, source: 'default' };
  };
  return {
    style: pick('style', DEFAULTS.style),
    width: pick('width', DEFAULTS.width),
    mouse: pick('mouse', DEFAULTS.mouse),
    posts: pick('posts', DEFAULTS.posts),
    sort: pick('sort', DEFAULTS.sort),
    keys: values.keys,
    feeds: values.feeds ?? [],
    config: { path: config.path, found: config.found },
    problems: config.problems,
  };
}

/**
 * Reads the config file (smol-toml and the checks load only when there is one) and resolves
 * the settings.
 */
export async function loadSettings(schema: ConfigSchema, given: GivenSettings, env: NodeJS.ProcessEnv = process.env): Promise<Settings> {
  const path = configFilePath(env);
  const named = Boolean(env.BLOG_TUI_CONFIG);
  let config: ConfigRead = { path, found: false, values: { keys: [], lines: {} }, problems: [] };
  if (named || existsSync(path)) {
    const { readConfig } = await import('./configFile.js');
    config = readConfig(path, schema, named, env);
  }
  return resolveSettings(config, given);
}
