/**
 * The one interface every site generator answers (src/content/generators/registry.ts lists
 * them). A generator recognises its site root from the folder's files alone, then `load`s the
 * site's configuration into a Site, which knows which files are posts, what each post's title,
 * date, tags, summary, state and URL path are, how its body is prepared before Markdown, and
 * how the site counts reading time. Nothing here imports Markdown, YAML or TOML parsers:
 * `load` imports what it needs, so that a warm start of a plain folder loads none.
 */

/** What a generator needs to know about a folder to say whether it is its site root. */
export interface FolderProbe {
  /** Absolute path of the folder. */
  root: string;
  /** Whether a file exists at this path relative to the root. */
  isFile(relative: string): boolean;
  /** Whether a folder exists at this path relative to the root. */
  isFolder(relative: string): boolean;
  /** The names in a folder relative to the root (none when it cannot be read). */
  list(relative: string): string[];
  /** The text of a small file (a config file), or undefined; at most 1 MB is read. */
  read(relative: string): string | undefined;
}

/** Helpers a post's facts may use, passed in so that generator modules load no parser. */
export interface PostText {
  /** The front matter, keys in lower case (the first spelling wins). */
  data: Record<string, unknown>;
  /** The body as prepared by the site (generator syntax evaluated), before Markdown. */
  body: string;
  /** The body as written, before preparation (for summary dividers the preparation removes). */
  source: string;
  /** Path relative to the folder, with `/`. */
  file: string;
  /**
   * The body's Markdown rendered to plain text (tags removed, whitespace collapsed); with
   * `withoutHtml`, raw HTML blocks are left out as a whole (Hugo's default, unsafe = false).
   */
  plain(markdown: string, withoutHtml?: boolean): string;
  /** The text of the first paragraph of the body, or ''. */
  firstParagraph(): string;
  /** The first `#` heading of the body, as plain text. */
  firstHeading(): string | undefined;
  /** Hugo's word count of the prepared body. */
  hugoWords(): number;
}

/** A post as its generator sees it; the index entry (content/postEntry.ts) is these and its file. */
export interface PostFacts {
  /** The post's URL path as the site publishes it (`/posts/cors/`), starting with `/`: its identity, unique in an index. */
  url: string;
  /** The post's short name: its slug field, else its last URL segment or file name. Not unique. */
  slug: string;
  title: string;
  /** ISO 8601 as written (or converted to the site's time zone): YYYY-MM-DD, or a date and time; undefined: no date. */
  date?: string;
  tags: string[];
  summary: string;
  words: number;
  readingMinutes: number;
  draft?: boolean;
  /** Never listed by the site (Hugo's headless bundles and `build: {list: never}`). */
  unlisted?: boolean;
  /** When the post becomes visible, when later than `date` or without one (Hugo's publishDate). */
  publishDate?: string;
  /** When the post stops being visible (Hugo's expiryDate). */
  expiryDate?: string;
  /** Hugo's linkTitle: orders posts of the same date. */
  linkTitle?: string;
  authors?: string[];
}

export interface Site {
  /** The generator's name, for messages: 'Hugo', 'Jekyll', … */
  generator: string;
  /** The site's configured title, if any. */
  title?: string;
  /** The subfolders holding posts (relative to the root); the whole folder when absent. */
  only?: string[];
  /**
   * Changes whenever the configuration does, so that cached entries computed under another
   * configuration are not reused.
   */
  fingerprint: string;
  /** Whether a Markdown file found by the walk is a post (not a README, a doc, a layout). */
  isPost(file: string): boolean;
  /** Whether future-dated posts are hidden unless `--future` (Hugo's buildFuture, Jekyll's future). */
  hidesFuture: boolean;
  /** Front matter only at the very start of a file (Jekyll); else also after blank lines (Hugo). */
  frontMatterAtStart?: boolean;
  /**
   * The body as the reader and the word count see it: generator syntax turned into Markdown.
   * `frontMatter` is the post's front matter as written (keys as spelled), for templates that
   * read it (Jekyll's `page`).
   */
  prepareBody(body: string, file: string, frontMatter?: Record<string, unknown>): string;
  /** Present when prepareBody reads the front matter: reads it from a post's whole file text. */
  frontMatterOf?(source: string): Record<string, unknown>;
  /** Told every post's file and URL path once the index is built (Jekyll's post_url needs them). */
  knowPosts?(posts: ReadonlyArray<{ file: string; url: string }>): void;
  /** The post's facts from its front matter, prepared body and file path. */
  facts(post: PostText): PostFacts;
}

export interface SiteGenerator {
  name: string;
  /** Whether the folder is this generator's site root, from its files alone (no parsing). */
  detect(probe: FolderProbe): boolean;
  /** Reads the site's configuration. Throws with a one-line reason when it cannot be used. */
  load(probe: FolderProbe): Promise<Site>;
}
