import { describe, expect, it } from 'vitest';
import type { ArticleReview, ReviewSegment } from '../../src/review/review-types.ts';
import { targetStamp } from '../../src/review/xliff/target-stamp.ts';
import { writeXliff } from '../../src/review/xliff/write-xliff.ts';
import { xliffToTagged } from '../../src/review/xliff/xliff-inline.ts';
import { parseXml } from '../../src/xml/parse-xml.ts';
import { childElements, nodeName, type XmlNode } from '../../src/xml/xml-node.ts';

function segment(fields: Partial<ReviewSegment> & Pick<ReviewSegment, 'index' | 'id' | 'source'>): ReviewSegment {
  return { kind: 'paragraph', line: 1, sourceMarkdown: '', state: 'initial', needsReview: false, tags: [], terms: [], termRanges: [], findings: [], suggestions: [], ...fields };
}

const article: ArticleReview = {
  file: 'guides/river.md',
  language: 'es',
  outputPath: '/project/articles/es/guides/river.md',
  counts: { segments: 3, reviewed: 1, machine: 1, needsReview: 1, untranslated: 1, qaErrors: 0 },
  segments: [
    segment({ index: 0, id: 'aaaa000000000000', kind: 'heading', source: 'Rivers of Chongqing', target: 'Ríos de Chongqing', state: 'reviewed', terms: [{ termId: 'chongqing', source: 'Chongqing', target: 'Chongqing', isPresent: true, notes: ['The city, not the municipality.'] }] }),
    segment({
      index: 1,
      id: 'bbbb000000000000',
      source: 'Visit <g1>Chongqing</g1> &amp; run <x2/> &lt;now&gt;.',
      target: 'Visite <g1>Chongqing</g1> y ejecute <x2/> &lt;ya&gt;.',
      state: 'translated',
      needsReview: true,
      tags: [
        { id: 1, kind: 'pair', open: '[', close: '](https://example.com/?a=1&b=2)' },
        { id: 2, kind: 'atom', open: '`npm ci`' },
      ],
      findings: [{ check: 'end-punctuation', severity: 'warning', file: 'guides/river.md', language: 'es', line: 3, message: 'The source ends a sentence and the translation does not.', text: 'Visite' }],
    }),
    segment({ index: 2, id: 'cccc000000000000', source: 'Not yet.' }),
  ],
};

describe('writeXliff', () => {
  it('writes one unit per segment with inline codes, their markdown, notes and states', () => {
    expect(writeXliff(article, 'en')).toBe(`<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" xmlns:jl="urn:jialing:xliff:1" version="2.1" srcLang="en" trgLang="es">
  <file id="f1" original="guides/river.md" canResegment="no" jl:language="es">
    <unit id="u0" name="aaaa000000000000" jl:base="${targetStamp('Ríos de Chongqing')}" xml:space="preserve">
      <notes>
        <note category="glossary">Chongqing → Chongqing: The city, not the municipality.</note>
      </notes>
      <segment id="s0" state="reviewed">
        <source>Rivers of Chongqing</source>
        <target>Ríos de Chongqing</target>
      </segment>
    </unit>
    <unit id="u1" name="bbbb000000000000" jl:base="${targetStamp(article.segments[1]!.target)}" xml:space="preserve">
      <notes>
        <note category="review" appliesTo="target" priority="1">The source changed since a person reviewed this segment: check the translation.</note>
        <note category="qa" appliesTo="target" priority="5">warning end-punctuation: The source ends a sentence and the translation does not.</note>
      </notes>
      <originalData>
        <data id="d1">[</data>
        <data id="d1-end">](https://example.com/?a=1&amp;b=2)</data>
        <data id="d2">\`npm ci\`</data>
      </originalData>
      <segment id="s1" state="translated" subState="jialing:needs-review">
        <source>Visit <pc id="1" dataRefStart="d1" dataRefEnd="d1-end">Chongqing</pc> &amp; run <ph id="2" dataRef="d2"/> &lt;now&gt;.</source>
        <target>Visite <pc id="1" dataRefStart="d1" dataRefEnd="d1-end">Chongqing</pc> y ejecute <ph id="2" dataRef="d2"/> &lt;ya&gt;.</target>
      </segment>
    </unit>
    <unit id="u2" name="cccc000000000000" jl:base="none" xml:space="preserve">
      <segment id="s2" state="initial">
        <source>Not yet.</source>
      </segment>
    </unit>
  </file>
</xliff>
`);
  });

  it('writes characters XML cannot hold as <cp> and reads them back', () => {
    const withControl = { ...article, segments: [segment({ index: 0, id: 'dddd000000000000', source: 'Bell \u0007 here', target: 'Campana \u0007 aquí', state: 'translated' })] };
    const xliff = writeXliff(withControl, 'en');
    expect(xliff).toContain('<source>Bell <cp hex="0007"/> here</source>');
    const target = findElement(parsed(xliff), 'target');
    expect(xliffToTagged(target)).toEqual({ text: 'Campana \u0007 aquí', codes: [] });
  });

  it('reads its own inline codes back as the tagged text they came from', () => {
    const target = findElement(parsed(writeXliff(article, 'en')), 'target', 1);
    expect(xliffToTagged(target)).toEqual({
      text: 'Visite <g1>Chongqing</g1> y ejecute <x2/> &lt;ya&gt;.',
      codes: [
        { id: 1, kind: 'pair' },
        { id: 2, kind: 'atom' },
      ],
    });
  });
});

function parsed(xml: string): XmlNode[] {
  const result = parseXml(xml);
  if ('problem' in result) throw new Error(result.problem.message);
  return result.nodes;
}

function findElement(nodes: readonly XmlNode[], name: string, occurrence = 0): XmlNode {
  const found: XmlNode[] = [];
  const walk = (list: readonly XmlNode[]) => {
    for (const node of list) {
      if (nodeName(node) === name) found.push(node);
      walk(childElements(node));
    }
  };
  walk(nodes);
  if (!found[occurrence]) throw new Error(`no <${name}> #${occurrence}`);
  return found[occurrence];
}
