import { closeSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { astroNext } from './astro.js';
import { docusaurus } from './docusaurus.js';
import { hugo } from './hugo.js';
import { jekyll } from './jekyll.js';
import { plain } from './plain.js';
import { zola } from './zola.js';
import type { FolderProbe, Site, SiteGenerator } from './types.js';

export type { Site, SiteGenerator } from './types.js';

/**
 * Every site generator blog-tui knows, in the order they are asked whether a folder is their
 * site root; the plain folder, which takes any folder, comes last. A new generator is one file
 * in this folder and one line here.
 */
export const GENERATORS: readonly SiteGenerator[] = [zola, hugo, jekyll, docusaurus, astroNext, plain];

const MAX_CONFIG_BYTES = 1024 * 1024;

/** Looks at a folder's files for the generators, caching what it read. */
export function probeFolder(root: string): FolderProbe {
  const texts = new Map<string, string | undefined>();
  const stat = (relative: string) => {
    try {
      return statSync(join(root, relative));
    } catch {
      return undefined;
    }
  };
  return {
    root,
    isFile: (relative) => stat(relative)?.isFile() === true,
    isFolder: (relative) => stat(relative)?.isDirectory() === true,
    list(relative) {
      try {
        return readdirSync(join(root, relative)).sort();
      } catch {
        return [];
      }
    },
    read(relative) {
      if (texts.has(relative)) return texts.get(relative);
      let value: string | undefined;
      try {
        const fd = openSync(join(root, relative), 'r');
        try {
          const buffer = Buffer.alloc(Math.min(MAX_CONFIG_BYTES, statSync(join(root, relative)).size));
          const n = readSync(fd, buffer, 0, buffer.length, 0);
          value = buffer.subarray(0, n).toString('utf8');
        } finally {
          closeSync(fd);
        }
      } catch {
        value = undefined;
      }
      texts.set(relative, value);
      return value;
    },
  };
}

/** The generator whose site root the folder is (the plain folder when none is). */
export function detectGenerator(root: string): SiteGenerator {
  const probe = probeFolder(root);
  return GENERATORS.find((g) => g.detect(probe)) ?? plain;
}

/** The site a folder is: its generator's reading of its configuration. */
export async function loadSite(root: string): Promise<Site> {
  const probe = probeFolder(root);
  const generator = GENERATORS.find((g) => g.detect(probe)) ?? plain;
  return generator.load(probe);
}
