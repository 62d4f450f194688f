import type { PostEntry } from './postEntry.js';

/**
 * The keys reading state was saved under before posts were known by their URL paths: the slug
 * (`slug`, else the file name), made unique by `-2`, `-3`… in list order. Returns, for each
 * post, the key its state may be found under.
 */
export function formerKeys(posts: readonly PostEntry[]): Array<{ from: string; to: string }> {
  const seen = new Set<string>();
  const out: Array<{ from: string; to: string }> = [];
  for (const post of posts) {
    const base = post.formerSlug ?? post.slug;
    let key = base;
    if (seen.has(key)) {
      let n = 2;
      while (seen.has(`${base}-${n}`)) n++;
      key = `${base}-${n}`;
    }
    seen.add(key);
    out.push({ from: key, to: post.url });
  }
  return out;
}
