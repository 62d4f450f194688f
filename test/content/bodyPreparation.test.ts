import { describe, expect, it } from 'vitest';
import { Liquid } from 'liquidjs';
import { prepareHugoBody } from '../../src/content/generators/hugoShortcodes.js';
import { prepareHugoMarkdown } from '../../src/content/generators/hugoBody.js';
import { prepareZolaBody } from '../../src/content/generators/zolaBody.js';
import { LIQUID_MAX_BYTES, makeEngine, renderLiquid, stripKramdown, stripLiquid } from '../../src/content/generators/jekyllBody.js';
import { prepareMdxBody } from '../../src/content/generators/mdxBody.js';
import { withoutExcerpt } from '../../src/content/generators/astro.js';

describe('Hugo shortcodes by meaning', () => {
  it('turns figure into an image line with its caption, and video and gist shortcodes into links', () => {
    expect(prepareHugoBody('{{< figure src="/cat.png" caption="A cat" >}}')).toBe('\n\n![A cat](/cat.png)\n\n');
    expect(prepareHugoBody('{{% figure src="/cat.png" alt="cat" caption="A cat" %}}')).toBe('\n\n![cat](/cat.png)\n\n*A cat*\n\n');
    // A caption with HTML: the image is named by its words, the caption keeps its links.
    expect(prepareHugoBody(`{{< figure src="/cat.png" caption="Photo: <a href='https://example.com/ana'><i class='icon'></i> Ana</a>" >}}`)).toBe(
      "\n\n![Photo: Ana](/cat.png)\n\n*Photo: <a href='https://example.com/ana'><i class='icon'></i> Ana</a>*\n\n",
    );
    expect(prepareHugoBody('{{<youtube dQw4w9WgXcQ>}}')).toContain('[YouTube video](https://www.youtube.com/watch?v=dQw4w9WgXcQ)');
    expect(prepareHugoBody('{{< vimeo id="146022717" >}}')).toContain('(https://vimeo.com/146022717)');
    expect(prepareHugoBody('{{< gist spf13 7896402 >}}')).toContain('(https://gist.github.com/spf13/7896402)');
  });

  it('turns highlight into a fenced code block, with the code as written', () => {
    expect(prepareHugoBody('{{< highlight go "linenos=table" >}}\nx := "{{ y }}"\n{{< /highlight >}}')).toBe('\n\n```go\nx := "{{ y }}"\n```\n\n');
  });

  it('turns notice, admonition and callout into an alert block titled on its first line', () => {
    expect(prepareHugoBody('{{% notice warning "Careful" %}}\nMind the **gap**.\n{{% /notice %}}')).toBe('\n\n> [!WARNING] Careful\n> Mind the **gap**.\n\n');
    expect(prepareHugoBody('{{< callout type="tip" >}}Short.{{< /callout >}}')).toBe('\n\n> [!TIP]\n> Short.\n\n');
  });

  it('turns ref and relref into site paths, param into the site parameter, and hides comments', () => {
    expect(prepareHugoBody('[x]({{< ref "posts/other.md#part" >}})')).toBe('[x](/posts/other/#part)');
    expect(prepareHugoBody('[x]({{< relref "/blog/b/index.md" >}})')).toBe('[x](/blog/b/)');
    expect(prepareHugoBody('By {{% param author %}}.', { params: { author: 'Ada' } })).toBe('By Ada.');
    expect(prepareHugoBody('a {{% comment %}}secret words{{% /comment %}} b')).toBe('a  b');
  });

  it('keeps the inner content of unknown shortcodes, drops unknown standalone ones, and shows escaped ones literally', () => {
    expect(prepareHugoBody('{{< box >}}Inner text.{{< /box >}}')).toBe('Inner text.');
    expect(prepareHugoBody('a {{< tweet-card 123 >}} b')).toBe('a  b');
    expect(prepareHugoBody('{{</* figure src="x" */>}}')).toBe('{{< figure src="x" >}}');
  });

  it('leaves text with braces alone and stays linear on unclosed or hostile input', () => {
    expect(prepareHugoBody('a {{ not a shortcode }} and {{< unclosed')).toBe('a {{ not a shortcode }} and {{< unclosed');
    const hostile = '{{< a '.repeat(50_000) + '{{% b '.repeat(50_000);
    expect(prepareHugoBody(hostile)).toBe(hostile);
    const nested = '{{< box >}}'.repeat(5000) + 'core' + '{{< /box >}}'.repeat(5000);
    expect(prepareHugoBody(nested)).toContain('core');
  });
});

describe('Jekyll Liquid with liquidjs', () => {
  const engine = makeEngine(Liquid, { site: { title: 'My Blog', baseurl: '/blog', url: 'https://example.org' }, postUrl: (name) => (name === '2020-01-02-next' ? '/2020/01/02/next.html' : undefined) });

  it('evaluates site variables, loops, relative_url, absolute_url and post_url', () => {
    expect(renderLiquid(engine, '{{ site.title }}: {% for i in (1..3) %}{{ i }}{% endfor %}')).toBe('My Blog: 123');
    expect(renderLiquid(engine, '{{ page.title }} ({{ page.tags | size }} tags)', { title: 'Post', tags: ['a', 'b'] })).toBe('Post (2 tags)');
    expect(renderLiquid(engine, '{{ "/about/" | relative_url }} {{ "/x" | absolute_url }}')).toBe('/blog/about/ https://example.org/blog/x');
    expect(renderLiquid(engine, '[n]({% post_url 2020-01-02-next %})')).toBe('[n](/blog/2020/01/02/next.html)');
  });

  it('turns highlight into a fenced code block and keeps raw text as written', () => {
    expect(renderLiquid(engine, '{% highlight ruby linenos %}\nputs "{{ x }}"\n{% endhighlight %}')).toBe('\n```ruby\nputs "{{ x }}"\n```\n');
    expect(renderLiquid(engine, '{% raw %}{{ kept }}{% endraw %}')).toBe('{{ kept }}');
  });

  it('shows include as a one-line note and removes tags it does not know, without an exception', () => {
    expect(renderLiquid(engine, '{% include figure.html src="x" %}')).toBe('\n*(included: figure.html)*\n');
    expect(renderLiquid(engine, 'a {% youtube abc %} b {{ site.title }}')).toBe('a  b My Blog');
    expect(renderLiquid(engine, 'a {% if %} b {{ x | }} c')).toBe('a  b  c');
  });

  it('gives the engine bounded input and a time limit: a long loop or a huge body falls back to removal', () => {
    expect(renderLiquid(engine, '{% for i in (1..100000000) %}{{ i }}{% endfor %}done')).toBe('done');
    const big = 'x'.repeat(LIQUID_MAX_BYTES) + '{{ site.title }}';
    expect(renderLiquid(engine, big)).toBe('x'.repeat(LIQUID_MAX_BYTES));
    expect(stripLiquid('{% highlight js %}a{% endhighlight %}{{ gone }}')).toBe('\n```js\na\n```\n');
  });

  it("removes kramdown's attribute lists and turns {:toc} into a pointer to the contents view", () => {
    expect(stripKramdown('A paragraph.\n{: .lead}\n\n*em*{: .x} text')).toBe('A paragraph.\n\n*em* text');
    expect(stripKramdown('* TOC\n{:toc}\n\n## One')).toBe('*Contents: press t for the table of contents.*\n\n## One');
    expect(stripKramdown('```\n{: .kept in code}\n```')).toBe('```\n{: .kept in code}\n```');
    expect(stripKramdown('![x](x.png)\n{: }\n*Caption*')).toBe('![x](x.png)\n*Caption*');
    expect(stripKramdown('{::comment}\nhidden\n{:/comment}\nshown')).toBe('shown');
  });
});

describe('MDX and Docusaurus syntax', () => {
  it('drops import and export lines (with their continuation) and JSX comments', () => {
    expect(prepareMdxBody("import X from 'x';\nexport const meta = {\n  a: 1,\n};\n\nText {/* hidden */} here.")).toBe('\nText  here.');
  });

  it('shows components as their text children or a one-line placeholder, and media with JSX attributes as a placeholder', () => {
    expect(prepareMdxBody('<Server>Server text</Server> and <Video src="/v.mp4" title="Demo" />')).toBe('Server text and [Video: Demo: /v.mp4]');
    expect(prepareMdxBody('<iframe src="https://x.org/e" style={{ width: "100%" }}></iframe>')).toBe('[iframe: https://x.org/e]');
    expect(prepareMdxBody('<Tabs>\n  <TabItem value="a">\n    Inside.\n  </TabItem>\n</Tabs>')).toBe('\n  \n    Inside.\n  \n');
    expect(prepareMdxBody('```jsx\n<Keep />\n```')).toBe('```jsx\n<Keep />\n```');
    expect(prepareMdxBody('a < b and <lowercase> stays')).toBe('a < b and <lowercase> stays');
  });

  it('turns Docusaurus admonitions into alert blocks, and drops truncate markers and heading ids', () => {
    const out = prepareMdxBody(':::info Title\n\nBody **bold**.\n\n:::\n\n## Setup {#setup}\n\n<!-- truncate -->\n', { docusaurus: true });
    expect(out).toBe('> [!NOTE] Title\n>\n> Body **bold**.\n>\n\n\n## Setup\n\n');
  });
});

describe('Hugo references to other posts', () => {
  it('resolves ref and relref to the URL path the site gives the named post, keeping the anchor', () => {
    const resolve = (target: string) => (target === 'blog/with-slug.md' ? '/2025/12/custom-slug/' : undefined);
    expect(prepareHugoBody('[x]({{< ref "blog/with-slug.md#part" >}})', { resolve })).toBe('[x](/2025/12/custom-slug/#part)');
    expect(prepareHugoBody('[y]({{< relref "other.md" >}})', { resolve })).toBe('[y](/other/)');
  });
});

describe('Hugo Markdown after shortcodes', () => {
  it('removes goldmark block attribute lines after a paragraph, a list item, a table or an image', () => {
    const body = 'Para.\n{.mt-3}\n\n- item\n  {.mt-3}\n\n| a |\n|---|\n| 1 |\n{.ot-table-first-col-50}\n\n![x](x.png)\n{#fig .border-0 width="80"}\n';
    expect(prepareHugoMarkdown(body)).toBe('Para.\n\n- item\n\n| a |\n|---|\n| 1 |\n\n![x](x.png)\n');
  });

  it('removes kramdown attribute lists and whole-line Liquid includes left from a Jekyll past, but not in code', () => {
    const body = '~~~\nprint(1)\n~~~\n{:lang=\'python\'}\n\n{% include katex_render.html %}\n\n```\n{% include keep.html %}\n{.keep}\n```\nText {.not-alone} stays.';
    expect(prepareHugoMarkdown(body)).toBe('~~~\nprint(1)\n~~~\n\n\n```\n{% include keep.html %}\n{.keep}\n```\nText {.not-alone} stays.');
  });
});

describe('Zola shortcodes', () => {
  it('turns inline shortcodes into what they mean, and removes unknown ones', () => {
    expect(prepareZolaBody('See {{ youtube(id="dQw4w9WgXcQ", autoplay=true) }} now.')).toBe('See \n\n[YouTube video](https://www.youtube.com/watch?v=dQw4w9WgXcQ)\n\n now.');
    expect(prepareZolaBody('{{ gist(url="https://gist.github.com/Keats/e5fb6aad") }}')).toContain('[Gist](https://gist.github.com/Keats/e5fb6aad)');
    expect(prepareZolaBody('a {{ widget(size=3, tags=["x", "y"]) }} b')).toBe('a  b');
  });

  it('turns shortcodes with a body into their content, notes into a titled box, even when nested', () => {
    expect(prepareZolaBody('{% note(title="Mind the gap") %}\nText **here**.\n{% end %}')).toBe('\n\n> [!NOTE] Mind the gap\n> Text **here**.\n\n');
    expect(prepareZolaBody('{% quote(author="Ada") %}Outer {% em() %}inner{% end %} text{% end %}')).toBe('Outer inner text');
  });

  it('shows an escaped shortcode as written, and leaves code and Tera-free text alone', () => {
    expect(prepareZolaBody('{{/* youtube(id="x") */}}')).toBe('{{ youtube(id="x") }}');
    expect(prepareZolaBody('```\n{{ youtube(id="x") }}\n```')).toBe('```\n{{ youtube(id="x") }}\n```');
    expect(prepareZolaBody('Sets {{a, b}} and {%}')).toBe('Sets {{a, b}} and {%}');
  });
});

describe("a Next.js post's preview", () => {
  it('is left out of the post, as the site shows the post without it; an unclosed marker changes nothing', () => {
    expect(withoutExcerpt('<!--excerpt-->\n\nPreview.\n\n<!--/excerpt-->\n\nPreview.\n\nMore.\n')).toBe('\n\nPreview.\n\nMore.\n');
    expect(withoutExcerpt('A.\n\n<!--excerpt-->\n\nB.\n')).toBe('A.\n\n<!--excerpt-->\n\nB.\n');
  });
});
