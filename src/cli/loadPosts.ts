import { join } from 'node:path';
import { readIndex, readPostSource, postPath, IndexError } from '../content/postIndexFile.js';
import { postBody } from '../content/frontMatterFences.js';
import type { PostSource } from '../tui/postSource.js';
import { bundledPostsDir } from './bundledPosts.js';
import { CliError } from './errors.js';

export const BLOG_NAME = 'blog-tui';

/** The bundled posts: the index is read now, each post's Markdown when it is opened. */
export function loadBundledPosts(dir = bundledPostsDir()): PostSource {
  try {
    const index = readIndex(join(dir, 'index.json'));
    return {
      id: 'bundled',
      name: BLOG_NAME,
      posts: index.posts.filter((p) => !p.draft),
      readBody: (entry) => postBody(readPostSource(dir, entry)),
      filePath: (entry) => postPath(dir, entry),
    };
  } catch (error) {
    if (error instanceof IndexError) throw new CliError(error.message);
    throw error;
  }
}
