import { KEYMAP, keyLabel, type KeyAction, type Keymap, type Scope } from './keymap.js';

/** "↑↓ move · Enter open": footer hints read from the keymap, so they match the keys. */
export function footerHints(scope: Scope, items: Array<[KeyAction[], string]>, keymap: Keymap = KEYMAP): string {
  return items
    .map(([actions, label]) => {
      const keys = actions.map((a) => keymap[scope].find((b) => b.action === a)?.keys[0]).filter(Boolean) as string[];
      const labels = keys.map(keyLabel);
      return `${labels.join(labels.every((l) => [...l].length === 1) ? '' : '/')} ${label}`;
    })
    .join(' · ');
}
