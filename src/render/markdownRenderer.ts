// The renderer with every part loaded (optionalParts.ts), for callers that render synchronously:
// renderMarkdown never throws PartNeeded here. The piped `read` and the layout worker use
// postRender.ts's renderPost instead, which loads a part only for a post that needs it.
import { provideParts } from './optionalParts.js';
import * as html from './htmlPart.js';
import * as math from './mathText.js';
import * as paint from './painters.js';

provideParts({ html, math, paint });

export { renderMarkdown, renderPost, hyperlink, type Heading, type PostLink, type RenderedPost, type RenderOptions } from './postRender.js';
