/**
 * Small text operations written as scans rather than regular expressions: over untrusted text
 * a pattern such as /\s+$/ or /<!--[\s\S]*?-->/g backtracks, and takes time quadratic in the
 * length of a run of spaces or of unclosed comment openers.
 */

/** The text without its trailing newlines. */
export function trimEndNewlines(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 0x0a) end--;
  return end === text.length ? text : text.slice(0, end);
}

/** The text with every HTML comment (`<!--` to the next `-->`) removed; an unclosed one is kept. */
export function removeHtmlComments(text: string): string {
  let out = '';
  let from = 0;
  for (;;) {
    const open = text.indexOf('<!--', from);
    if (open < 0) break;
    const close = text.indexOf('-->', open + 4);
    if (close < 0) break;
    out += text.slice(from, open);
    from = close + 3;
  }
  return from === 0 ? text : out + text.slice(from);
}

/**
 * Joins the lines of a soft-wrapped text with single spaces, dropping the white space around
 * each line break, in one pass. (A pattern of optional white space around a line break
 * backtracks over a long run of spaces or tabs with no line break in it.)
 */
export function joinSoftBreaks(text: string): string {
  if (!text.includes('\n')) return text;
  const lines = text.split('\n');
  const last = lines.length - 1;
  return lines.map((line, i) => (i === 0 ? line.trimEnd() : i === last ? line.trimStart() : line.trim())).join(' ');
}
