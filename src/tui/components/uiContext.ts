import { createContext, useContext } from 'react';
import { KEYMAP, type Keymap } from '../keymap.js';
import { PLAIN_ROLES, type Roles } from '../../render/style.js';

/** What every view reads from the settings in force: the keymap, and the roles it paints with. */
export interface Ui {
  keymap: Keymap;
  roles: Roles;
}

export const UiContext = createContext<Ui>({ keymap: KEYMAP, roles: PLAIN_ROLES });

export function useUi(): Ui {
  return useContext(UiContext);
}
