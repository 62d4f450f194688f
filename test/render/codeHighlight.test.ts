import { describe, expect, it, vi } from 'vitest';

// The highlighter's colour library reads FORCE_COLOR when it is first imported.
vi.hoisted(() => {
  process.env.FORCE_COLOR = '1';
});

const { fenceLanguage, highlightCode, loadHighlighter } = await import('../../src/render/codeHighlight.js');

describe('code highlighting', () => {
  it('renders code plain until the highlighter is loaded', async () => {
    expect(highlightCode('const a = 1;', 'js', true)).toBe('const a = 1;');
    expect(fenceLanguage('python')).toBeUndefined();
    await loadHighlighter();
  });

  it('colours code whose fence names a known language', () => {
    const out = highlightCode('const answer = 42; // note', 'js', true);
    expect(out).toMatch(/\u001b\[\d+m/);
    expect(out.replace(/\u001b\[\d+m/g, '')).toBe('const answer = 42; // note');
  });

  it('leaves code plain when colour is off or the language is unknown or missing', () => {
    expect(highlightCode('const a = 1;', 'js', false)).toBe('const a = 1;');
    expect(highlightCode('const a = 1;', 'klingon', true)).toBe('const a = 1;');
    expect(highlightCode('const a = 1;', undefined, true)).toBe('const a = 1;');
  });

  it('maps fence info strings to languages without guessing', () => {
    expect(fenceLanguage('python')).toBe('python');
    expect(fenceLanguage('js {1,3}')).toBe('js');
    expect(fenceLanguage('sh')).toBe('bash');
    expect(fenceLanguage('text')).toBeUndefined();
    expect(fenceLanguage('')).toBeUndefined();
    expect(fenceLanguage('not-a-language')).toBeUndefined();
  });
});

describe('code highlighting in a style', () => {
  it('draws each kind of token in its role of the style, and nothing in colours of its own', async () => {
    await loadHighlighter();
    const { ROLE_NAMES } = await import('../../src/render/style.js');
    type Roles = import('../../src/render/style.js').Roles;
    const tagging = Object.fromEntries(ROLE_NAMES.map((name) => [name, (s: string) => `<${name}>${s}</${name}>`])) as Roles;
    const out = highlightCode('def greet(name):\n    return "hi " + name  # say it\n', 'python', true, tagging);
    expect(out).toContain('<codeKeyword>def</codeKeyword>');
    expect(out).toContain('<codeTitle>greet</codeTitle>');
    expect(out).toContain('<codeString>&quot;hi &quot;</codeString>'.replace(/&quot;/g, '"'));
    expect(out).toContain('<codeComment># say it</codeComment>');
    expect(out).not.toMatch(/\u001b\[/);
  });
});

describe('code highlighting from the token tree', () => {
  type Roles = import('../../src/render/style.js').Roles;
  const tagging = async (): Promise<Roles> => {
    const { ROLE_NAMES } = await import('../../src/render/style.js');
    return Object.fromEntries(ROLE_NAMES.map((name) => [name, (s: string) => `<${name}>${s}</${name}>`])) as Roles;
  };

  it('gives keywords and strings the escape sequences of the style\'s code roles', async () => {
    await loadHighlighter();
    const { rolesFor } = await import('../../src/render/painters.js');
    const roles = rolesFor(3, 'dark');
    const out = highlightCode('const greeting = "hello";', 'javascript', true, roles);
    expect(out).toContain(roles.codeKeyword('const'));
    expect(out).toContain(roles.codeString('"hello"'));
    expect(roles.codeKeyword('const')).not.toBe(roles.codeString('const'));
  });

  it('keeps the code\'s characters as they are: no HTML entities, nothing lost or added', async () => {
    await loadHighlighter();
    const code = 'if (a < b && c > d) { s = "<b>&amp;</b>"; }\n\n  // tail & more\n';
    const out = highlightCode(code, 'javascript', true, await tagging());
    expect(out.replace(/<\/?code[A-Za-z]+>/g, '')).toBe(code);
  });

  it('paints a token nested in another in its own role inside the outer one', async () => {
    await loadHighlighter();
    const out = highlightCode('#[cfg(feature = "tools")]\nfn main() {}\n', 'rust', true, await tagging());
    expect(out).toMatch(/<codeMeta>#\[cfg\(feature = <codeString>"tools"<\/codeString>\)\]<\/codeMeta>/);
    expect(out).toContain('<codeKeyword>fn</codeKeyword>');
  });

  it('highlights a language nested in another (a script in HTML) in the inner language\'s tokens', async () => {
    await loadHighlighter();
    const out = highlightCode('<p class="x">hi</p>\n<script>\nconst n = 1;\n</script>\n', 'html', true, await tagging());
    expect(out).toContain('<codeKeyword>const</codeKeyword>');
    expect(out).toContain('<codeString>"x"</codeString>');
    expect(out.replace(/<\/?code[A-Za-z]+>/g, '')).toBe('<p class="x">hi</p>\n<script>\nconst n = 1;\n</script>\n');
  });
});
