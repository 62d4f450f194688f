import { statSync } from 'node:fs';

/** Standard input, as `read -` names it. */
export const STDIN = '-';

/**
 * Whether a `read` argument (or the program's first argument) names a Markdown file rather
 * than a slug: `-`, a path that is a file, or a name ending in .md or .markdown. Kept apart from
 * filePost.ts so that `read SLUG` does not load the post parser to ask.
 */
export function isFileArgument(argument: string): boolean {
  if (argument === STDIN) return true;
  if (/\.(md|markdown)$/i.test(argument)) return true;
  try {
    return statSync(argument).isFile();
  } catch {
    return false;
  }
}
