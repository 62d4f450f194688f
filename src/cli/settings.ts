import type { ConfigSchema } from '../config/configFile.js';
import { loadSettings, STYLE_NAMES, type GivenSettings, type Settings } from '../config/settings.js';
import { SORT_ORDERS } from '../content/sortOrders.js';
import { keyActions, parseKeyName } from '../tui/keymap.js';
import { STANDARD_ERROR } from './indexReport.js';

/** What the config file may say, from the layers that own each thing. */
export const CONFIG_SCHEMA: ConfigSchema = {
  styles: STYLE_NAMES,
  sortOrders: SORT_ORDERS,
  keyActions: keyActions(),
  parseKey: parseKeyName,
  width: { min: 20, max: 1000 },
};

/** The settings in force for this run; the config file's mistakes are written to `stderr`, one line each. */
export async function settingsFor(given: GivenSettings, stderr: { write(text: string): unknown } = STANDARD_ERROR, env: NodeJS.ProcessEnv = process.env): Promise<Settings> {
  const settings = await loadSettings(CONFIG_SCHEMA, given, env);
  for (const problem of settings.problems) stderr.write(`blog-tui: ${problem}\n`);
  return settings;
}
