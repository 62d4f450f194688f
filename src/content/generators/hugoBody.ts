import { prepareHugoBody, type ShortcodeContext } from './hugoShortcodes.js';
import { stripKramdown } from './jekyllBody.js';

/**
 * A Hugo post's body before Markdown: shortcodes turned into Markdown (hugoShortcodes.ts), then
 * what Hugo's Markdown (goldmark) reads as no text: block attribute lines (`{.class}`,
 * `{#id .class key="v"}` on the line after a paragraph, table, image or list item). Blogs moved
 * from Jekyll keep kramdown's attribute lists (`{:lang='python'}`) and whole-line Liquid
 * includes (`{% include katex_render.html %}`), which the page never meant to show: both are
 * removed. Fenced code is left alone. Line by line: linear.
 */

/** A goldmark block attribute line: classes, ids and key=value pairs in braces, nothing else. */
const ATTRIBUTE_LINE = /^[ \t]*\{[ \t]*(?:[.#][\w-]+|[\w-]+=(?:"[^"\n]*"|'[^'\n]*'|[\w.-]+))(?:[ \t]+(?:[.#][\w-]+|[\w-]+=(?:"[^"\n]*"|'[^'\n]*'|[\w.-]+)))*[ \t]*\}[ \t]*$/;
/** A line holding only a Liquid include, a Jekyll leftover. */
const LIQUID_INCLUDE_LINE = /^[ \t]*\{%-?[ \t]*include[ \t][^%\n]{0,300}%\}[ \t]*$/;

function stripLines(body: string): string {
  const out: string[] = [];
  let fenceMark = '';
  for (const line of body.split('\n')) {
    const trimmed = line.trimStart();
    if (fenceMark) {
      if (trimmed.startsWith(fenceMark)) fenceMark = '';
    } else if (trimmed.startsWith('```') || trimmed.startsWith('~~~')) {
      fenceMark = trimmed.slice(0, 3);
    } else if (line.length < 1000 && (ATTRIBUTE_LINE.test(line) || LIQUID_INCLUDE_LINE.test(line))) {
      continue;
    }
    out.push(line);
  }
  return out.join('\n');
}

export function prepareHugoMarkdown(body: string, context: ShortcodeContext = {}): string {
  const prepared = prepareHugoBody(body, context);
  const lines = prepared.includes('{') ? stripLines(prepared) : prepared;
  return lines.includes('{:') ? stripKramdown(lines) : lines;
}
