import type { Role, AdmonitionKind } from './style.js';

/**
 * What a post says, independent of where it came from (Markdown or raw HTML) and of the width
 * it is drawn at. The Markdown and HTML readers produce this; the block renderers draw it.
 */
export type Inline =
  | string
  | { kind: 'span'; role?: Role; children: Inline[] }
  | { kind: 'link'; href: string; title?: string; children: Inline[] }
  | { kind: 'image'; src: string; alt: string }
  | { kind: 'footnoteRef'; label: string }
  | { kind: 'math'; tex: string }
  /** A place in the text that in-page links can point at. */
  | { kind: 'anchor'; id: string }
  /** A forced line break. */
  | { kind: 'break' };

export interface ListItem {
  /** undefined: no task box; else whether the box is ticked. */
  checked?: boolean;
  blocks: Block[];
}

export type Align = 'left' | 'right' | 'center' | null;

export type Block =
  | { kind: 'paragraph'; inline: Inline[] }
  | { kind: 'heading'; level: number; inline: Inline[]; id?: string }
  | { kind: 'list'; ordered: boolean; start: number; loose: boolean; items: ListItem[] }
  | { kind: 'code'; text: string; lang?: string }
  | { kind: 'quote'; blocks: Block[] }
  | { kind: 'table'; header: Inline[][]; rows: Inline[][][]; align: Align[] }
  | { kind: 'rule' }
  /** `name`: the kind as the post wrote it (`:::info`), shown instead of the style's name. */
  | { kind: 'admonition'; type: AdmonitionKind; title: string; blocks: Block[]; name?: string }
  | { kind: 'math'; tex: string }
  /** A block that only marks a place (an HTML element with an id and nothing to show). */
  | { kind: 'anchor'; id: string }
  /** Blocks drawn one after another without a blank line between them (a <details>'s summary and body). */
  | { kind: 'group'; blocks: Block[] };

export interface FootnoteDefinition {
  label: string;
  blocks: Block[];
}
