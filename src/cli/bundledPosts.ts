import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The posts folder shipped in the package: next to dist/ when built, next to src/ in a checkout. */
export function bundledPostsDir(): string {
  const here = fileURLToPath(new URL('.', import.meta.url));
  const candidates = [join(here, '..', 'posts'), join(here, '..', '..', 'posts')];
  return candidates.find((dir) => existsSync(join(dir, 'index.json'))) ?? candidates[0]!;
}
