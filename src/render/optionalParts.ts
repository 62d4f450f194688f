import type { Block, Inline } from './model.js';
import type { ConcreteStyle, Depth, Look, Roles } from './style.js';

/**
 * The parts of the renderer that only some posts need, each loaded on its first use: the HTML
 * reader (parse5 and the `entities` decoder: raw HTML, entities, heading ids), the TeX
 * converter (UnicodeIt's tables: inline math) and the painters (chalk: coloured text). A post of
 * plain Markdown rendered without colour loads none of them.
 *
 * The synchronous renderer asks for a part with htmlPart() / mathPart() / paintPart(); when it
 * has not been loaded yet, that throws PartNeeded, and the asynchronous renderer (renderPost)
 * loads the part and renders again. markdownRenderer.ts loads every part up front, for
 * synchronous callers.
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

export interface PaintPart {
  rolesFor(depth: Depth, style?: ConcreteStyle): Roles;
  terminalLevel(): 1 | 2 | 3;
}

/** Each part by its name. */
interface Parts {
  html: HtmlPart;
  math: MathPart;
  paint: PaintPart;
}

export type PartName = keyof Parts;

export class PartNeeded extends Error {
  constructor(readonly part: PartName) {
    super(`the renderer's ${part} part is not loaded`);
  }
}

/** Where each part is loaded from: a separate chunk of the bundle. */
const LOADERS: { readonly [K in PartName]: () => Promise<Parts[K]> } = {
  html: () => import('./htmlPart.js'),
  math: () => import('./mathText.js'),
  paint: () => import('./painters.js'),
};

const loaded: Partial<Parts> = {};

function part<K extends PartName>(name: K): Parts[K] {
  const found = loaded[name];
  if (!found) throw new PartNeeded(name);
  return found;
}

export function htmlPart(): HtmlPart {
  return part('html');
}

export function mathPart(): MathPart {
  return part('math');
}

export function paintPart(): PaintPart {
  return part('paint');
}

/** The paint functions of coloured text: the look's, else the dark style at the terminal's depth. */
export function paintedRoles(look?: Look): Roles {
  const paint = part('paint');
  return look ? paint.rolesFor(look.depth, look.style) : paint.rolesFor(paint.terminalLevel());
}

/** Whether a part is loaded (for tests and for callers that want to know what a render cost). */
export function partLoaded(name: PartName): boolean {
  return loaded[name] !== undefined;
}

export function provideParts(parts: Partial<Parts>): void {
  loaded.html ??= parts.html;
  loaded.math ??= parts.math;
  loaded.paint ??= parts.paint;
}

/** Loads one part. */
export async function loadPart(name: PartName): Promise<void> {
  if (!loaded[name]) provideParts({ [name]: await LOADERS[name]() });
}
