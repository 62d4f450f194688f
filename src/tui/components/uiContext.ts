import { createContext, useContext } from 'react';
import { KEYMAP, type Keymap } from '../keymap.js';

/** What every view reads from the settings in force: the keymap. */
export interface Ui {
  keymap: Keymap;
}

export const UiContext = createContext<Ui>({ keymap: KEYMAP });

export function useUi(): Ui {
  return useContext(UiContext);
}
