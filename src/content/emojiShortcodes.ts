/**
 * Emoji shortcodes (`:package:`, `:tada:`), which a site turns into emoji when it says so: Hugo
 * with `enableEmoji`, Jekyll with the jemoji plugin, Zola with `render_emoji`. The names are
 * GitHub's (gemoji), as all three use. Code blocks and code spans keep their text as written.
 * One pass over each line: linear.
 */

export type EmojiNames = Readonly<Record<string, string>>;

/** The name table, loaded only for a site that turns shortcodes into emoji. */
export async function loadEmojiNames(): Promise<EmojiNames> {
  return (await import('gemoji')).nameToEmoji;
}

const MAX_NAME = 60;

function isNameChar(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || code === 0x5f || code === 0x2b || code === 0x2d;
}

function isWordChar(code: number): boolean {
  return isNameChar(code) || (code >= 0x41 && code <= 0x5a);
}

/** One line of text (not code) with its shortcodes replaced, code spans left alone. */
function replaceInLine(line: string, names: EmojiNames): string {
  if (!line.includes(':')) return line;
  let out = '';
  let from = 0;
  let i = 0;
  while (i < line.length) {
    const code = line.charCodeAt(i);
    if (code === 0x60) {
      // A code span: skip to the closing run of as many backticks, if there is one.
      let run = 1;
      while (line.charCodeAt(i + run) === 0x60) run++;
      const fence = '`'.repeat(run);
      let close = line.indexOf(fence, i + run);
      while (close >= 0 && line.charCodeAt(close + run) === 0x60) {
        let end = close;
        while (line.charCodeAt(end) === 0x60) end++;
        close = line.indexOf(fence, end);
      }
      i = close < 0 ? i + run : close + run;
      continue;
    }
    if (code !== 0x3a || (i > 0 && isWordChar(line.charCodeAt(i - 1)))) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < line.length && end - i <= MAX_NAME && isNameChar(line.charCodeAt(end))) end++;
    const name = line.slice(i + 1, end);
    if (line.charCodeAt(end) === 0x3a && name !== '' && Object.hasOwn(names, name)) {
      out += line.slice(from, i) + names[name];
      from = i = end + 1;
    } else {
      i = end > i + 1 ? end : i + 1;
    }
  }
  return from === 0 ? line : out + line.slice(from);
}

/** Markdown with its emoji shortcodes replaced outside fenced code and code spans. */
export function replaceEmojiShortcodes(markdown: string, names: EmojiNames): string {
  if (!markdown.includes(':')) return markdown;
  let fence = '';
  return markdown
    .split('\n')
    .map((line) => {
      const trimmed = line.trimStart();
      if (fence) {
        if (trimmed.startsWith(fence)) fence = '';
        return line;
      }
      if (trimmed.startsWith('```') || trimmed.startsWith('~~~')) {
        fence = trimmed.slice(0, 3);
        return line;
      }
      return replaceInLine(line, names);
    })
    .join('\n');
}
