import type { PostEntry } from '../content/postEntry.js';
import { sanitizeLine } from '../content/sanitize.js';
import { postHeader } from '../content/postMeta.js';
import { renderPost } from '../render/postRender.js';
import { wrapText } from '../render/longText.js';
import { loadHighlighter } from '../render/codeHighlight.js';
import { loadPart, paintedRoles, paintPart } from '../render/optionalParts.js';
import { PLAIN_ROLES, styleFromEnvironment, type Look, type StyleSetting } from '../render/style.js';
import { colorDepth } from '../config/colorDepth.js';

/**
 * The look of piped text: the depth of stdout (none unless FORCE_COLOR), and a style that cannot
 * ask the terminal for its background, so "auto" is COLORFGBG, else dark. Loads the painters
 * (chalk), which coloured text needs, and which detect the terminal's depth.
 */
export async function pipedLook(setting: StyleSetting, env: NodeJS.ProcessEnv = process.env, stream: { isTTY?: boolean } = process.stdout): Promise<Look | undefined> {
  await loadPart('paint');
  const { depth } = colorDepth(stream, env, paintPart().terminalLevel());
  return depth > 0 ? { style: styleFromEnvironment(setting, env).style, depth } : undefined;
}

/**
 * `blog-tui read <slug>` when not on a terminal: the header and the rendered body as text, each
 * link followed by its number and the URLs listed under those numbers at the end (`links:
 * false` leaves them out). `html`: the body is HTML (a feed's post).
 */
export async function renderPostText(entry: PostEntry, body: string, width: number, setting: StyleSetting | Look | false | undefined, links = true, html = false): Promise<string> {
  const look = typeof setting === 'string' ? await pipedLook(setting) : setting || undefined;
  if (look) await loadHighlighter();
  const roles = look ? paintedRoles(look) : PLAIN_ROLES;
  const title = wrapText(sanitizeLine(entry.title), width, { hard: true, trim: true }).map(roles.title);
  const header = [...title, roles.dim(wrapText(sanitizeLine(postHeader(entry)), width, { hard: true }).join('\n')), roles.border('─'.repeat(width)), ''];
  const { lines } = await renderPost(body, { width, color: look !== undefined, look, linkList: links, page: entry.url, ...(html ? { html } : {}) });
  return [...header, ...lines].join('\n') + '\n';
}
