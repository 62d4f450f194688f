import type { Inline } from './model.js';
import type { Context } from './document.js';
import { FlatBuilder, layoutFlat, type FlatText, type WrappedText } from './inlineText.js';
import { hyperlink, isLinkable } from './hyperlink.js';
import { mathPart } from './optionalParts.js';

/** The plain text of inline content, as the link list and the table of contents show it. */
export function plainText(inline: Inline[]): string {
  let out = '';
  for (const item of inline) {
    if (typeof item === 'string') out += item;
    else if (item.kind === 'span' || item.kind === 'link') out += plainText(item.children);
    else if (item.kind === 'image') out += item.alt;
    else if (item.kind === 'math') out += item.tex;
    else if (item.kind === 'break') out += ' ';
  }
  return out.replace(/\s+/g, ' ').trim();
}

function addInline(items: Inline[], ctx: Context, b: FlatBuilder): void {
  const r = ctx.roles;
  for (const item of items) {
    if (typeof item === 'string') {
      b.text(item);
      continue;
    }
    switch (item.kind) {
      case 'span':
        b.push(item.role ? r[item.role] : undefined);
        addInline(item.children, ctx, b);
        b.pop();
        break;
      case 'link': {
        const href = item.href.trim();
        const text = plainText(item.children);
        const fragment = inPageFragment(href, ctx.page);
        if (fragment !== undefined) {
          ctx.doc.addLink({ text: text || href, href, target: decodeFragment(fragment), kind: 'jump' });
        } else {
          ctx.doc.addLink({ text: text || href, href, kind: 'link' });
        }
        b.push(r.link, ctx.hyperlinks && isLinkable(href) ? href : undefined);
        if (item.children.length === 0 || text === '') b.text(href);
        else addInline(item.children, ctx, b);
        b.pop();
        // A URL shown as the link's own text needs no number.
        if (ctx.linkMarkers && fragment === undefined && href !== '' && text !== '' && text !== href) {
          b.push(r.footnote);
          b.text(`[${ctx.doc.linkNumber(href)}]`);
          b.pop();
        }
        break;
      }
      case 'image': {
        b.push(r.dim);
        b.text(item.alt ? `[image: ${item.alt}]` : '[image]');
        b.pop();
        if (item.src) ctx.doc.addLink({ text: item.alt ? `image: ${item.alt}` : 'image', href: item.src, kind: 'link' });
        break;
      }
      case 'footnoteRef': {
        const n = ctx.doc.footnoteNumber(item.label);
        b.push(r.footnote);
        b.text(n === undefined ? `[^${item.label}]` : `[${n}]`);
        b.pop();
        if (n !== undefined) ctx.doc.addLink({ text: `note ${n}: ${notePreview(ctx, item.label)}`, href: `#fn:${item.label}`, target: `fn:${item.label}`, kind: 'note' });
        break;
      }
      case 'math': {
        // Simple TeX as the Unicode it stands for (x², α ≤ β); any other as written, between dollars.
        b.push(r.math);
        b.text(mathPart().mathAsText(item.tex) ?? `$${item.tex.replace(/\s+/g, ' ').trim()}$`);
        b.pop();
        break;
      }
      case 'anchor':
        b.anchor(item.id);
        break;
      case 'break':
        b.lineBreak();
        break;
    }
  }
}

function notePreview(ctx: Context, label: string): string {
  const note = ctx.doc.footnotes.get(label);
  const first = note?.blocks[0];
  const text = first && (first.kind === 'paragraph' || first.kind === 'heading') ? plainText(first.inline) : '';
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

/** A path or URL without its trailing slashes and `index.html`, as a server treats them. */
function pagePath(path: string): string {
  return path.replace(/\/index\.html?$/i, '').replace(/\/+$/, '');
}

/**
 * The fragment of a link that leads into the post itself, or undefined: `#id`, or the post's own
 * address with a fragment (`/blog/2023/01/03/post#id`, written by authors linking to a heading).
 */
function inPageFragment(href: string, page: string | undefined): string | undefined {
  const hash = href.indexOf('#');
  if (hash < 0) return undefined;
  if (hash === 0) return href.slice(1);
  if (!page) return undefined;
  const base = href.slice(0, hash);
  if (/^https?:/i.test(page)) {
    try {
      const target = new URL(base, page);
      const own = new URL(page);
      return target.origin === own.origin && pagePath(target.pathname) === pagePath(own.pathname) ? href.slice(hash + 1) : undefined;
    } catch {
      return undefined;
    }
  }
  return base.startsWith('/') && pagePath(base) === pagePath(page) ? href.slice(hash + 1) : undefined;
}

function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

export function flatten(inline: Inline[], ctx: Context): FlatText {
  const b = new FlatBuilder();
  addInline(inline, ctx, b);
  return b.build();
}

/** Inline content wrapped to the context's width (Infinity: only forced breaks split lines). */
export function layoutInline(inline: Inline[], ctx: Context, width = ctx.width): WrappedText {
  return layoutFlat(flatten(inline, ctx), width, hyperlink);
}
