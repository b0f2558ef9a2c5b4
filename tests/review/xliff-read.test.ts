import { describe, expect, it } from 'vitest';
import type { ArticleReview, ReviewSegment } from '../../src/review/review-types.ts';
import { planXliffImport } from '../../src/review/xliff/plan-xliff-import.ts';
import { readXliff } from '../../src/review/xliff/read-xliff.ts';
import { writeXliff } from '../../src/review/xliff/write-xliff.ts';
import { XliffError } from '../../src/review/xliff/xliff-error.ts';

function segment(fields: Partial<ReviewSegment> & Pick<ReviewSegment, 'index' | 'id' | 'source'>): ReviewSegment {
  return { kind: 'paragraph', line: 1, sourceMarkdown: '', state: 'initial', needsReview: false, tags: [], terms: [], termRanges: [], findings: [], suggestions: [], ...fields };
}

const article: ArticleReview = {
  file: 'river.md',
  language: 'es',
  outputPath: '/project/articles/es/river.md',
  counts: { segments: 3, reviewed: 1, machine: 1, needsReview: 0, untranslated: 1, qaErrors: 0 },
  segments: [
    segment({ index: 0, id: 'aaaa000000000000', kind: 'heading', source: 'Rivers', target: 'Ríos', state: 'reviewed' }),
    segment({
      index: 1,
      id: 'bbbb000000000000',
      source: 'Visit <g1>the <g3>old</g3> town</g1> and run <x2/>.',
      target: 'Visite <g1>el casco <g3>antiguo</g3></g1> y ejecute <x2/>.',
      state: 'translated',
      tags: [
        { id: 1, kind: 'pair', open: '[', close: '](https://example.com)' },
        { id: 2, kind: 'atom', open: '`npm ci`' },
        { id: 3, kind: 'pair', open: '*', close: '*' },
      ],
    }),
    segment({ index: 2, id: 'cccc000000000000', source: 'Not yet.' }),
  ],
};

const exported = writeXliff(article, 'en');
const sourceOne = 'Visit <pc id="1" dataRefStart="d1" dataRefEnd="d1-end">the <pc id="3" dataRefStart="d3" dataRefEnd="d3-end">old</pc> town</pc> and run <ph id="2" dataRef="d2"/>.';
const targetOne = 'Visite <pc id="1" dataRefStart="d1" dataRefEnd="d1-end">el casco <pc id="3" dataRefStart="d3" dataRefEnd="d3-end">antiguo</pc></pc> y ejecute <ph id="2" dataRef="d2"/>.';

/** The exported document with its second unit's target (and state) replaced. */
function withTarget(target: string, state = 'translated'): string {
  return exported.replace(`<segment id="s1" state="translated">`, `<segment id="s1" state="${state}">`).replace(`<target>${targetOne}</target>`, `<target>${target}</target>`);
}

function plan(xliff: string) {
  return planXliffImport(readXliff(xliff, 'river.xlf'), article);
}

function problemsOf(xliff: string): string {
  const result = plan(xliff);
  return result.problems.map((problem) => `line ${problem.line}, ${problem.unit}: ${problem.message}`).join('\n');
}

function rejection(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(XliffError);
    return (error as XliffError).message;
  }
  throw new Error('expected an XliffError');
}

describe('planXliffImport', () => {
  it('finds nothing to store in the document as exported', () => {
    expect(exported).toContain(`<target>${targetOne}</target>`);
    expect(exported).toContain(`<source>${sourceOne}</source>`);
    expect(plan(exported)).toEqual({ edits: [], unchanged: 3, notImported: [], problems: [], conflicts: [] });
  });

  it('stores a changed target as tagged text with the source tag ids, codes moved as the translation needs', () => {
    const edited = withTarget('Visite <ph id="2"/> en <pc id="1"><pc id="3">el antiguo</pc> casco</pc> &amp; más.');
    expect(plan(edited)).toEqual({ edits: [{ index: 1, id: 'bbbb000000000000', target: 'Visite <x2/> en <g1><g3>el antiguo</g3> casco</g1> &amp; más.' }], unchanged: 2, notImported: [], problems: [], conflicts: [] });
  });

  it('stores an unchanged target whose state was raised to reviewed or final, not one already reviewed', () => {
    expect(plan(withTarget(targetOne, 'reviewed')).edits).toEqual([{ index: 1, id: 'bbbb000000000000', target: 'Visite <g1>el casco <g3>antiguo</g3></g1> y ejecute <x2/>.' }]);
    expect(plan(withTarget(targetOne, 'final')).edits).toHaveLength(1);
    expect(plan(exported.replace('<segment id="s0" state="reviewed">', '<segment id="s0" state="final">')).edits).toEqual([]);
  });

  it('does not take a changed target still marked initial as a translation', () => {
    expect(plan(withTarget('Otra cosa <pc id="1">a <pc id="3">b</pc></pc> <ph id="2"/>', 'initial'))).toMatchObject({
      edits: [],
      notImported: [{ unit: 'u1', reason: expect.stringContaining('state is still "initial"') }],
    });
  });

  it('says so when a translated segment comes back with an empty target, and stores nothing for it', () => {
    expect(plan(withTarget('', 'reviewed'))).toMatchObject({
      edits: [],
      notImported: [{ unit: 'u1', reason: expect.stringContaining('its target is empty') }],
    });
  });

  it('reads <sc>/<ec> pairs and annotations as the codes and text they hold', () => {
    const edited = withTarget('<mrk id="m1" type="comment" value="ok">Visite</mrk> <sc id="1"/>el <pc id="3">viejo</pc> casco<ec startRef="1"/> <ph id="2"/><sm id="m2"/>.');
    expect(plan(edited).edits).toEqual([{ index: 1, id: 'bbbb000000000000', target: 'Visite <g1>el <g3>viejo</g3> casco</g1> <x2/>.' }]);
  });

  it('treats an empty target as no translation', () => {
    expect(plan(exported.replace('<source>Not yet.</source>', '<source>Not yet.</source>\n        <target/>'))).toMatchObject({ edits: [], unchanged: 3 });
  });

  it('rejects a unit whose segment index the article does not have', () => {
    expect(problemsOf(exported.replace('<unit id="u2"', '<unit id="u7"'))).toBe('line 23, u7: names no translatable segment of river.md; the file may belong to another article or an older version of it.');
  });

  it('rejects a unit whose source changed since the export', () => {
    expect(problemsOf(exported.replace('name="cccc000000000000"', 'name="ffff000000000000"'))).toBe('line 23, u2: its source changed since the export (segment id ffff000000000000, now cccc000000000000): the article was edited.');
    expect(problemsOf(exported.replace('<source>Not yet.</source>', '<source>Not now.</source>'))).toContain("u2: the <source> text differs from the article's");
  });

  it('rejects a target that lacks, adds, repeats or swaps inline codes', () => {
    expect(problemsOf(withTarget('Visite <pc id="1">el casco antiguo</pc> y <ph id="2"/>.'))).toBe(
      'line 10, u1: the target lacks <pc id="3"> (markdown "*…*"); every inline code of the source must be in the target once.',
    );
    expect(problemsOf(withTarget(`${targetOne}<ph id="9"/>`))).toContain('u1: the target has <ph id="9"/>, which is not an inline code of the source.');
    expect(problemsOf(withTarget(`${targetOne}<ph id="2"/>`))).toContain('u1: the target has <ph id="2"/> 2 times; each inline code must be there once.');
    expect(problemsOf(withTarget('Visite <pc id="1">el <pc id="3">casco</pc></pc> <pc id="2">y</pc>.'))).toContain('u1: the target has <pc id="2"> where the source has <ph id="2"/>.');
    expect(problemsOf(withTarget('Visite <pc id="a">x</pc>'))).toContain('u1: <target>: <pc id="a"> is not one of the source\'s inline codes');
  });

  it('rejects codes that are not balanced or overlap', () => {
    expect(problemsOf(withTarget('Visite <sc id="1"/>el <pc id="3">casco</pc> <ph id="2"/>.'))).toBe('line 10, u1: <target>: <sc id="1"> is never closed by an <ec startRef="1">.');
    expect(problemsOf(withTarget('Visite el <pc id="3">casco<ec startRef="1"/></pc> <ph id="2"/>.'))).toContain('u1: <target>: <ec startRef="1"> ends a code that no <sc> before it starts.');
    expect(problemsOf(withTarget('<sc id="1"/>a <sc id="3"/>b<ec startRef="1"/> c<ec startRef="3"/> <ph id="2"/>'))).toContain('u1: <target>: inline codes overlap');
  });

  it('lists every broken unit of a file at once', () => {
    const broken = withTarget('nada').replace('name="cccc000000000000"', 'name="ffff000000000000"');
    expect(plan(broken).problems.map((problem) => problem.unit)).toEqual(['u1', 'u2']);
  });
});

describe('readXliff', () => {
  it('names the file, line and reason for an XLIFF 1.2 document', () => {
    const xliff12 = '<?xml version="1.0"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="river.md" source-language="en" datatype="plaintext"><body/></file></xliff>';
    expect(rejection(() => readXliff(xliff12, 'river.xlf'))).toBe('river.xlf:2: XLIFF version "1.2" is not supported: jialing reads XLIFF 2.0 and 2.1.');
  });

  it('rejects a document outside the XLIFF 2 namespace, or not XLIFF at all', () => {
    expect(rejection(() => readXliff(exported.replace('xmlns="urn:oasis:names:tc:xliff:document:2.0"', 'xmlns="urn:example"'), 'river.xlf'))).toBe(
      'river.xlf:2: <xliff> must be in the XLIFF 2 namespace xmlns="urn:oasis:names:tc:xliff:document:2.0", found "urn:example".',
    );
    expect(rejection(() => readXliff('<tmx version="1.4"><body/></tmx>', 'river.xlf'))).toBe('river.xlf:1: not an XLIFF document: expected <xliff> as the root element, found <tmx>.');
  });

  it('refuses DOCTYPE and ENTITY declarations before parsing', () => {
    const laughs = exported.replace('<xliff ', '<!DOCTYPE xliff [\n  <!ENTITY lol "lol">\n  <!ENTITY lol2 "&lol;&lol;&lol;">\n]>\n<xliff ');
    expect(rejection(() => readXliff(laughs, 'river.xlf'))).toBe(
      'river.xlf:2: refusing a <!DOCTYPE> declaration: XLIFF needs none, and entity declarations can expand without bound or read other files.',
    );
    const external = exported.replace('<?xml version="1.0" encoding="UTF-8"?>', '<?xml version="1.0" encoding="UTF-8"?><!-- x --><!ENTITY secret SYSTEM "file:///etc/passwd">');
    expect(rejection(() => readXliff(external, 'river.xlf'))).toContain('river.xlf:1: refusing a <!ENTITY> declaration');
  });

  it('says a file that stops half-way was cut short, at its last line', () => {
    const cut = exported.slice(0, exported.indexOf('</segment>'));
    expect(rejection(() => readXliff(cut, 'river.xlf'))).toBe(
      `river.xlf:${cut.split('\n').length}: not well-formed XML: the file ends before <xliff>, <file>, <unit>, <segment> are closed: it was cut short or not saved whole.`,
    );
  });

  it('rejects malformed XML and undeclared entities with their line', () => {
    expect(rejection(() => readXliff(exported.replace('</segment>', '</segmnt>'), 'river.xlf'))).toMatch(/^river\.xlf:\d+: not well-formed XML: /);
    expect(rejection(() => readXliff(exported.replace('Ríos', '&lol;'), 'river.xlf'))).toBe(
      'river.xlf:7: not well-formed XML: an `&` that does not start &amp; &lt; &gt; &quot; &apos; or a character reference.',
    );
  });

  it('rejects a resegmented unit, an unknown state and a repeated unit id', () => {
    const split = exported.replace('<source>Not yet.</source>\n      </segment>', '<source>Not</source>\n      </segment>\n      <segment id="s9"><source> yet.</source>\n      </segment>');
    expect(rejection(() => readXliff(split, 'river.xlf'))).toContain('river.xlf:23: unit "u2": holds 2 <segment> and 0 <ignorable> elements');
    expect(rejection(() => readXliff(exported.replace('state="initial"', 'state="approved"'), 'river.xlf'))).toBe(
      'river.xlf:23: unit "u2": state="approved" is not an XLIFF 2 segment state (initial, translated, reviewed, final).',
    );
    expect(rejection(() => readXliff(exported.replace('<unit id="u2"', '<unit id="u1"'), 'river.xlf'))).toBe('river.xlf:23: unit "u1": appears more than once; each unit id must be unique.');
  });

  it('reads units inside groups and XLIFF 2.0 documents', () => {
    const grouped = exported.replace('version="2.1"', 'version="2.0"').replace('<unit id="u0"', '<group id="g1"><unit id="u0"').replace('</unit>\n    <unit id="u1"', '</unit></group>\n    <unit id="u1"');
    expect(readXliff(grouped, 'river.xlf').units.map((unit) => unit.id)).toEqual(['u0', 'u1', 'u2']);
  });
});
