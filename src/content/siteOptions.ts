import type { BuildOptions } from './indexBuild.js';
import type { Site } from './generators/types.js';

/** The build options that apply a site's rules: where its posts are, which files are posts, what it hides. */
export function siteOptions(site: Site): Pick<BuildOptions, 'only' | 'isPost' | 'hidesFuture'> {
  return { ...(site.only ? { only: site.only } : {}), isPost: site.isPost, hidesFuture: site.hidesFuture };
}
