import type { Context, Out } from '../document.js';
import { highlightCode } from '../codeHighlight.js';
import { CODE_MARK, fitLine } from '../lineWrap.js';
import { pushAll } from '../../content/arrays.js';

const CODE_INDENT = '    ';

/** A code block: highlighted where the language is known, indented, long lines continued. */
export function renderCode(text: string, lang: string | undefined, ctx: Context): Out {
  const code = highlightCode(text.replace(/\t/g, '    '), lang, ctx.color, ctx.roles);
  return fitCodeLines(code.split('\n'), ctx);
}

/** Displayed math: its TeX as written, set apart like code. */
export function renderMath(tex: string, ctx: Context): Out {
  return fitCodeLines(tex.split('\n').map((line) => ctx.roles.math(line.trimEnd())), ctx);
}

function fitCodeLines(lines: string[], ctx: Context): Out {
  const out: string[] = [];
  for (const line of lines) pushAll(out, fitLine(CODE_INDENT + CODE_MARK + line, ctx.width));
  return { lines: out, marks: [] };
}
