import type { Block, FootnoteDefinition } from './model.js';
import type { Roles } from './style.js';

/** A link of the post, as the link list offers it. */
export interface PostLink {
  text: string;
  href: string;
  /** In-page links and footnotes: the anchor they lead to. */
  target?: string;
  /** The line of `target` in the rendered post, when the post has it. */
  line?: number;
  /** What choosing it does: open the URL, or move the reader within the post. */
  kind: 'link' | 'jump' | 'note';
}

/** A place in a block's lines: an anchor, a heading. */
export interface Mark {
  line: number;
  anchor?: string;
  heading?: { level: number; text: string };
}

/** A block's rendered lines and the places in them. */
export interface Out {
  lines: string[];
  marks: Mark[];
}

/** What the whole post shares while it is rendered: its links, footnotes and heading ids. */
export class PostDocument {
  readonly links: PostLink[] = [];
  private readonly linkKeys = new Set<string>();
  readonly footnotes = new Map<string, FootnoteDefinition>();
  private readonly numbers = new Map<string, number>();
  private readonly ids = new Map<string, number>();
  private readonly linkNumbers = new Map<string, number>();

  /**
   * The number of a link's URL in the Links section of piped text, given in order of first
   * use. Numbers go on after the footnotes' (every footnote is numbered), so each number names
   * one entry of either the Notes or the Links section.
   */
  linkNumber(href: string): number {
    let n = this.linkNumbers.get(href);
    if (n === undefined) {
      n = this.footnotes.size + this.linkNumbers.size + 1;
      this.linkNumbers.set(href, n);
    }
    return n;
  }

  /** The numbered URLs, in number order. */
  numberedLinks(): Array<{ n: number; href: string }> {
    return [...this.linkNumbers].map(([href, n]) => ({ n, href }));
  }

  addLink(link: PostLink): void {
    const key = `${link.kind}\u0000${link.href}`;
    if (this.linkKeys.has(key)) return;
    this.linkKeys.add(key);
    this.links.push(link);
  }

  /** The number of a footnote, given in the order of first reference; undefined when it has no definition. */
  footnoteNumber(label: string): number | undefined {
    if (!this.footnotes.has(label)) return undefined;
    let n = this.numbers.get(label);
    if (n === undefined) {
      n = this.numbers.size + 1;
      this.numbers.set(label, n);
    }
    return n;
  }

  /** Footnotes in number order; those never referenced last. */
  numberedFootnotes(): Array<{ n: number; note: FootnoteDefinition }> {
    for (const label of this.footnotes.keys()) this.footnoteNumber(label);
    return [...this.numbers].map(([label, n]) => ({ n, note: this.footnotes.get(label)! }));
  }

  /** A heading's id as GitHub and Hugo generate it, made unique in the post. */
  headingId(text: string): string {
    const base = slugify(text);
    const seen = this.ids.get(base);
    this.ids.set(base, (seen ?? -1) + 1);
    return seen === undefined ? base : `${base}-${seen + 1}`;
  }
}

/** GitHub's heading ids: lower case, punctuation dropped, spaces to hyphens. */
export function slugify(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

export interface Context {
  width: number;
  roles: Roles;
  color: boolean;
  hyperlinks: boolean;
  doc: PostDocument;
  /** Piped text: a link's number follows its text (`text[4]`), and its URL is listed in a Links section at the end. */
  linkMarkers?: boolean;
  /** The post's own address (URL path or full URL): a link to it with a fragment is an in-page jump. */
  page?: string;
  /** Nesting of lists, for the bullet of each level. */
  listDepth: number;
  /** Inside a table cell or a heading: links show their text only, nothing is wrapped. */
  renderBlocks: (blocks: Block[], ctx: Context, tight?: boolean) => Out;
}

/** Lines of a child block placed under a prefix: the first line gets `first`, the others `rest`. */
export function indent(out: Out, first: string, rest: string, into: Out): void {
  const base = into.lines.length;
  out.lines.forEach((line, i) => into.lines.push((i === 0 ? first : rest) + line));
  for (const mark of out.marks) into.marks.push({ ...mark, line: mark.line + base });
}

export function append(out: Out, into: Out): void {
  indent(out, '', '', into);
}
