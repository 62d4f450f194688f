import { describe, expect, it } from 'vitest';
import stripAnsi from 'strip-ansi';
import stringWidth from 'string-width';
import { renderMarkdown } from '../../src/render/markdownRenderer.js';
import { wrapRanges } from '../../src/render/inlineText.js';
import { superscript, subscript } from '../../src/render/scripts.js';

const render = (markdown: string, width = 60) => renderMarkdown(markdown, { width, color: false });
const lines = (markdown: string, width = 60) => render(markdown, width).lines;
const text = (markdown: string, width = 60) => lines(markdown, width).join('\n');

describe('lists', () => {
  it('numbers an ordered list around a nested bullet list from its own count', () => {
    expect(lines('1. One\n   - a\n   - b\n2. Two\n')).toEqual(['  1. One', '     ◦ a', '     ◦ b', '  2. Two']);
  });

  it('numbers an inner ordered list from 1 and the outer one on from where it was', () => {
    expect(lines('1. one\n   1. inner\n   2. inner\n2. two\n')).toEqual(['  1. one', '     1. inner', '     2. inner', '  2. two']);
  });

  it('numbers an ordered list inside a bullet list', () => {
    expect(lines('- Bullet\n  1. first\n  2. second\n- Again\n')).toEqual(['  • Bullet', '    1. first', '    2. second', '  • Again']);
  });

  it('starts at the list start number and aligns numbers of different widths', () => {
    expect(lines('9. nine\n10. ten\n')).toEqual(['   9. nine', '  10. ten']);
  });

  it('keeps blank lines between loose items only', () => {
    expect(lines('- a\n\n- b\n')).toEqual(['  • a', '', '  • b']);
    expect(lines('- a\n- b\n')).toEqual(['  • a', '  • b']);
  });

  it('shows task boxes once, with their inline markup rendered', () => {
    expect(lines('- [ ] open **task**\n- [x] done\n')).toEqual(['  ☐ open task', '  ☒ done']);
  });

  it('wraps item text under the item, not under the marker', () => {
    const out = lines('1. ' + 'word '.repeat(20), 30);
    expect(out[0]).toMatch(/^ {2}1\. word/);
    for (const line of out.slice(1)) expect(line).toMatch(/^ {5}word/);
  });
});

describe('raw HTML', () => {
  it('renders inline tags by meaning and never shows a tag', () => {
    const out = text('Press <kbd>Ctrl</kbd>+<kbd>C</kbd>, H<sub>2</sub>O, x<sup>2</sup>, <span style="x">span</span> <b>b</b>.');
    expect(out).toBe('Press Ctrl+C, H₂O, x², span b.');
  });

  it('breaks lines at <br>, in paragraphs and in table cells', () => {
    expect(lines('one<br>two')).toEqual(['one', 'two']);
    const table = text('| a | b |\n|---|---|\n| 1<br>2 | x |\n');
    expect(table).toContain('│ 1 │ x │');
    expect(table).toContain('│ 2 │   │');
  });

  it('shows the content of <xmp> as written, as code, tags and all', () => {
    expect(lines('<xmp>\n<div id="app">\n  <h2>Hi</h2>\n</div>\n</xmp>\n')).toEqual(['    <div id="app">', '      <h2>Hi</h2>', '    </div>']);
  });

  it('hides comments, scripts and styles', () => {
    const out = text('<!-- secret -->\n\nText <!-- inline secret --> here.\n\n<script>alert(1)</script>\n<style>.x{}</style>\n');
    expect(out).toBe('Text here.');
  });

  it('shows <details> as its summary, then its content', () => {
    expect(lines('<details>\n<summary>More</summary>\n\nInner *text*.\n\n</details>\n')).toEqual(['▸ More', '', 'Inner text.']);
  });

  it('draws HTML tables as tables and <pre> as code', () => {
    const out = lines('<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table>\n\n<pre>x &lt; y\n  z</pre>\n');
    expect(out).toEqual(['┌───┬───┐', '│ A │ B │', '├───┼───┤', '│ 1 │ 2 │', '└───┴───┘', '', '    x < y', '      z']);
  });

  it('keeps an HTML table whole when blank lines split it into several Markdown HTML blocks', () => {
    const source = '<table>\n<thead>\n<tr><th>When</th><th>What</th></tr>\n</thead>\n\n<tbody>\n<tr>\n<td>May</td>\n<td>Talk</td>\n</tr>\n\n<tr><td>June</td><td>Workshop</td></tr>\n</tbody>\n</table>\n\nAfter.\n';
    expect(lines(source)).toEqual([
      '┌──────┬──────────┐', '│ When │ What     │', '├──────┼──────────┤', '│ May  │ Talk     │', '│ June │ Workshop │', '└──────┴──────────┘', '', 'After.',
    ]);
  });

  it('renders Markdown between HTML blocks as Markdown once the HTML table is closed', () => {
    expect(lines('<table><tr><td>1</td></tr>\n\n</table>\n\n**Bold** text.\n')).toEqual(['┌───┐', '│ 1 │', '└───┘', '', 'Bold text.']);
  });

  it('names embedded media and where they come from, in one line', () => {
    const rendered = render('<iframe src="https://video.example/embed/1" title="Talk"></iframe>\n\n<video><source src="/clip.mp4"></video>\n');
    expect(rendered.lines).toEqual(['[embedded page: Talk] https://video.example/embed/1', '', '[video] /clip.mp4']);
    expect(rendered.links.map((l) => l.href)).toEqual(['https://video.example/embed/1', '/clip.mp4']);
  });

  it('shows images as image lines and puts them in the link list', () => {
    const rendered = render('<img src="/a.png" alt="A chart">\n\n![Alt text](/b.png)\n');
    expect(rendered.lines).toEqual(['[image: A chart]', '', '[image: Alt text]']);
    expect(rendered.links.map((l) => l.href)).toEqual(['/a.png', '/b.png']);
  });

  it('decodes every named and numeric entity, in Markdown and in HTML', () => {
    expect(text('&mdash; &rarr; &copy; &bullet; &#8220;q&#8221; &#x2603; &amp;lt;')).toBe('— → © • “q” ☃ &lt;');
    expect(text('<p>&hellip; &euro;</p>')).toBe('… €');
  });

  it('shows a control character named by an entity visibly, never raw', () => {
    const out = render('a &#27;[31m b', 40).lines.join('\n');
    expect(out).not.toContain('\u001b');
    expect(out).toContain('^[');
  });
});

describe('footnotes', () => {
  it('shows references as numbers in order of use and gathers the notes at the end', () => {
    const out = lines('First[^b] then[^a].\n\n[^a]: Note A.\n[^b]: Note B,\n    continued.\n');
    expect(out).toEqual(['First[1] then[2].', '', 'Notes', '─────', '', '[1] Note B, continued.', '', '[2] Note A.']);
  });

  it('offers each note in the link list, leading to its line', () => {
    const rendered = render('Claim[^1].\n\n[^1]: The note.\n');
    const note = rendered.links.find((l) => l.kind === 'note')!;
    expect(note.text).toBe('note 1: The note.');
    expect(rendered.lines[note.line!]).toBe('[1] The note.');
  });

  it('reads a reference followed by a colon in running text as a reference', () => {
    expect(lines('Run this[^cmd]:\n\n[^cmd]: A note.\n')[0]).toBe('Run this[1]:');
  });

  it('leaves a reference without a definition as written', () => {
    expect(text('See[^missing].')).toBe('See[^missing].');
  });
});

describe('math', () => {
  it('keeps inline math that is not simple intact, underscores included', () => {
    expect(text('Sum $x_1 + p_\\theta$ and \\( f_{\\text{enc}} \\) here.')).toBe('Sum $x_1 + p_\\theta$ and $f_{\\text{enc}}$ here.');
  });

  it('sets displayed math apart like code, intact', () => {
    expect(lines('$$\\mathbf{x}_1, \\dots, \\mathbf{x}_T$$\n')).toEqual(['    \\mathbf{x}_1, \\dots, \\mathbf{x}_T']);
    expect(lines('\\[\na_1^2\n\\]\n')).toEqual(['    a_1^2']);
  });

  it('does not read prices as math', () => {
    expect(text('It costs $5 and $6 today.')).toBe('It costs $5 and $6 today.');
  });
});

describe('anchors and in-page links', () => {
  it('shows in-page links as their text and resolves them to the heading line', () => {
    const rendered = render('- [Intro](#introduction)\n\n## Introduction\n\nText.\n');
    expect(rendered.lines[0]).toBe('  • Intro');
    const jump = rendered.links[0]!;
    expect(jump).toMatchObject({ kind: 'jump', target: 'introduction' });
    expect(rendered.lines[jump.line!]).toBe('Introduction');
  });

  it('hides written heading ids and resolves links to them', () => {
    const rendered = render('## Title {#custom}\n\n[go](#custom)\n');
    expect(rendered.lines[0]).toBe('Title');
    expect(rendered.anchors.get('custom')).toBe(0);
    expect(rendered.links[0]!.line).toBe(0);
  });

  it('counts <a id> and HTML ids as anchors, and makes repeated heading ids unique', () => {
    const rendered = render('## A\n\n<a id="here"></a>\n\nPara.\n\n## A\n');
    expect(rendered.anchors.get('here')).toBe(3);
    expect(rendered.anchors.get('a')).toBe(0);
    expect(rendered.anchors.get('a-1')).toBe(5);
  });

  it("takes a link to the post's own address with a fragment as an in-page jump, and others' as links", () => {
    const markdown = '- [Intro](/blog/2023/post/#introduction)\n- [Other](/blog/2023/other#introduction)\n\n## Introduction\n';
    const rendered = renderMarkdown(markdown, { width: 60, color: false, page: '/blog/2023/post/', linkList: true });
    expect(rendered.lines.slice(0, 2)).toEqual(['  • Intro', '  • Other[1]']);
    expect(rendered.links.map((l) => [l.kind, l.target])).toEqual([['jump', 'introduction'], ['link', undefined]]);
    expect(rendered.lines[rendered.links[0]!.line!]).toBe('Introduction');
    const feed = renderMarkdown('[a](https://blog.example/p/x.html#end) [b](x.html#end) [c](https://elsewhere.example/p/x.html#end)\n\n## End\n', { width: 60, color: false, page: 'https://blog.example/p/x.html' });
    expect(feed.links.map((l) => l.kind)).toEqual(['jump', 'jump', 'link']);
  });

  it('marks a jump whose target the post does not have', () => {
    expect(render('[x](#nowhere)').links[0]).toEqual({ text: 'x', href: '#nowhere', target: 'nowhere', kind: 'jump' });
  });
});

describe('alerts and admonitions', () => {
  it('draws a GitHub alert as a titled box', () => {
    expect(lines('> [!WARNING]\n> Careful.\n', 20)).toEqual(['╭─ Warning ─────────', '│ Careful.', '╰───────────────────']);
  });

  it('draws a ::: container with its title, nested Markdown inside', () => {
    expect(lines(':::tip Pro tip\nUse **it**.\n:::\n', 24)).toEqual(['╭─ Tip: Pro tip ────────', '│ Use it.', '╰───────────────────────']);
  });

  it('draws an alert titled on its first line as the same titled box as a ::: container', () => {
    expect(lines('> [!TIP] Pro tip\n> Use **it**.\n', 24)).toEqual(lines(':::tip Pro tip\nUse **it**.\n:::\n', 24));
  });

  it('names a Docusaurus kind as the post writes it, drawn in the style of one of the five', () => {
    expect(lines(':::danger\nNo.\n:::\n', 20)[0]).toBe('╭─ Danger ──────────');
    expect(lines(':::info\nYes.\n:::\n', 20)[0]).toBe('╭─ Info ────────────');
    expect(lines(':::info Heads up\nYes.\n:::\n', 24)[0]).toBe('╭─ Info: Heads up ──────');
  });
});

describe('URLs, tables and headings', () => {
  it('breaks a URL longer than the line only after URL punctuation', () => {
    const url = 'https://example.com/a/very/long/path/with/many/segments/that/does/not/fit';
    const out = lines(url, 30);
    expect(out.join('')).toBe(url);
    for (const line of out.slice(0, -1)) expect(line).toMatch(/[/.\-?&=_#]$/);
  });

  it('keeps a URL that fits on a line whole', () => {
    const out = lines('Some words before https://example.com/a/b/c', 30);
    expect(out).toEqual(['Some words before', 'https://example.com/a/b/c']);
  });

  it('shows links in table cells as their text, the URL going to the link list', () => {
    const rendered = render('| a |\n|---|\n| [docs](https://example.com/docs) |\n');
    expect(rendered.lines.join('\n')).not.toContain('https://');
    expect(rendered.links[0]!.href).toBe('https://example.com/docs');
  });

  it('draws every heading level differently without colour', () => {
    const out = lines('# 1\n\n## 2\n\n### 3\n\n#### 4\n\n##### 5\n\n###### 6\n');
    expect(out).toEqual(['1', '═', '', '2', '─', '', '3', '┄', '', '▪ 4', '', '▫ 5', '', '· 6']);
  });

  it('gives every heading level its own colour role', () => {
    const colored = renderMarkdown('#### Four\n\n##### Five\n', { width: 40, color: true }).lines;
    expect(colored[0]).not.toBe(colored[2]!.replace('Five', 'Four').replace('▫', '▪'));
  });

  it('never shows trailing hard-break spaces', () => {
    for (const line of lines('one  \ntwo   \nthree\n')) expect(line).toBe(line.trimEnd());
    expect(lines('one  \ntwo\n')).toEqual(['one', 'two']);
  });
});

describe('wrapping inline text', () => {
  it('wraps text without spaces (CJK) beside wide characters, within the width', () => {
    const out = lines('漢'.repeat(50), 21);
    for (const line of out) expect(stringWidth(line)).toBeLessThanOrEqual(21);
    expect(out.join('')).toBe('漢'.repeat(50));
  });

  it('returns ranges that cover every word exactly once', () => {
    const source = 'alpha beta gamma delta epsilon';
    const words = wrapRanges(source, 11).map(([s, e]) => source.slice(s, e));
    expect(words).toEqual(['alpha beta', 'gamma delta', 'epsilon']);
  });

  it('keeps every styled line within the width with colour on', () => {
    const out = renderMarkdown('**bold ' + 'word '.repeat(40) + '** and [a link](https://example.com) ' + 'more '.repeat(20), { width: 30, color: true, hyperlinks: true }).lines;
    for (const line of out) expect(stringWidth(stripAnsi(line))).toBeLessThanOrEqual(30);
  });
});

describe('superscript and subscript characters', () => {
  it('uses Unicode forms where they all exist, else a marked fallback', () => {
    expect(superscript('2')).toBe('²');
    expect(superscript('th')).toBe('ᵗʰ');
    expect(subscript('2')).toBe('₂');
    expect(superscript('Q!')).toBe('^(Q!)');
    expect(subscript('y')).toBe('_(y)');
  });
});
