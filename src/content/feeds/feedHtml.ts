import { parseFragment, serialize } from 'parse5';

interface Node {
  nodeName: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Node[];
  content?: Node;
}

/** The attributes that hold an address, by element. */
const URL_ATTRIBUTES: Record<string, string[]> = {
  a: ['href'],
  area: ['href'],
  img: ['src'],
  source: ['src'],
  video: ['src', 'poster'],
  audio: ['src'],
  iframe: ['src'],
  embed: ['src'],
  track: ['src'],
  blockquote: ['cite'],
  q: ['cite'],
};

function resolved(value: string, base: string): string {
  const trimmed = value.trim();
  // In-page links stay in-page: the reader jumps to them.
  if (trimmed === '' || trimmed.startsWith('#')) return value;
  try {
    return new URL(trimmed, base).href;
  } catch {
    return value;
  }
}

/**
 * A post's HTML with every relative address (links, images, media) made absolute against the
 * post's own address, so that the link list and the browser get addresses that work. One walk.
 */
export function resolveAddresses(html: string, base: string | undefined): string {
  if (!base || !/\s(href|src|poster|cite)\s*=/i.test(html)) return html;
  const root = parseFragment(html) as unknown as Node;
  const stack: Node[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    const names = URL_ATTRIBUTES[node.nodeName];
    if (names && node.attrs) {
      for (const attr of node.attrs) if (names.includes(attr.name)) attr.value = resolved(attr.value, base);
    }
    if (node.content) stack.push(node.content);
    for (const child of node.childNodes ?? []) stack.push(child);
  }
  return serialize(root as never);
}
