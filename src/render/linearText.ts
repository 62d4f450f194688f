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
