import { decodeHTMLStrict } from 'entities';

// The HTML part of the renderer (see optionalParts.ts): the HTML reader and the entity decoder.
export { htmlBlocks, htmlInline } from './html.js';
export const decodeEntities = (text: string): string => decodeHTMLStrict(text);
