/**
 * The text of HTML as Go's html/template stripTags gives it, which Hugo's word counts and
 * summaries use: tags are removed with their attributes (a `>` inside a quoted value does not
 * end a tag), comments are removed whole, and so is the content of `<script>` and `<style>`;
 * everything else, entities included, is kept as it stands. One difference: what an `<xmp>`
 * holds is its text, as a browser shows it (Go reads tags in it, and a `<style>` shown there
 * hides the rest of the post). A `<` that starts no tag is text.
 * One pass over the text, no regular expressions.
 */

const A = 0x61;
const Z = 0x7a;

function isAlpha(code: number): boolean {
  const lower = code | 0x20;
  return lower >= A && lower <= Z;
}

function isAlphaNum(code: number): boolean {
  return isAlpha(code) || (code >= 0x30 && code <= 0x39);
}

function isHtmlSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d;
}

/** The end of a tag name starting at i (letters and digits, with `-` or `:` between them), or i. */
export function tagNameEnd(html: string, i: number): number {
  if (i >= html.length || !isAlpha(html.charCodeAt(i))) return i;
  let j = i + 1;
  while (j < html.length) {
    const code = html.charCodeAt(j);
    if (isAlphaNum(code)) j++;
    else if ((code === 0x2d || code === 0x3a) && j + 1 < html.length && isAlphaNum(html.charCodeAt(j + 1))) j += 2;
    else break;
  }
  return j;
}

/** Where the tag whose attributes start at i ends (just after its `>`), or the text's length. */
function tagEnd(html: string, i: number): number {
  let afterEquals = false;
  while (i < html.length) {
    const code = html.charCodeAt(i);
    if (code === 0x3e) return i + 1;
    if (afterEquals && (code === 0x22 || code === 0x27)) {
      const close = html.indexOf(html[i]!, i + 1);
      if (close < 0) return html.length;
      i = close + 1;
      afterEquals = false;
      continue;
    }
    if (code === 0x3d) afterEquals = true;
    else if (!isHtmlSpace(code)) afterEquals = false;
    i++;
  }
  return html.length;
}

/** Where the raw text of a `<script>` or `<style>` element that starts at i ends: at its end tag. */
function rawTextEnd(html: string, i: number, name: string): number {
  const lower = html.slice(i).toLowerCase();
  let at = lower.indexOf(`</${name}`);
  while (at >= 0) {
    const after = lower.charCodeAt(at + 2 + name.length);
    if (Number.isNaN(after) || isHtmlSpace(after) || after === 0x3e || after === 0x2f) return i + at;
    at = lower.indexOf(`</${name}`, at + 1);
  }
  return html.length;
}

/**
 * Walks HTML as Go's html/template stripTags reads it: `text(start, end)` for each run of text
 * kept, in order; `tag(start, end)` for each tag removed (not for comments, or for the content of
 * scripts and styles, which are skipped).
 */
export function walkHtmlText(html: string, text: (start: number, end: number) => void, tag?: (start: number, end: number) => void): void {
  let i = 0;
  let from = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0 || lt + 1 === html.length) break;
    if (html.startsWith('<!--', lt)) {
      if (lt > from) text(from, lt);
      const close = html.indexOf('-->', lt + 4);
      i = from = close < 0 ? html.length : close + 3;
      continue;
    }
    const closing = html.charCodeAt(lt + 1) === 0x2f;
    const nameStart = lt + (closing ? 2 : 1);
    const nameEnd = tagNameEnd(html, nameStart);
    if (nameEnd === nameStart) {
      // Not a tag: the `<` is text.
      i = lt + 1;
      continue;
    }
    if (lt > from) text(from, lt);
    i = tagEnd(html, nameEnd);
    tag?.(lt, i);
    const name = html.slice(nameStart, nameEnd).toLowerCase();
    if (!closing && (name === 'script' || name === 'style')) i = rawTextEnd(html, i, name);
    else if (!closing && name === 'xmp') {
      // What an <xmp> holds is shown as written, tags and all: it is text to the reader.
      const end = rawTextEnd(html, i, name);
      if (end > i) text(i, end);
      i = end;
    }
    from = i;
  }
  if (from < html.length) text(from, html.length);
}

/** Go's html/template stripTags: the text of HTML with tags, comments, scripts and styles removed. */
export function stripTags(html: string): string {
  if (!html.includes('<')) return html;
  const parts: string[] = [];
  walkHtmlText(html, (start, end) => parts.push(html.slice(start, end)));
  return parts.join('');
}
