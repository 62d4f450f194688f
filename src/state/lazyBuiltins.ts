// Node modules loaded at their first use rather than at start-up: they cost a few milliseconds
// to load, and the paths to the first frame do not use them.
import { createRequire } from 'node:module';

const load = createRequire(import.meta.url);

/** node:crypto, for hashing long texts (sha256.ts does short ones without it). */
export const nodeCrypto = (): typeof import('node:crypto') => load('node:crypto') as typeof import('node:crypto');


/** node:child_process, for the commands run in the foreground (a browser that draws in the terminal). */
export const childProcess = (): typeof import('node:child_process') => load('node:child_process') as typeof import('node:child_process');
