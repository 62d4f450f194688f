import { describe, expect, it } from 'vitest';
import stripAnsi from 'strip-ansi';
import { renderMarkdown } from '../../src/render/markdownRenderer.js';
import { PLAIN_ROLES, ROLE_NAMES, type Roles } from '../../src/render/style.js';
import { defaultRoles } from '../../src/render/painters.js';

/** A palette that brackets each role's text with the role's name, to see which role painted what. */
function tagging(): Roles {
  return Object.fromEntries(ROLE_NAMES.map((name) => [name, (s: string) => `<${name}>${s}</${name}>`])) as Roles;
}

describe('the roles table', () => {
  it('the default palette styles every role at each colour depth', () => {
    for (const level of [1, 2, 3] as const) {
      const roles = defaultRoles(level);
      for (const name of ROLE_NAMES) {
        expect(typeof roles[name]).toBe('function');
        expect(stripAnsi(roles[name]('x'))).toBe('x');
      }
      expect(roles.heading1('x')).not.toBe('x');
    }
  });

  it('the plain palette and depth 0 leave text as it is', () => {
    for (const name of ROLE_NAMES) expect(PLAIN_ROLES[name]('a*b')).toBe('a*b');
    expect(defaultRoles(0)).toBe(PLAIN_ROLES);
  });

  it('the renderer takes every colour from the palette it is given', () => {
    const md = '# Title\n\n#### Four\n\nSome **bold**, *em*, `code` and [a link](https://example.com).\n\n> quoted\n';
    const text = renderMarkdown(md, { width: 400, color: true, roles: tagging() }).lines.join('\n');
    expect(text).toContain('<heading1>Title</heading1>');
    expect(text).toContain('<heading4>');
    expect(text).toContain('<strong>bold</strong>');
    expect(text).toContain('<em>em</em>');
    expect(text).toContain('<code>code</code>');
    expect(text).toContain('<link>a link</link>');
    expect(text).toContain('<quoteBar>');
  });

  it('without colour no palette is applied', () => {
    const text = renderMarkdown('# Title\n\n**bold**\n', { width: 80, color: false, roles: tagging() }).lines.join('\n');
    expect(text).not.toContain('<');
  });
});
