const LINKABLE = /^(https?:\/\/|mailto:)/i;

/** Links blog-tui opens and makes clickable: http, https and mailto. */
export function isLinkable(href: string): boolean {
  return LINKABLE.test(href);
}

function decodeURISafe(value: string): string {
  try {
    return decodeURI(value);
  } catch {
    return value;
  }
}

/** An OSC 8 hyperlink around already styled text. The target is percent-encoded where needed. */
export function hyperlink(text: string, href: string): string {
  const target = encodeURI(decodeURISafe(href)).replace(/[\u0000-\u001f\u007f-\u009f;]/g, encodeURIComponent);
  return `\u001b]8;;${target}\u0007${text}\u001b]8;;\u0007`;
}
