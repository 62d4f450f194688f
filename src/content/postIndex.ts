import { entryFromSource, entryWith } from './postEntry.js';
import { loadSite, type Site } from './generators/registry.js';
import { siteOptions } from './siteOptions.js';

export { siteOptions } from './siteOptions.js';
import { writeFileAtomicSync } from '../state/atomicFile.js';
import { escapeJsonText } from './sanitize.js';
import type { PostIndex } from './postIndexFile.js';
import { buildIndexWith, type BuildOptions, type BuiltIndex } from './indexBuild.js';

export { buildIndexWith, fileMark, unchanged, MAX_POST_BYTES, type BuildOptions, type BuiltIndex, type FileRecord, type IndexProblem, type ParsePost } from './indexBuild.js';

export { INDEX_VERSION, IndexError, isEntry, parseIndex, postPath, readIndex, readPostSource, type PostIndex } from './postIndexFile.js';
export { comparePosts } from './postOrder.js';

/** Builds the index of a folder of Markdown posts; see buildIndexWith. */
export function buildIndex(dir: string, options: BuildOptions = {}): BuiltIndex {
  return buildIndexWith(entryFromSource, dir, options);
}

/** Builds the index of a site's folder with its generator's rules (the plain folder's when none applies). */
export async function buildSiteIndex(dir: string, options: BuildOptions = {}): Promise<BuiltIndex & { site: Site }> {
  const site = await loadSite(dir);
  const built = buildIndexWith((source, file) => entryWith(site, source, file), dir, { ...siteOptions(site), ...options });
  return { ...built, site };
}

export function serializeIndex(index: PostIndex): string {
  return escapeJsonText(JSON.stringify(index, null, 2)) + '\n';
}

/** Writes atomically: a temporary file in the same folder, then a rename. */
export function writeIndex(path: string, index: PostIndex): void {
  writeFileAtomicSync(path, serializeIndex(index), 0o666);
}
