import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportGlossary } from '../../src/glossary/export-glossary.ts';
import { GlossaryError } from '../../src/glossary/glossary-error.ts';
import { importGlossary } from '../../src/glossary/import-glossary.ts';
import { loadGlossary } from '../../src/glossary/load-glossary.ts';
import { writeGlossaryFiles } from '../../src/glossary/write-glossary.ts';
import { makeTempDir, removeTempDir, writeProject } from '../support/cli.ts';

let dir: string;

beforeEach(async () => {
  dir = await makeTempDir('jialing-glossary-tbx-');
});

afterEach(async () => {
  await removeTempDir(dir);
});

const files = {
  'locales/en/glossary.json': `${JSON.stringify(
    {
      liangjiang: { term: 'Liangjiang', variants: ['Liang Jiang'], note: 'District of Chongqing; keep as is.' },
      china: { term: 'China', caseSensitive: true },
      rd: 'R&D <Centre>',
    },
    null,
    2,
  )}\n`,
  'locales/es/glossary.json': `${JSON.stringify({ china: 'China', rd: { term: 'Centro de I+D', note: 'I+D, no R&D' } }, null, 2)}\n`,
  'locales/ca/glossary.json': `${JSON.stringify({ china: 'Xina' }, null, 2)}\n`,
};

const tbx = `<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <tbxHeader>
    <fileDesc>
      <sourceDesc>
        <p>Glossary exported by jialing</p>
      </sourceDesc>
    </fileDesc>
  </tbxHeader>
  <text>
    <body>
      <conceptEntry id="liangjiang">
        <note>District of Chongqing; keep as is.</note>
        <langSec xml:lang="en">
          <termSec>
            <term>Liangjiang</term>
            <termNote type="termType">fullForm</termNote>
          </termSec>
          <termSec>
            <term>Liang Jiang</term>
            <termNote type="termType">variant</termNote>
          </termSec>
        </langSec>
      </conceptEntry>
      <conceptEntry id="china">
        <langSec xml:lang="en">
          <termSec>
            <term>China</term>
            <termNote type="termType">fullForm</termNote>
            <termNote type="x-caseSensitive">true</termNote>
          </termSec>
        </langSec>
        <langSec xml:lang="es">
          <termSec>
            <term>China</term>
          </termSec>
        </langSec>
        <langSec xml:lang="ca">
          <termSec>
            <term>Xina</term>
          </termSec>
        </langSec>
      </conceptEntry>
      <conceptEntry id="rd">
        <langSec xml:lang="en">
          <termSec>
            <term>R&amp;D &lt;Centre&gt;</term>
            <termNote type="termType">fullForm</termNote>
          </termSec>
        </langSec>
        <langSec xml:lang="es">
          <termSec>
            <term>Centro de I+D</term>
            <note>I+D, no R&amp;D</note>
          </termSec>
        </langSec>
      </conceptEntry>
    </body>
  </text>
</tbx>
`;

/** A TBX file with one concept entry per body line given. */
const document = (body: string, prolog = '') => `<?xml version="1.0"?>\n${prolog}<tbx xml:lang="en"><text><body>\n${body}\n</body></text></tbx>`;
const concept = (id: string, en: string) => `<conceptEntry id="${id}"><langSec xml:lang="en"><termSec><term>${en}</term></termSec></langSec></conceptEntry>`;

function refused(content: string): GlossaryError {
  try {
    importGlossary(content, 'tbx', 'en', 'terms.tbx');
  } catch (error) {
    expect(error).toBeInstanceOf(GlossaryError);
    return error as GlossaryError;
  }
  throw new Error('expected the import to be refused');
}

describe('TBX exchange', () => {
  it('exports one concept entry per term, with a language section per own form', async () => {
    await writeProject(dir, files);
    const glossary = await loadGlossary(path.join(dir, 'locales'), 'en', ['es', 'ca']);
    expect(exportGlossary(glossary, ['es', 'ca'], 'tbx')).toBe(tbx);
  });

  it('round-trips through import and write into an empty locales folder, notes included', async () => {
    await writeProject(dir, files);
    const glossary = await loadGlossary(path.join(dir, 'locales'), 'en', ['es', 'ca']);
    const copy = path.join(dir, 'copy');
    await writeGlossaryFiles(copy, importGlossary(exportGlossary(glossary, ['es', 'ca'], 'tbx'), 'tbx', 'en'));
    for (const language of ['en', 'es', 'ca']) {
      expect(await readFile(path.join(copy, language, 'glossary.json'), 'utf8')).toBe(files[`locales/${language}/glossary.json` as keyof typeof files]);
    }
  });

  it('reads TBX 2 (martif, termEntry, langSet, tig) and numeric character references', () => {
    const martif = `<martif type="TBX"><text><body><termEntry id="cq"><langSet xml:lang="en"><tig><term>Chongqing</term></tig></langSet><langSet xml:lang="zh"><tig><term>&#x91CD;&#24198;</term></tig></langSet></termEntry></body></text></martif>`;
    expect(importGlossary(martif, 'tbx', 'en').resources).toEqual({
      en: { cq: { term: 'Chongqing', variants: [], caseSensitive: false, note: '' } },
      zh: { cq: { term: '重庆', note: '' } },
    });
  });
});

describe('TBX rejections', () => {
  it('refuses entity expansion ("billion laughs") before parsing', () => {
    const laughs = document(
      concept('lol', '&lol3;'),
      '<!DOCTYPE tbx [\n<!ENTITY lol "lol">\n<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\n<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">\n]>\n',
    );
    const error = refused(laughs);
    expect(error.message).toBe(
      'Glossary problem in terms.tbx:2: the file has a <!DOCTYPE> declaration, which is refused: entity declarations can expand without limit or read other files',
    );
    expect(error.exitCode).toBe(2);
  });

  it('refuses an external entity', () => {
    const external = document(concept('secret', '&xxe;'), '<!DOCTYPE tbx [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>\n');
    expect(refused(external).message).toContain('terms.tbx:2: the file has a <!DOCTYPE> declaration');
    expect(refused('<?xml version="1.0"?>\n\n<!ENTITY xxe SYSTEM "file:///etc/passwd">').message).toContain('terms.tbx:3: the file has a <!ENTITY> declaration');
  });

  it('refuses XML that is not well formed, naming line and column', () => {
    const error = refused(document(`${concept('cq', 'Chongqing')}\n<conceptEntry id="x"><langSec>`));
    expect(error.message).toMatch(/^Glossary problem in terms\.tbx:\d+:\d+: not well-formed XML: /);
    expect(refused('just text').message).toContain('not well-formed XML');
  });

  it('refuses a file whose root is not tbx', () => {
    expect(refused('<glossary><term>China</term></glossary>').message).toBe(
      'Glossary problem in terms.tbx: not a TBX file: expected a <tbx> (or <martif>) root element',
    );
  });

  it('refuses an entry without an id or without a source term', () => {
    expect(refused(document(`${concept('cq', 'Chongqing')}\n<conceptEntry><langSec xml:lang="en"><termSec><term>Yuelai</term></termSec></langSec></conceptEntry>`)).message).toBe(
      'Glossary problem in terms.tbx:4: entry 2 has no id',
    );
    expect(refused(document('<conceptEntry id="cq"><langSec xml:lang="es"><termSec><term>Chongqing</term></termSec></langSec></conceptEntry>')).message).toBe(
      'Glossary problem in terms.tbx:3: "cq" has no en term',
    );
    expect(refused(document('<conceptEntry id="cq"><langSec xml:lang="en"><termSec><term></term></termSec></langSec></conceptEntry>')).message).toContain(
      '"cq": a <term> in en is empty or not plain text',
    );
  });

  it('refuses one id defined twice with different source forms', () => {
    expect(refused(document(`${concept('cq', 'Chongqing')}\n${concept('cq', 'Chungking')}`)).message).toBe(
      'Glossary problem in terms.tbx:4: "cq" is defined twice (entries 1 and 2)',
    );
  });

  it('refuses two ids with the same source form', () => {
    expect(refused(document(`${concept('cq', 'Chongqing')}\n${concept('chongqing', 'chongqing')}`)).message).toBe(
      'Glossary problem in terms.tbx:4: en: "chongqing" and "cq" both match "chongqing"',
    );
  });

  it('refuses a language that cannot name a folder', () => {
    expect(refused(document('<conceptEntry id="cq"><langSec xml:lang="../../etc"><termSec><term>x</term></termSec></langSec></conceptEntry>')).message).toContain(
      '"cq": xml:lang "../../etc" is not a language code',
    );
  });
});
