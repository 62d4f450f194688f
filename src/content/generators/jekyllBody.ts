import type { Liquid as LiquidEngine, TagToken, TopLevelToken } from 'liquidjs';

type TagImplOptions = Parameters<LiquidEngine['registerTag']>[1] & { parse?: unknown };

/**
 * A Jekyll post's body before Markdown: its Liquid evaluated with liquidjs and the site's
 * _config.yml as `site` (highlight as a fenced code block, raw, relative_url, absolute_url,
 * post_url and link as paths, include as a one-line note), then kramdown's attribute lists
 * removed and `{:toc}` turned into a pointer to the contents view. The engine gets at most
 * LIQUID_MAX_BYTES of text and runs with liquidjs's parse, render-time and memory limits;
 * whatever it cannot evaluate (an error, a limit, a larger body) is removed by a linear scan
 * instead, never thrown.
 */

export const LIQUID_MAX_BYTES = 512 * 1024;

export interface JekyllContext {
  site: Record<string, unknown>;
  /** `2020-01-02-name` (a post's file name without extension) → its URL path, for post_url. */
  postUrl(name: string): string | undefined;
}

function fence(lang: string, code: string): string {
  const mark = code.includes('```') ? '~~~~' : '```';
  return `\n${mark}${lang}\n${code.replace(/^\n/, '').replace(/\n$/, '')}\n${mark}\n`;
}

function joinUrl(base: string, path: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(path)) return path;
  const left = base.replace(/\/+$/, '');
  const right = path.startsWith('/') ? path : `/${path}`;
  return left + right;
}

export function makeEngine(Liquid: typeof LiquidEngine, context: JekyllContext): LiquidEngine {
  const engine = new Liquid({
    templates: {},
    strictFilters: false,
    strictVariables: false,
    ownPropertyOnly: true,
    parseLimit: LIQUID_MAX_BYTES * 2,
    renderLimit: 300,
    memoryLimit: 8_000_000,
    globals: { site: context.site },
  });
  const site = context.site;
  const baseurl = typeof site.baseurl === 'string' ? site.baseurl : '';
  const url = typeof site.url === 'string' ? site.url : '';
  engine.registerFilter('relative_url', (input: unknown) => joinUrl(baseurl, String(input ?? '')));
  engine.registerFilter('absolute_url', (input: unknown) => joinUrl(url + baseurl.replace(/\/+$/, ''), String(input ?? '')));
  engine.registerFilter('markdownify', (input: unknown) => String(input ?? ''));
  engine.registerFilter('jsonify', (input: unknown) => JSON.stringify(input ?? null));
  engine.registerFilter('slugify', (input: unknown) => String(input ?? '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, ''));
  engine.registerFilter('number_of_words', (input: unknown) => String(input ?? '').split(/\s+/).filter(Boolean).length);
  engine.registerTag('highlight', {
    parse(token: TagToken, remain: TopLevelToken[]) {
      this.lang = token.args.trim().split(/\s+/)[0] ?? '';
      let code = '';
      while (remain.length) {
        const next = remain.shift()!;
        if ((next as TagToken).name === 'endhighlight') break;
        code += next.getText();
      }
      this.code = code;
    },
    render() {
      return fence(this.lang, this.code);
    },
  });
  const note = (what: string): TagImplOptions => ({
    parse(token: TagToken) {
      this.file = token.args.trim().split(/\s+/)[0] ?? '';
    },
    render() {
      return `\n*(${what} ${this.file})*\n`;
    },
  });
  engine.registerTag('include', note('included:'));
  engine.registerTag('include_relative', note('included:'));
  engine.registerTag('post_url', {
    parse(token: TagToken) {
      this.name = token.args.trim();
    },
    render() {
      const name = this.name.split('/').pop() ?? this.name;
      return joinUrl(baseurl, context.postUrl(name) ?? `/${name}/`);
    },
  });
  engine.registerTag('link', {
    parse(token: TagToken) {
      this.path = token.args.trim();
    },
    render() {
      return joinUrl(baseurl, `/${this.path.replace(/^_posts\//, '').replace(/\.(md|markdown|html)$/i, '.html')}`);
    },
  });
  return engine;
}

/**
 * One linear scan over a body's Liquid markup (`{% … %}` tags and `{{ … }}` outputs; what is
 * inside `{% raw %}` is left alone). `onTag(name, args, text)` and `onOutput(text)` return what
 * to put in each one's place.
 */
function scanLiquid(body: string, onTag: (name: string, args: string, text: string) => string, onOutput: (text: string) => string): string {
  let out = '';
  let i = 0;
  let inRaw = false;
  for (;;) {
    const open = body.indexOf('{', i);
    if (open < 0) break;
    const kind = body[open + 1];
    const close = kind === '%' || kind === '{' ? body.indexOf(kind === '%' ? '%}' : '}}', open + 2) : -1;
    if (close < 0 || close - open > 2000) {
      out += body.slice(i, open + 1);
      i = open + 1;
      continue;
    }
    const text = body.slice(open, close + 2);
    const inner = body.slice(open + 2, close).replace(/^-/, '').replace(/-$/, '').trim();
    const space = inner.search(/\s/);
    const name = kind === '%' ? (space < 0 ? inner : inner.slice(0, space)) : '';
    out += body.slice(i, open);
    i = close + 2;
    if (inRaw) {
      out += name === 'endraw' ? onTag(name, '', text) : text;
      if (name === 'endraw') inRaw = false;
      continue;
    }
    if (name === 'raw') inRaw = true;
    out += kind === '%' ? onTag(name, space < 0 ? '' : inner.slice(space + 1).trim(), text) : onOutput(text);
  }
  return out + body.slice(i);
}

/**
 * Removes Liquid a linear scan can recognise: `{% highlight x %}`…`{% endhighlight %}` as a
 * fenced block, `{% raw %}` markers dropped with their content kept, other `{% … %}` tags and
 * `{{ … }}` outputs removed.
 */
export function stripLiquid(body: string): string {
  return scanLiquid(
    body,
    (name, args) => {
      if (name === 'highlight') return `\n\`\`\`${args.split(/\s+/)[0] ?? ''}\n`;
      if (name === 'endhighlight') return '\n```\n';
      if (name === 'include' || name === 'include_relative') return `\n*(included: ${args.split(/\s+/)[0] ?? ''})*\n`;
      return '';
    },
    () => '',
  );
}

/** Tags the engine does not know (a site's plugins) removed, so that the rest can be evaluated. */
function withoutUnknownTags(engine: LiquidEngine, body: string): string {
  return scanLiquid(
    body,
    (name, _args, text) => {
      const base = name.startsWith('end') ? name.slice(3) : name;
      return Object.hasOwn(engine.tags, name) || Object.hasOwn(engine.tags, base) || name === 'else' || name === 'elsif' || name === 'when' || name === 'break' || name === 'continue' ? text : '';
    },
    (text) => text,
  );
}

/** Evaluates a body's Liquid, with the post's front matter as `page` and the site's config as `site`; falls back to stripLiquid on any failure or limit. */
export function renderLiquid(engine: LiquidEngine | undefined, body: string, page: Record<string, unknown> = {}): string {
  if (!body.includes('{%') && !body.includes('{{')) return body;
  if (!engine || body.length > LIQUID_MAX_BYTES) return stripLiquid(body);
  try {
    return engine.parseAndRenderSync(withoutUnknownTags(engine, body), { page });
  } catch {
    return stripLiquid(body);
  }
}

const TOC_POINTER = '*Contents: press t for the table of contents.*';

/** Whether `{:…}` / `{::…}` starting at `at` is a kramdown attribute list or extension; its end, else -1. */
function kramdownEnd(line: string, at: number): number {
  if (line[at] !== '{' || line[at + 1] !== ':') return -1;
  const end = line.indexOf('}', at + 2);
  if (end < 0 || end - at > 300) return -1;
  const inner = line.slice(at + 2, end);
  if (inner.startsWith(':') || inner.trim() === '' || /^\s*[.#a-zA-Z]/.test(inner)) return end;
  return -1;
}

/**
 * kramdown's block and span attribute lists (`{: .class}`, `{:#id}`), `{:toc}` (with the list
 * item it follows) and `{::comment}`…`{:/comment}` removed; fenced code left alone. Line by line.
 */
export function stripKramdown(body: string): string {
  if (!body.includes('{:')) return body;
  const lines = body.split('\n');
  const out: string[] = [];
  let fenceMark = '';
  let inComment = false;
  for (const line of lines) {
    const trimmed = line.trimStart();
    if (fenceMark) {
      out.push(line);
      if (trimmed.startsWith(fenceMark)) fenceMark = '';
      continue;
    }
    if (trimmed.startsWith('```') || trimmed.startsWith('~~~')) {
      fenceMark = trimmed.slice(0, 3);
      out.push(line);
      continue;
    }
    if (inComment) {
      if (line.includes('{:/comment}') || line.includes('{:/}')) inComment = false;
      continue;
    }
    if (/^\{:\s*toc\s*\}\s*$/i.test(trimmed)) {
      const previous = out[out.length - 1]?.trim() ?? '';
      if (/^([*+-]|\d+\.)\s+\S/.test(previous)) out.pop();
      out.push(TOC_POINTER);
      continue;
    }
    if (trimmed.startsWith('{::comment}')) {
      if (!line.includes('{:/comment}')) inComment = true;
      continue;
    }
    let result = '';
    let i = 0;
    for (;;) {
      const at = line.indexOf('{:', i);
      if (at < 0) break;
      const end = kramdownEnd(line, at);
      if (end < 0) {
        result += line.slice(i, at + 2);
        i = at + 2;
        continue;
      }
      result += line.slice(i, at);
      i = end + 1;
    }
    result += line.slice(i);
    // A line that held only an attribute list is gone, not left blank inside a paragraph.
    if (result.trim() === '' && line.trim() !== '') continue;
    out.push(result);
  }
  return out.join('\n');
}
