/**
 * Neutralizes terminal control characters in text that came from outside (files, front matter,
 * user input). Control characters are replaced by a visible stand-in so a reader sees that
 * something was there: C0 as caret notation (ESC -> "^["), DEL as "^?", C1 as "<U+009B>".
 */

// C0 except tab and newline, DEL, C1.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
// Bidirectional embeddings, overrides and isolates.
const BIDI = /[\u202A-\u202E\u2066-\u2069]/g;
// Line breaks and tabs, for fields that must stay on one line.
const BREAKS = /[\t\n\r\u2028\u2029]+/g;

function visibleControl(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 0x20) return '^' + String.fromCharCode(code + 0x40);
  if (code === 0x7f) return '^?';
  return `<U+${code.toString(16).toUpperCase().padStart(4, '0')}>`;
}

function visibleCodePoint(ch: string): string {
  return `<U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`;
}

/** For multi-line text (a post body): keeps newlines and tabs, neutralizes the rest. */
export function sanitizeText(text: string): string {
  return text.replace(CONTROL, visibleControl);
}

/**
 * For one-line fields (titles, tags, summaries, file names, slugs): also folds line breaks
 * and tabs into a space and makes bidi controls visible so they cannot reorder what is
 * shown around them.
 */
export function sanitizeLine(text: string): string {
  return text.replace(BREAKS, ' ').replace(CONTROL, visibleControl).replace(BIDI, visibleCodePoint);
}
