import { describe, expect, it } from 'vitest';
import { createPseudoEngine, pseudoLocalise } from '../../src/engines/pseudo-engine.ts';
import { segmentMarkdown } from '../../src/markdown/segment-markdown.ts';
import { segmentOptions } from '../../src/markdown/segment-options.ts';
import { rebuildArticle } from '../../src/markdown/rebuild-article.ts';
import { parseTaggedText } from '../../src/markdown/tagged-text.ts';
import { renderHtml } from '../markdown/helpers.ts';

const markupPattern = /<\/?g\d+>|<x\d+\/>|&(?:amp|lt|gt|quot|apos);/g;
const markupOf = (text: string) => text.match(markupPattern) ?? [];
/** The text an engine may change: what is left between tags and entities, without the brackets and padding. */
const wordsOf = (text: string) => text.replace(markupPattern, '').replace(/^⟦|(?: ·+)?⟧$/g, '');

describe('pseudoLocalise', () => {
  it('accents letters, pads by about 30% and brackets the result', () => {
    expect(pseudoLocalise('Hello world')).toBe('⟦Ĥéļļó ŵóŕļď ···⟧');
  });

  it('keeps pair and atom tags intact and in place', () => {
    expect(pseudoLocalise('Hello <g1>big</g1> world')).toBe('⟦Ĥéļļó <g1>ƀíĝ</g1> ŵóŕļď ····⟧');
    expect(pseudoLocalise('Use <x1/> or <g2>the <g3>new</g3> one</g2><x4/>')).toBe('⟦Úšé <x1/> óŕ <g2>ţĥé <g3>ñéŵ</g3> óñé</g2><x4/> ·····⟧');
  });

  it('keeps XML entities intact', () => {
    const text = 'Tom &amp; Jerry &lt;3 &gt; &quot;quoted&quot; &apos;s';
    const result = pseudoLocalise(text);
    expect(result).toBe('⟦Ţóɱ &amp; Ĵéŕŕý &lt;3 &gt; &quot;ǫúóţéď&quot; &apos;š ·····⟧');
    expect(markupOf(result)).toEqual(markupOf(text));
  });

  it('gives back tagged text that parses to the same tags without problems', () => {
    const text = 'A <g1>b <g2>c</g2></g1> &amp; <x3/> d';
    const source = parseTaggedText(text);
    const result = parseTaggedText(pseudoLocalise(text));
    expect(result.problems).toEqual([]);
    const shape = (nodes: typeof source.nodes): unknown[] => nodes.filter((node) => node.type !== 'text').map((node) => (node.type === 'pair' ? [node.id, shape(node.children)] : node.id));
    expect(shape(result.nodes)).toEqual(shape(source.nodes));
  });

  it('replaces every ASCII letter and leaves digits, punctuation, spacing and other scripts as they are', () => {
    const text = 'The quick brown fox jumps over the lazy dog. THE QUICK BROWN FOX JUMPS OVER THE LAZY DOG!';
    expect(wordsOf(pseudoLocalise(text))).not.toMatch(/[a-zA-Z]/);
    expect(pseudoLocalise('123, 4.5 — ¿ÄÖÜ?\nß')).toBe('⟦123, 4.5 — ¿ÄÖÜ?\nß ·····⟧');
    expect(wordsOf(pseudoLocalise('Line one\nline two'))).toBe('Ļíñé óñé\nļíñé ţŵó');
  });

  it('lengthens the text by padding 30% of its non-space characters, rounded up', () => {
    for (const text of ['a', 'Hello', 'Hello <g1>big</g1> world', 'A much longer sentence that keeps going for a while.']) {
      const visible = text.replace(markupPattern, '').replace(/\s/g, '').length;
      const padding = /⟦[\s\S]* (·+)⟧$/.exec(pseudoLocalise(text))?.[1] ?? '';
      expect(padding.length, text).toBe(Math.ceil(visible * 0.3));
      expect(pseudoLocalise(text).length).toBeGreaterThan(text.length);
    }
  });

  it('brackets text without letters and adds no padding to empty or tag-only text', () => {
    expect(pseudoLocalise('')).toBe('⟦⟧');
    expect(pseudoLocalise('<x1/>')).toBe('⟦<x1/>⟧');
    expect(pseudoLocalise('42')).toBe('⟦42 ·⟧');
  });
});

describe('createPseudoEngine', () => {
  const pair = { source: 'en', target: 'xx' };

  it('accepts every language pair', async () => {
    const engine = createPseudoEngine();
    expect(engine.name).toBe('pseudo');
    await expect(engine.checkPair(pair)).resolves.toBeUndefined();
    await expect(engine.checkPair({ source: 'de', target: 'pt-BR' })).resolves.toBeUndefined();
    await engine.close();
  });

  it('translates a batch in order, one result per input, without touching the input', async () => {
    const engine = createPseudoEngine();
    const texts = ['One', 'Two <g1>words</g1>', '', '<x1/>'];
    const copy = [...texts];
    await expect(engine.translate(texts, pair)).resolves.toEqual(texts.map(pseudoLocalise));
    expect(texts).toEqual(copy);
    await expect(engine.translate([], pair)).resolves.toEqual([]);
  });

  it('produces translations that rebuild into the same document structure without failures', async () => {
    const source = [
      '# Getting *started*',
      '',
      'Install with `npm install` and read [the guide](https://example.com/guide "The guide").',
      '',
      '> Tip: use ![the icon](icon.png) &amp; **bold** words.',
      '',
      '- [x] first',
      '- second item',
      '',
      '| Name | Value |',
      '| --- | --- |',
      '| alpha | 1 |',
      '',
      '```sh',
      'npm test',
      '```',
      '',
    ].join('\n');
    const { segments } = segmentMarkdown(source, segmentOptions([]));
    const translated = await createPseudoEngine().translate(
      segments.map((segment) => segment.text),
      pair,
    );
    const { text, failures } = rebuildArticle(source, segments, new Map(translated.map((value, index) => [index, value])));
    expect(failures).toEqual([]);
    expect(text).toBe(
      [
        '# ⟦Ĝéţţíñĝ *šţáŕţéď* ·····⟧',
        '',
        '⟦Íñšţáļļ ŵíţĥ `npm install` áñď ŕéáď [ţĥé ĝúíďé](https://example.com/guide "⟦Ţĥé ĝúíďé ···⟧"). ·········⟧',
        '',
        '> ⟦Ţíþ: úšé ![⟦ţĥé íçóñ ···⟧](icon.png) &amp; **ƀóļď** ŵóŕďš. ······⟧',
        '',
        '- [x] ⟦ƒíŕšţ ··⟧',
        '- ⟦šéçóñď íţéɱ ···⟧',
        '',
        '| ⟦Ñáɱé ··⟧ | ⟦Ṽáļúé ··⟧ |',
        '| --- | --- |',
        '| ⟦áļþĥá ··⟧ | ⟦1 ·⟧ |',
        '',
        '```sh',
        'npm test',
        '```',
        '',
      ].join('\n'),
    );
    const skeleton = (markdown: string) => renderHtml(markdown).match(/<\/?[a-z][^>]*>/g)!.map((tag) => tag.replace(/ (alt|title)="[^"]*"/g, ''));
    expect(skeleton(text)).toEqual(skeleton(source));
    expect(renderHtml(text)).toContain('<h1>⟦Ĝéţţíñĝ <em>šţáŕţéď</em> ·····⟧</h1>');
  });
});
