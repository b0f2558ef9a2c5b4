import { describe, expect, it } from 'vitest';
import { collectAnchors } from '../../src/anchors/collect-anchors.ts';
import { headingSlugs } from '../../src/anchors/heading-slugs.ts';
import { parseMarkdown } from '../../src/markdown/parse-markdown.ts';

describe('headingSlugs', () => {
  it('gives every heading its slug in document order, setext and nested ones too', () => {
    expect(headingSlugs('# Guide\n\nIntro\n-----\n\n> ## Quoted\n\n- ### In a list\n')).toEqual(['guide', 'intro', 'quoted', 'in-a-list']);
  });

  it('reads inline code, emphasis and link text, and neither image alt text nor HTML tags', () => {
    const markdown = '## The `run()` *function*\n\n## See [the **docs**](https://example.com)\n\n## ![logo](logo.png) Install\n\n## <kbd>Ctrl</kbd> keys\n';
    expect(headingSlugs(markdown)).toEqual(['the-run-function', 'see-the-docs', '-install', 'ctrl-keys']);
  });

  it('gives a heading with a trailing {#id} that id, and leaves it out of the numbering of repeats', () => {
    expect(headingSlugs('## Options {#opts}\n\n## Options\n\n## Options\n')).toEqual(['opts', 'options', 'options-1']);
  });

  it('gives headings without {#id} no anchor under keep', () => {
    expect(headingSlugs('## Options {#opts}\n\n## Usage\n', 'keep')).toEqual(['opts', '']);
  });

  it('ignores headings and ids inside code', () => {
    expect(headingSlugs('## Real\n\n```md\n## Not a heading {#no}\n```\n')).toEqual(['real']);
  });
});

describe('collectAnchors', () => {
  it('collects ids set by hand: {#id}, HTML id on any tag, and name on <a> only', () => {
    const markdown =
      '## Options {#opts}\n\n<a id="setup"></a>\n\nText <span id=\'inline\'>x</span> and <a name="legacy"></a>.\n\n<div data-id="not-an-id" name="not-either"></div>\n\n<!-- <a id="commented"></a> -->\n';
    const anchors = collectAnchors(parseMarkdown(markdown));
    expect([...anchors.explicitIds].sort()).toEqual(['inline', 'legacy', 'opts', 'setup']);
    expect(anchors.headings).toEqual([{ id: 'opts', isExplicit: true, line: 1 }]);
    expect([...anchors.slugIndex]).toEqual([]);
  });

  it('indexes each slug by the position of its heading', () => {
    const anchors = collectAnchors(parseMarkdown('# Guide\n\n## Options {#opts}\n\n## Usage\n'));
    expect([...anchors.slugIndex]).toEqual([
      ['guide', 0],
      ['usage', 2],
    ]);
  });
});
