import { describe, expect, it } from 'vitest';
import { findLeaks, sourceFacts, type LeakKind } from '../../src/fidelity/leaks.js';

/** The leaks of one kind found in `rendered` (lines of text) for the Markdown `source`. */
function leaks(kind: LeakKind, source: string, rendered: string[], width = 80, mdx = false) {
  return findLeaks(sourceFacts(source), rendered, { width, mdx }).filter((l) => l.kind === kind);
}

describe('raw HTML tags', () => {
  it('finds tags and comments that reach the text, with the source line they come from', () => {
    const found = leaks('tag', 'Intro\n\nA <span style="color:red">red</span> word <!-- hidden -->', ['Intro', '', 'A <span style="color:red">red</span> word <!-- hidden -->']);
    expect(found.map((l) => [l.text, l.line, l.sourceLine])).toEqual([
      ['<span style="color:red">', 3, 3],
      ['</span>', 3, 3],
      ['<!--', 3, 3],
      ['-->', 3, 3],
    ]);
  });

  it('does not flag tags the author escaped, wrote in code, or that are not HTML elements', () => {
    const source = 'Escaped &lt;div&gt; here, `<b>` in code, a `Vec<String>` and Vec<T>.\n\n```html\n<div class="x">\n```';
    const rendered = ['Escaped <div> here, <b> in code, a Vec<String> and Vec<T>.', '', '    <div class="x">'];
    expect(leaks('tag', source, rendered)).toEqual([]);
  });
});

describe('what is not a leak', () => {
  it('takes a wrapped code line continued with ↪ as code', () => {
    const source = '```html\n<div class="before:block before:bg-blue-500 after:flex after:bg-pink-300"></div>\n```';
    expect(leaks('tag', source, ['    <div class="before:block before:bg-blue-500 after:flex', '    ↪ after:bg-pink-300"></div>'], 60)).toEqual([]);
  });

  it('takes a code line whose tabs are shown as spaces as code, and a short piece of a wrapped one', () => {
    const source = '```\n2\t  --> $DIR/enum.rs:9:1\n    .legend { text-align: left; line-height: 18px; color: #555; } .legend i { width: 18px; }</style>\n```';
    const rendered = ['    2     --> $DIR/enum.rs:9:1', '    .legend { text-align: left; line-height: 18px; color: #555; } .legend i {', '    ↪ width: 18px; }</style>'];
    expect(leaks('tag', source, rendered)).toEqual([]);
    expect(leaks('tag', 'A <b>bold</b> move', ['A <b>bold</b> move'])).toHaveLength(2);
  });

  it('takes the text of highlighted <pre> HTML, its entities decoded, as code', () => {
    const source = '<pre><code><span class="c">#&gt; &lt;LEFT_ASSIGN line1="1" col1="3" line2="1" col2="4" start="30" end="31"&gt;&amp;lt;-&lt;/LEFT_ASSIGN&gt;</span></code></pre>';
    const rendered = ['    #> <LEFT_ASSIGN line1="1" col1="3" line2="1" col2="4" start="30" ', '    ↪ end="31">&lt;-</LEFT_ASSIGN>'];
    expect(leaks('entity', source, rendered, 70)).toEqual([]);
    expect(leaks('tag', source, ['    <span class="c">#&gt; &lt;LEFT_ASSIGN line1="1"</span>'], 70).map((l) => l.text)).toEqual(['<span class="c">', '</span>']);
  });

  it('takes a code span wrapped over two lines as code, on both lines', () => {
    const source = 'We could use `<!--- cSpell: ignore CSCW --->` at the top of a post.';
    expect(leaks('tag', source, ['We could use <!---', 'cSpell: ignore CSCW ---> at the top of a post.'])).toEqual([]);
    expect(leaks('tag', 'Text <!-- ignore CSCW --> here `<!-- x`.', ['Text <!--', 'ignore CSCW --> here <!-- x.'])).toHaveLength(2);
  });

  it('takes --> as an arrow when the text writes arrows outside comments, and as a leak otherwise', () => {
    expect(leaks('tag', 'Scale (2x --> 0.5x) here.', ['Scale (2x --> 0.5x) here.'])).toEqual([]);
    expect(leaks('tag', 'Text <!--more--> on.', ['Text more--> on.']).map((l) => l.text)).toEqual(['-->']);
  });

  it('takes what <xmp> holds as code, shown as written', () => {
    expect(leaks('tag', '<xmp>\n<div id="app">\n</xmp>', ['    <div id="app">'])).toEqual([]);
  });

  it('takes shortcodes the source escaped (shown as shortcodes by Hugo) as text', () => {
    expect(leaks('generator', '{{</* figure src="a.png" */>}}', ['{{< figure src="a.png" >}}'])).toEqual([]);
  });
});

describe('entities', () => {
  it('finds named and numeric entities left undecoded', () => {
    const found = leaks('entity', 'A &mdash; B &#8594; C &#x2192; D&nbsp;E', ['A &mdash; B &#8594; C &#x2192; D&nbsp;E']);
    expect(found.map((l) => l.text)).toEqual(['&mdash;', '&#8594;', '&#x2192;', '&nbsp;']);
  });

  it('does not flag decoded text, escaped entities, or ampersands that are not entities', () => {
    expect(leaks('entity', 'A &mdash; B', ['A — B'])).toEqual([]);
    expect(leaks('entity', 'Write &amp;mdash; for a dash', ['Write &mdash; for a dash'])).toEqual([]);
    expect(leaks('entity', 'Tom &foo; Jerry & co;', ['Tom &foo; Jerry & co;'])).toEqual([]);
  });

  it('checks the header lines against the title they come from', () => {
    const found = findLeaks(sourceFacts('Body'), ['Isn&#39;t it', 'meta', '', 'Body'], { width: 80, bodyStart: 3, header: 'Isn&#39;t it' });
    expect(found.map((l) => [l.kind, l.line, l.text])).toEqual([['entity', 1, '&#39;']]);
  });
});

describe('footnotes', () => {
  it('finds references and definitions shown as written', () => {
    const found = leaks('footnote', 'Text[^1] more[^note].\n\n[^1]: The note.', ['Text[^1] more[^note].', '', '[^1]: The note.']);
    expect(found.map((l) => [l.text, l.sourceLine])).toEqual([['[^1]', 1], ['[^note]', 1], ['[^1]', 3]]);
  });

  it('does not flag notes rendered as markers', () => {
    expect(leaks('footnote', 'Text[^1].\n\n[^1]: The note.', ['Text[1].', '', 'Notes', '1. The note.'])).toEqual([]);
  });
});

describe('directives and heading ids', () => {
  it('finds ::: fences and {#id} attributes', () => {
    const source = ':::tip Title\nBe careful.\n:::\n\n## Setup {#setup}';
    const found = leaks('directive', source, [':::tip Title Be careful. :::', '', 'Setup {#setup}']);
    expect(found.map((l) => l.text)).toEqual([':::tip Title Be careful. :::', 'Setup {#setup}']);
  });

  it('does not flag a titled box or a heading without its id', () => {
    expect(leaks('directive', ':::tip Title\nBe careful.\n:::\n\n## Setup {#setup}', ['┃ Title', '┃ Be careful.', '', 'Setup'])).toEqual([]);
  });
});

describe('generator syntax', () => {
  it('finds shortcodes, Liquid tags, kramdown attributes, MDX imports and JSX components, once a line', () => {
    const source = [
      '{{< figure src="a.png" >}}',
      '',
      '{% include note.html %}',
      '',
      'Text',
      '{: .notice}',
      '',
      "import Tabs from '@theme/Tabs';",
      '',
      '<Tabs>',
    ].join('\n');
    const rendered = ['{{< figure src="a.png" >}}', '', '{% include note.html %}', '', 'Text {: .notice}', '', "import Tabs from '@theme/Tabs';", '', '<Tabs>'];
    expect(leaks('generator', source, rendered, 80, true).map((l) => l.sourceLine)).toEqual([1, 3, 6, 8, 10]);
    expect(leaks('generator', source, rendered, 80, false).map((l) => l.sourceLine)).toEqual([1, 3, 6]);
  });

  it('does not take a generic type in Markdown for a JSX component', () => {
    expect(leaks('generator', 'A `Vec` is written Vec<T> in prose.', ['A Vec is written Vec<T> in prose.'])).toEqual([]);
  });

  it('does not flag prose or code that mentions templates', () => {
    const source = 'Templates use `{{ .Title }}` and:\n\n```\n{% raw %}\n```\n\nImport the data from a file.';
    expect(leaks('generator', source, ['Templates use {{ .Title }} and:', '', '    {% raw %}', '', 'Import the data from a file.'])).toEqual([]);
  });
});

describe('math', () => {
  it('finds math that lost characters to Markdown', () => {
    const found = leaks('math', 'Let $$\\mathbf{x}_1, \\dots, \\mathbf{x}_T$$ be.', ['Let $$\\mathbf{x}1, \\dots, \\mathbf{x}T$$ be.']);
    expect(found.map((l) => [l.text, l.sourceLine])).toEqual([['\\mathbf{x}_1, \\dots, \\mathbf{x}_T', 1]]);
  });

  it('does not flag math shown intact, even wrapped over lines', () => {
    expect(leaks('math', 'Let $$\\mathbf{x}_1, \\dots, \\mathbf{x}_T$$ be.', ['Let', '  \\mathbf{x}_1, \\dots,', '  \\mathbf{x}_T', 'be.'])).toEqual([]);
  });

  it('accepts math wrapped inside a table cell, with other cells between its words', () => {
    const source = '| Symbol | Meaning |\n|---|---|\n| $$\\mathbf{X} \\in \\mathbb{R}^{L \\times d}$$ | The input. |';
    const rendered = ['│ Symbol          │ Meaning    │', '│ $\\mathbf{X} \\in │ The input. │', '│ \\mathbb{R}^{L   │            │', '│ \\times d}$      │            │'];
    expect(leaks('math', source, rendered)).toEqual([]);
  });

  it('accepts math broken inside a word by a narrow table column', () => {
    const source = '| Name | Score |\n|---|---|\n| Dot | $$\\boldsymbol{h}_i) = \\boldsymbol{s}_t^\\top\\boldsymbol{h}_i$$ |';
    const rendered = ['│ Name │ Score                             │', '│ Dot  │ $\\boldsymbol{h}_i) = \\boldsymbol{s │', '│      │ }_t^\\top\\boldsymbol{h}_i$         │'];
    expect(leaks('math', source, rendered)).toEqual([]);
    expect(leaks('math', source, ['│ Dot  │ $\\boldsymbol{h}_i) = \\boldsymbol{s │', '│      │ }_t^\\top\\boldsymbol{h}$           │'])).toHaveLength(1);
  });

  it('does not look for math in HTML comments or scripts, which are not shown', () => {
    const source = "<script>MathJax.Hub.Config({inlineMath: [['$','$']]});</script>\n\nText <!-- $$x_1$$ --> here.";
    expect(leaks('math', source, ['Text here.'])).toEqual([]);
  });

  it('accepts math escaped for Markdown shown as the generator shows it', () => {
    const source = 'A set $$\\left\\\\{ x \\right\\\\}$$ here.';
    expect(leaks('math', source, ['A set \\left\\\\{ x \\right\\\\} here.'])).toEqual([]);
    expect(leaks('math', source, ['A set \\left\\{ x \\right\\} here.'])).toEqual([]);
    expect(leaks('math', source, ['A set \\left{ x \\right} here.'])).toHaveLength(1);
  });
});

describe('list numbers of HTML lists and numbered bold paragraphs', () => {
  it('expects the items of raw HTML ordered lists, from their start, and bold numbered paragraphs', () => {
    const source = 'Text:\n\n<ol start="3">\n<li>a</li>\n<li>b<ul><li>x</li></ul></li>\n</ol>\n\n**1. Setup**: done.\n\n**2. Run**: go.';
    expect(leaks('list', source, ['Text:', '', '  3. a', '  4. b', '     • x', '', '1. Setup: done.', '', '2. Run: go.'])).toEqual([]);
  });
});

describe('list numbers', () => {
  const nested = '1. One\n   - a\n   - b\n2. Two';

  it('finds bullets counted into the outer numbering', () => {
    const found = leaks('list', nested, ['1. One', '   2. a', '   3. b', '4. Two']);
    expect(found).toHaveLength(2);
    expect(found.every((l) => l.line >= 2)).toBe(true);
  });

  it('finds an inner ordered list that continues the outer count', () => {
    const found = leaks('list', '1. one\n   1. inner\n   2. inner\n2. two', ['1. one', '   1. inner', '   2. inner', '3. two']);
    expect(found.map((l) => l.text)).toEqual(['3. two']);
  });

  it('does not flag lists numbered as written, numbered headings, or a wrapped line that starts with a number', () => {
    expect(leaks('list', nested, ['1. One', '   • a', '   • b', '2. Two'])).toEqual([]);
    expect(leaks('list', '## 1. Intro\n\n3. three\n4. four', ['1. Intro', '', '3. three', '4. four'])).toEqual([]);
    expect(leaks('list', 'Released on July 19. Release notes are out.', ['Released on July', '19. Release notes are out.'])).toEqual([]);
    expect(leaks('list', '1. Look up the row id --\n   99001. (docs)', ['  1. Look up the row id --', '     99001. (docs)'])).toEqual([]);
  });
});

describe('line width', () => {
  it('finds lines wider than the width in display columns', () => {
    expect(leaks('width', 'x', ['a'.repeat(81), '漢'.repeat(41)]).map((l) => l.line)).toEqual([1, 2]);
  });

  it('does not flag lines that fit, wide characters counted as two columns', () => {
    expect(leaks('width', 'x', ['a'.repeat(80), '漢'.repeat(40)])).toEqual([]);
  });
});
