import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import packageJson from '../../package.json' with { type: 'json' };
import { MemoryError } from '../../src/memory/memory-error.ts';
import { memoryKey } from '../../src/memory/memory-key.ts';
import { exportTmx } from '../../src/memory/tmx-export.ts';
import { importTmx } from '../../src/memory/tmx-import.ts';
import { TranslationMemory } from '../../src/memory/translation-memory.ts';
import { machineEntry, makeTempDir, removeTempDir, requestFor, steppingClock } from './support/memory-fixtures.ts';

let dir: string;
let memory: TranslationMemory;

beforeEach(async () => {
  dir = await makeTempDir();
  memory = TranslationMemory.open(path.join(dir, 'memory.sqlite'), { now: steppingClock() });
});

afterEach(async () => {
  memory.close();
  await removeTempDir(dir);
});

const press = machineEntry({
  sourceText: 'Press <g1>Save</g1> &amp; <x2/> &lt;now&gt;.',
  targetText: 'Appuyez sur <g1>Enregistrer</g1> &amp; <x2/> &lt;maintenant&gt;.',
  articlePath: 'en/guide.md',
});

const tmx = (body: string, doctype = '') => `<?xml version="1.0" encoding="UTF-8"?>
${doctype}<tmx version="1.4">
  <header creationtool="other" creationtoolversion="1" segtype="sentence" o-tmf="other" adminlang="en" srclang="en" datatype="plaintext"/>
  <body>
${body}
  </body>
</tmx>`;

const unit = (source: string, target: string, attributes = '') => `    <tu${attributes}><tuv xml:lang="en"><seg>${source}</seg></tuv><tuv xml:lang="fr"><seg>${target}</seg></tuv></tu>`;

describe('exportTmx', () => {
  it('writes TMX 1.4b with jialing tags as bpt/ept/ph and entry fields as props', () => {
    memory.store([press]);
    expect(exportTmx(memory)).toBe(`<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header creationtool="jialing" creationtoolversion="${packageJson.version}" segtype="block" o-tmf="jialing" adminlang="en" srclang="en" datatype="plaintext"/>
  <body>
    <tu tuid="${press.key}" srclang="en" creationdate="20240101T000000Z" changedate="20240101T000000Z">
      <prop type="x-jialing-origin">mt:deepl</prop>
      <prop type="x-jialing-status">machine</prop>
      <prop type="x-jialing-engine-profile">deepl</prop>
      <prop type="x-jialing-glossary-version">g1</prop>
      <prop type="x-jialing-article">en/guide.md</prop>
      <tuv xml:lang="en"><seg>Press <bpt i="1" x="1">&lt;g1&gt;</bpt>Save<ept i="1">&lt;/g1&gt;</ept> &amp; <ph x="2">&lt;x2/&gt;</ph> &lt;now&gt;.</seg></tuv>
      <tuv xml:lang="fr"><seg>Appuyez sur <bpt i="1" x="1">&lt;g1&gt;</bpt>Enregistrer<ept i="1">&lt;/g1&gt;</ept> &amp; <ph x="2">&lt;x2/&gt;</ph> &lt;maintenant&gt;.</seg></tuv>
    </tu>
  </body>
</tmx>
`);
  });

  it('gives each pair of a span the engine split its own bpt/ept number, and reads it back as the same tag', () => {
    const split = machineEntry({ sourceText: 'See <g1>the old town by the river</g1>.', targetText: 'Vea <g1>el casco</g1> antiguo <g1>junto</g1> al <g1>río</g1>.' });
    memory.store([split]);
    const exported = exportTmx(memory);
    const target = /<tuv xml:lang="fr"><seg>(.*)<\/seg>/.exec(exported)![1]!;
    expect([...target.matchAll(/<bpt i="(\d+)" x="1">/g)].map((match) => match[1])).toEqual(['1', '2', '3']);
    expect([...target.matchAll(/<ept i="(\d+)">/g)].map((match) => match[1])).toEqual(['1', '2', '3']);
    const copy = TranslationMemory.open(path.join(dir, 'copy.sqlite'), { now: steppingClock() });
    try {
      expect(importTmx(copy, exported, { sourceLanguage: 'en' })).toEqual({ imported: 1, skipped: 0, problems: [] });
      expect([...copy.entries()].map((entry) => entry.targetText)).toEqual([split.targetText]);
    } finally {
      copy.close();
    }
  });

  it('exports one pair when asked, and marks a mixed source as *all*', () => {
    const fromSpanish = machineEntry({ sourceText: 'Hola.', targetText: 'Bonjour.', sourceLanguage: 'es' });
    memory.store([press, fromSpanish, machineEntry({ sourceText: 'Hello.', targetText: 'Hallo.', targetLanguage: 'de' })]);
    expect(exportTmx(memory).match(/<tu /g)).toHaveLength(3);
    expect(exportTmx(memory)).toContain('srclang="*all*" datatype');
    const german = exportTmx(memory, { sourceLanguage: 'en', targetLanguage: 'de' });
    expect(german.match(/<tu /g)).toHaveLength(1);
    expect(german).toContain('<seg>Hallo.</seg>');
  });
});

describe('importTmx', () => {
  it('round-trips an export: tags, escapes, keys, status and article survive', async () => {
    const reviewed = machineEntry({ sourceText: 'See <x1/> and <g2>this <g3>nested</g3> part</g2>.', targetText: 'Voir <x1/> et <g2>cette partie <g3>imbriquée</g3></g2>.' });
    const german = machineEntry({ sourceText: 'Press <g1>Save</g1> &amp; <x2/> &lt;now&gt;.', targetText: 'Drücken Sie <g1>Speichern</g1> &amp; <x2/> &lt;jetzt&gt;.', targetLanguage: 'de' });
    memory.store([press, german]);
    memory.storeReviewed([reviewed]);
    const exported = exportTmx(memory);

    const copy = TranslationMemory.open(path.join(dir, 'copy.sqlite'), { now: steppingClock() });
    try {
      expect(importTmx(copy, exported, { sourceLanguage: 'en' })).toEqual({ imported: 3, skipped: 0, problems: [] });
      const found = copy.lookup([press, german, reviewed].map(requestFor));
      for (const original of [press, german, reviewed]) {
        expect(found.get(original.key)).toMatchObject({ key: original.key, sourceText: original.sourceText, targetText: original.targetText, origin: 'import' });
      }
      expect(found.get(reviewed.key)?.status).toBe('reviewed');
      expect(found.get(press.key)).toMatchObject({ status: 'machine', articlePath: 'en/guide.md', engineProfile: 'deepl', glossaryVersion: 'g1' });
      expect(copy.counts()).toEqual({ entries: 3, reviewed: 1 });
      expect(importTmx(copy, exported, { sourceLanguage: 'en' })).toEqual({ imported: 0, skipped: 3, problems: [] });
    } finally {
      copy.close();
    }
  });

  it("imports another tool's units under engine profile `import`, found by source text from any run", () => {
    const content = tmx(
      [
        unit('Open the <bpt i="7" x="1">&lt;b&gt;</bpt>menu<ept i="7">&lt;/b&gt;</ept>&#46;', "Ouvrez le <bpt i=\"7\" x=\"1\">&lt;b&gt;</bpt>menu<ept i=\"7\">&lt;/b&gt;</ept>&#x2e;", ' tuid="u1"'),
        '    <tu><tuv lang="EN"><seg><![CDATA[Fish & <chips>]]></seg></tuv><tuv lang="fr"><seg>Poisson &amp; frites</seg></tuv></tu>',
      ].join('\n'),
      '<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n',
    );
    expect(importTmx(memory, content, { sourceLanguage: 'en', file: 'other.tmx' })).toEqual({ imported: 2, skipped: 0, problems: [] });
    const menu = requestFor({ sourceText: 'Open the <g1>menu</g1>.', sourceLanguage: 'en', targetLanguage: 'fr', engineProfile: 'deepl', glossaryVersion: 'g5' });
    const fish = requestFor({ sourceText: 'Fish &amp; &lt;chips&gt;', sourceLanguage: 'en', targetLanguage: 'fr', engineProfile: 'apertium', glossaryVersion: '' });
    const found = memory.lookup([menu, fish]);
    expect(found.get(menu.key)).toMatchObject({ targetText: 'Ouvrez le <g1>menu</g1>.', origin: 'import', status: 'machine', engineProfile: 'import', glossaryVersion: '' });
    expect(found.get(fish.key)?.targetText).toBe('Poisson &amp; frites');
    expect(found.get(menu.key)?.key).toBe(memoryKey({ sourceText: 'Open the <g1>menu</g1>.', sourceLanguage: 'en', targetLanguage: 'fr', engineProfile: 'import', glossaryVersion: '' }));
  });

  it('skips translations whose inline codes jialing cannot represent, and says why', () => {
    const content = tmx([unit('One <it pos="begin">&lt;b&gt;</it>bold', 'Un <it pos="begin">&lt;b&gt;</it>gras', ' tuid="iso"'), unit('Two.', 'Deux.'), unit('Three.', '')].join('\n'));
    expect(importTmx(memory, content, { sourceLanguage: 'en' })).toEqual({
      imported: 1,
      skipped: 2,
      problems: [`tu #1 (tuid "iso") → fr: <it> inside <seg> cannot be represented in jialing's tagged text; skipped.`, 'tu #3 → fr: empty segment; skipped.'],
    });
  });

  it('does not downgrade a reviewed entry', () => {
    memory.storeReviewed([{ ...press, targetText: 'Reviewed.' }]);
    const exported = exportTmx(memory).replace('<prop type="x-jialing-status">reviewed</prop>', '').replace('Reviewed.', 'Machine.');
    expect(importTmx(memory, exported, { sourceLanguage: 'en' })).toMatchObject({ imported: 0, skipped: 1 });
    expect(memory.lookup([requestFor(press)]).get(press.key)?.targetText).toBe('Reviewed.');
  });
});

describe('importTmx refuses, changing nothing', () => {
  const valid = unit('Valid first unit.', 'Première unité valide.');
  // Lines: 1 <?xml, 2 the declaration if any, then <tmx>, <header>, <body> and the units.
  const refusals: [name: string, content: string, message: string][] = [
    [
      'entity expansion (billion laughs)',
      tmx(valid.replace('Valid', '&lol3;'), '<!DOCTYPE tmx [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;">]>\n'),
      'refuses.tmx:2:1: refusing a <!DOCTYPE> declaration',
    ],
    ['an external entity', tmx(valid.replace('Valid', '&xxe;'), '<!DOCTYPE tmx [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>\n'), 'refuses.tmx:2:1: refusing a <!DOCTYPE>'],
    ['a DTD fetched from elsewhere', tmx(valid, '<!DOCTYPE tmx SYSTEM "http://example.com/tmx14.dtd">\n'), 'refuses.tmx:2:1: refusing a <!DOCTYPE>'],
    ['an ENTITY declaration outside a DOCTYPE', tmx(valid, '<!ENTITY a "b">\n'), 'refusing a <!ENTITY>'],
    ['malformed XML', tmx(`${valid}\n    <tu><tuv xml:lang="en"><seg>Open</tuv></tu>`), "refuses.tmx:6:37: not well-formed XML: Expected closing tag 'seg' (opened in line 6, col 28) instead of closing tag 'tuv'."],
    ['an undefined entity', tmx(unit('Non&nbsp;breaking.', 'Insécable.')), 'refuses.tmx:5:36: not well-formed XML: an `&` that does not start'],
    ['a unit without the target language', tmx(`${valid}\n    <tu tuid="lonely"><tuv xml:lang="en"><seg>Alone.</seg></tuv></tu>`), 'refuses.tmx:6: tu #2 (tuid "lonely") has only the source language "en" and no translation.'],
    ['a unit without the source language', tmx(`${valid}\n    <tu><tuv xml:lang="de"><seg>Hallo.</seg></tuv><tuv xml:lang="fr"><seg>Bonjour.</seg></tuv></tu>`), 'refuses.tmx:6: tu #2 has no <tuv xml:lang="en"> (it has de, fr).'],
    ['a variant without a segment', tmx(`${valid}\n    <tu><tuv xml:lang="en"><seg>Hi.</seg></tuv><tuv xml:lang="fr"></tuv></tu>`), 'tu #2 has a <tuv xml:lang="fr"> without <seg>.'],
    ['a document that is not TMX', '<xliff version="1.2"><file/></xliff>', 'refuses.tmx: not a TMX document: expected <tmx> with a <body>, found <xliff>.'],
  ];

  it.each(refusals)('%s', (_name, content, message) => {
    memory.store([press]);
    const before = exportTmx(memory);
    let error: unknown;
    try {
      importTmx(memory, content, { sourceLanguage: 'en', file: 'refuses.tmx' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(MemoryError);
    expect((error as MemoryError).exitCode).toBe(1);
    expect((error as MemoryError).hint).toContain('Nothing was imported.');
    expect((error as Error).message).toContain(message);
    expect(exportTmx(memory)).toBe(before);
    expect(memory.counts()).toEqual({ entries: 1, reviewed: 0 });
  });
});
