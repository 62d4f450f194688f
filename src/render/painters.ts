// The paint functions of the styles (style.ts) at each colour depth, made with chalk, and the
// depth chalk detects for this process's terminal. Only colour loads this module (and chalk,
// whose detection opens node:tty): the app imports it, the renderer loads it as one of its parts
// (optionalParts.ts) when a post is coloured, and plain text never loads it.
import { Chalk, type BackgroundColorName, type ChalkInstance, type ForegroundColorName } from 'chalk';
import { PLAIN_ROLES, ROLE_NAMES, STYLES, unstyled, type Colours, type ConcreteStyle, type Depth, type Paint, type RoleSpec, type Roles } from './style.js';

function withColour(c: ChalkInstance, colours: Colours | undefined, depth: 1 | 2 | 3, background: boolean): ChalkInstance {
  const colour = colours?.[depth - 1];
  if (colour === undefined) return c;
  if (depth === 1) {
    const name = colour as ForegroundColorName;
    return background ? c[`bg${name[0]!.toUpperCase()}${name.slice(1)}` as BackgroundColorName] : c[name];
  }
  if (depth === 2) return background ? c.bgAnsi256(colour as number) : c.ansi256(colour as number);
  return background ? c.bgHex(colour as string) : c.hex(colour as string);
}

/** The paint function of one role at one depth. */
function painter(spec: RoleSpec, depth: 1 | 2 | 3, chalk: ChalkInstance): Paint {
  let c = withColour(chalk, spec.fg, depth, false);
  c = withColour(c, spec.bg, depth, true);
  if (spec.bold) c = c.bold;
  if (spec.italic) c = c.italic;
  if (spec.underline) c = c.underline;
  if (spec.inverse) c = c.inverse;
  if (spec.strikethrough) c = c.strikethrough;
  return c === chalk ? unstyled : (text) => c(text);
}

const built = new Map<string, Roles>();

/**
 * The paint functions of a style at a depth, built once. At depth 0 nothing is styled; the
 * plain style uses attributes only, at any depth above 0.
 */
export function rolesFor(depth: Depth, style: ConcreteStyle = 'dark'): Roles {
  if (depth === 0) return PLAIN_ROLES;
  const key = `${style}@${depth}`;
  let roles = built.get(key);
  if (!roles) {
    const chalk = new Chalk({ level: depth });
    const table = STYLES[style].roles;
    roles = Object.freeze(Object.fromEntries(ROLE_NAMES.map((name) => [name, painter(table[name], depth, chalk)]))) as Roles;
    built.set(key, roles);
  }
  return roles;
}

/** The dark style at a depth. */
export function defaultRoles(level: Depth): Roles {
  return rolesFor(level, 'dark');
}

/** The colour depth of this process's terminal, at least 16 colours: the depth `color: true` means. */
export function terminalLevel(): 1 | 2 | 3 {
  return Math.max(1, new Chalk().level) as 1 | 2 | 3;
}
