import type { ResourceLimits } from 'node:worker_threads';

/**
 * The heap limits of the app's worker threads (layout, folder check, feed sync). Each thread has its own
 * V8 heap; a young generation of V8's default size (up to 48 MB) in each of them added tens of
 * megabytes to the app's resident memory for work that never needs it. Old-generation space is
 * left unlimited: a large post or folder must not run a thread out of memory.
 */
export const WORKER_LIMITS: ResourceLimits = { maxYoungGenerationSizeMb: 6 };

/**
 * The folder check's: a walk of every file of a folder, whose garbage (a stat of each file) dies
 * at once. With the young generation of the other workers its peak was 2.5 MB higher, with
 * nothing faster: it runs beside the list, the layout thread and Ink, when the app's memory is
 * at its highest.
 */
export const FOLDER_CHECK_LIMITS: ResourceLimits = { maxYoungGenerationSizeMb: 2 };
