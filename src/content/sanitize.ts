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

/**
 * Tabs as spaces to the next multiple of `stop` columns, counted from the start of each line:
 * a terminal would move a tab to its own tab stops, which string-width counts as nothing, so a
 * line with tabs could end past the width it was fitted to. Markdown reads tabs the same way.
 */
export function expandTabs(text: string, stop = 4): string {
  if (!text.includes('\t')) return text;
  return text.replace(/^[^\n]*\t[^\n]*$/gm, (line) => {
    let out = '';
    let column = 0;
    for (const ch of line) {
      const add = ch === '\t' ? ' '.repeat(stop - (column % stop)) : ch;
      out += add;
      column += ch === '\t' ? add.length : 1;
    }
    return out;
  });
}

// What JSON.stringify leaves raw that a terminal acts on: DEL, C1 controls, bidi controls and
// the Unicode line and paragraph separators.
const JSON_RAW = /[\u007F-\u009F\u061C\u200E\u200F\u2028-\u202E\u2066-\u2069]/g;

/** JSON text with those characters written as \uXXXX escapes: the same JSON value, safe to print. */
export function escapeJsonText(json: string): string {
  return json.replace(JSON_RAW, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
