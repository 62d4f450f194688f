import type { Token } from 'marked';
import { expandTabs, sanitizeText } from '../content/sanitize.js';
import { PLAIN_ROLES, type Look, type Roles } from './style.js';
import { limitNesting } from '../content/nestingLimit.js';
import { RIGID_MARK, fitLine } from './lineWrap.js';
import displayWidth from './displayWidth.js';
import { PostDocument, type Context, type Mark, type PostLink } from './document.js';
import { MarkdownReader, lex } from './markdownModel.js';
import { htmlPart, loadPart, paintedRoles, PartNeeded } from './optionalParts.js';
import { renderBlock, renderBlocks } from './blocks/index.js';
import { renderLinkList, renderNotes } from './blocks/notes.js';

export type { PostLink } from './document.js';
export { hyperlink } from './hyperlink.js';

export interface Heading {
  level: number;
  text: string;
  /** Index in `lines` of the heading's first line. */
  line: number;
}

/** A post rendered for one width: its lines, and where each top-level block starts. */
export interface RenderedPost {
  lines: string[];
  /** blockStarts[i] is the index in `lines` of the first line of the i-th block. */
  blockStarts: number[];
  /** The post's headings, in order (the Notes section's too). */
  headings: Heading[];
  /** Every distinct link of the post in order of first appearance: URLs, in-page jumps and footnotes. */
  links: PostLink[];
  /** Every place in-page links can lead to: heading ids (written and generated), HTML ids, footnotes. */
  anchors: Map<string, number>;
}

export interface RenderOptions {
  width: number;
  color: boolean;
  /** Make links clickable with OSC 8 (terminals that support it); http, https and mailto only. */
  hyperlinks?: boolean;
  /** The palette when `color` is true; else the palette of `look`; else the dark style at the terminal's depth. */
  roles?: Roles;
  /** The style and colour depth to draw with when `color` is true: plain values, for any thread. */
  look?: Look;
  /** Number each link after its text and list the URLs in a Links section at the end (piped text). */
  linkList?: boolean;
  /** The body is HTML (a feed's post), read by meaning as raw HTML in Markdown is. */
  html?: boolean;
  /** The post's own address (its URL path, or a feed post's URL): links to it with a fragment jump within the post. */
  page?: string;
}

/** Where an in-page link's target is: the id as written, else as a generated id would spell it. */
function resolve(anchors: Map<string, number>, target: string): number | undefined {
  return anchors.get(target) ?? anchors.get(target.toLowerCase());
}

/**
 * Renders a post's Markdown body to terminal lines no wider than `width` display columns.
 * Markdown and raw HTML are read into one model (markdownModel.ts, html.ts), and each kind of
 * block is drawn by its own small renderer in blocks/. Throws PartNeeded when the post needs a
 * part of the renderer that is not loaded (optionalParts.ts): renderPost loads it, and
 * markdownRenderer.ts's renderMarkdown has every part loaded.
 */
export function renderMarkdown(markdown: string, options: RenderOptions): RenderedPost {
  return renderTokens(markdown, options.html ? undefined : lexPost(markdown), options);
}

/**
 * renderMarkdown, loading the parts of the renderer the post needs first: a post of plain
 * Markdown never loads the HTML reader or the TeX tables. The Markdown is lexed once.
 */
export async function renderPost(markdown: string, options: RenderOptions): Promise<RenderedPost> {
  if (options.html) await loadPart('html');
  const tokens = options.html ? undefined : lexPost(markdown);
  for (;;) {
    try {
      return renderTokens(markdown, tokens, options);
    } catch (error) {
      if (!(error instanceof PartNeeded)) throw error;
      await loadPart(error.part);
    }
  }
}

function lexPost(markdown: string): Token[] {
  return lex(expandTabs(sanitizeText(limitNesting(markdown))));
}

/** The post laid out from its tokens (`tokens` undefined: the body is HTML). */
function renderTokens(markdown: string, tokens: Token[] | undefined, options: RenderOptions): RenderedPost {
  const width = Math.max(10, Math.floor(options.width));
  const look = options.look;
  const roles = options.color ? (options.roles ?? paintedRoles(look)) : PLAIN_ROLES;
  const reader = new MarkdownReader();
  const blocks = tokens ? reader.blocks(tokens) : htmlPart().htmlBlocks(expandTabs(sanitizeText(markdown)));
  const doc = new PostDocument();
  for (const [label, note] of reader.footnotes) doc.footnotes.set(label, note);
  const ctx: Context = { width, roles, color: options.color, hyperlinks: options.hyperlinks === true && options.color, doc, listDepth: 0, renderBlocks, linkMarkers: options.linkList === true, ...(options.page ? { page: options.page } : {}) };

  const lines: string[] = [];
  const blockStarts: number[] = [];
  const headings: Heading[] = [];
  const anchors = new Map<string, number>();
  const place = (marks: Mark[], base: number) => {
    for (const mark of marks) {
      const line = base + mark.line;
      if (mark.heading) headings.push({ ...mark.heading, line });
      if (mark.anchor !== undefined && !anchors.has(mark.anchor)) anchors.set(mark.anchor, line);
    }
  };
  const add = (out: { lines: string[]; marks: Mark[] }) => {
    if (out.lines.length === 0) {
      place(out.marks, lines.length + (lines.length > 0 ? 1 : 0));
      return;
    }
    if (lines.length > 0) lines.push('');
    blockStarts.push(lines.length);
    const base = lines.length;
    for (const line of out.lines) {
      if (displayWidth(line) <= width) lines.push(line);
      else for (const fitted of fitLine(RIGID_MARK + line, width)) lines.push(fitted);
    }
    place(out.marks, base);
  };
  for (const block of blocks) add(renderBlock(block, ctx));
  add(renderNotes(ctx));
  if (options.linkList) add(renderLinkList(ctx));

  const last = Math.max(0, lines.length - 1);
  for (const [id, line] of anchors) if (line > last) anchors.set(id, last);
  for (const heading of headings) heading.line = Math.min(heading.line, last);
  for (const link of doc.links) {
    if (link.target === undefined) continue;
    const line = resolve(anchors, link.target);
    if (line !== undefined) link.line = line;
  }
  return { lines, blockStarts, headings, links: doc.links, anchors };
}
