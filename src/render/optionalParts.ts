import type { Block, Inline } from './model.js';

/**
 * The parts of the renderer that only some posts need, each loaded on its first use: the HTML
 * reader (parse5 and the `entities` decoder: raw HTML, entities, heading ids) and the TeX
 * converter (UnicodeIt's tables: inline math). A post of plain Markdown is rendered without
 * loading either.
 *
 * The synchronous renderer asks for a part with htmlPart() / mathPart(); when it has not been
 * loaded yet, that throws PartNeeded, and the asynchronous renderer (renderPost) loads the part
 * and renders again. markdownRenderer.ts loads every part up front, for synchronous callers.
 */
export interface HtmlPart {
  htmlBlocks(html: string): Block[];
  htmlInline(html: string): Inline[];
  /** Every HTML5 entity decoded, strictly (as in text, not in attributes). */
  decodeEntities(text: string): string;
}

export interface MathPart {
  mathAsText(tex: string): string | undefined;
}

export type PartName = 'html' | 'math';

export class PartNeeded extends Error {
  constructor(readonly part: PartName) {
    super(`the renderer's ${part} part is not loaded`);
  }
}

let html: HtmlPart | undefined;
let math: MathPart | undefined;

export function htmlPart(): HtmlPart {
  if (!html) throw new PartNeeded('html');
  return html;
}

export function mathPart(): MathPart {
  if (!math) throw new PartNeeded('math');
  return math;
}

/** Whether a part is loaded (for tests and for callers that want to know what a render cost). */
export function partLoaded(name: PartName): boolean {
  return (name === 'html' ? html : math) !== undefined;
}

export function provideParts(parts: { html?: HtmlPart; math?: MathPart }): void {
  html ??= parts.html;
  math ??= parts.math;
}

/** Loads one part (a separate chunk of the bundle). */
export async function loadPart(name: PartName): Promise<void> {
  if (name === 'html') {
    if (!html) provideParts({ html: await import('./htmlPart.js') });
  } else if (!math) {
    provideParts({ math: await import('./mathText.js') });
  }
}
