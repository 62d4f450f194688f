import { describe, expect, it } from 'vitest';
import { entryFromSource } from '../../src/content/postEntry.js';

describe('HTML entities outside post bodies', () => {
  it('decodes named and numeric entities in titles, tags and front matter summaries', () => {
    const entry = entryFromSource(
      '---\ntitle: "Isn&#39;t it &mdash; A &amp; B &rarr; &copy;"\ntags: ["C&#x2B;&#x2B;", "R&amp;D"]\ncategories: "&bullet; misc"\nsummary: "Costs &pound;5&nbsp;&hellip;"\n---\nBody.\n',
      'x.md',
    );
    expect(entry.title).toBe('Isn’t it — A & B → ©'.replace('’', "'"));
    expect(entry.tags).toEqual(['C++', 'R&D', '• misc']);
    expect(entry.summary).toBe('Costs £5\u00a0…');
  });

  it('decodes once: an escaped entity stays an entity', () => {
    expect(entryFromSource('---\ntitle: "Write &amp;mdash; for a dash"\n---\n', 'x.md').title).toBe('Write &mdash; for a dash');
  });

  it('decodes entities in the first paragraph and in a title taken from the first heading', () => {
    const entry = entryFromSource("# Tom &amp; Jerry&#39;s\n\nIt isn't &ldquo;done&rdquo; &ndash; yet.\n", 'x.md');
    expect(entry.title).toBe("Tom & Jerry's");
    expect(entry.summary).toBe("It isn't “done” – yet.");
  });
});

describe('titles from the first heading', () => {
  it('leave out a written heading id and attributes', () => {
    expect(entryFromSource('# Welcome {#top}\n\nText.\n', 'x.md').title).toBe('Welcome');
    expect(entryFromSource('# Setup {#setup .wide}\n', 'x.md').title).toBe('Setup');
    expect(entryFromSource('# Sets {#a} and {b}\n', 'x.md').title).toBe('Sets {#a} and {b}');
  });
});

describe('summaries from the first paragraph', () => {
  const summary = (body: string) => entryFromSource(`---\ntitle: T\n---\n${body}`, 'x.md').summary;

  it('hold no raw HTML: tags, comments and scripts are removed, their text kept where a reader sees it', () => {
    expect(summary('A <span style="color:red">red</span> word<!-- a > b -->, <kbd>Ctrl</kbd>+<kbd>C</kbd>.<script>x()</script>')).toBe('A red word, Ctrl+C.');
  });

  it('hold no footnote references', () => {
    expect(summary('A claim[^1] and another[^note].\n\n[^1]: The source.\n[^note]: More.')).toBe('A claim and another.');
  });

  it('show math as its TeX, without delimiters and untouched by Markdown', () => {
    expect(summary('Sample $\\mathbf{x}_t$ at step $$t_1 * t_2$$ with \\\\(f_{\\text{enc}}\\\\) for $5.')).toBe('Sample \\mathbf{x}_t at step t_1 * t_2 with f_{\\text{enc}} for $5.');
  });

  it('keep text the author escaped: &lt;div&gt; is shown as <div>', () => {
    expect(summary('Use &lt;div&gt; and `<span>` here.')).toBe('Use <div> and <span> here.');
  });
});
