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
  dir = await makeTempDir('jialing-glossary-csv-');
});

afterEach(async () => {
  await removeTempDir(dir);
});

const source = `${JSON.stringify(
  {
    liangjiang: { term: 'Liangjiang', variants: ['Liang Jiang', 'Liang-jiang'], note: 'District of Chongqing; keep as is.' },
    china: { term: 'China', caseSensitive: true, note: 'The "country", not porcelain' },
    'liangjiang-new-area': 'Liangjiang New Area',
  },
  null,
  2,
)}\n`;
const spanish = `${JSON.stringify({ china: 'China', 'liangjiang-new-area': { term: 'Nueva Área de Liangjiang', note: 'oficial' } }, null, 2)}\n`;
const catalan = `${JSON.stringify({ china: 'Xina', 'liangjiang-new-area': 'Nova Àrea de Liangjiang' }, null, 2)}\n`;

const csv = [
  'id,en,es,ca,variants,caseSensitive,note',
  'liangjiang,Liangjiang,,,Liang Jiang | Liang-jiang,false,District of Chongqing; keep as is.',
  'china,China,China,Xina,,true,"The ""country"", not porcelain"',
  'liangjiang-new-area,Liangjiang New Area,Nueva Área de Liangjiang,Nova Àrea de Liangjiang,,false,',
  '',
].join('\n');

function refused(content: string): GlossaryError {
  try {
    importGlossary(content, 'csv', 'en', 'terms.csv');
  } catch (error) {
    expect(error).toBeInstanceOf(GlossaryError);
    return error as GlossaryError;
  }
  throw new Error('expected the import to be refused');
}

describe('CSV exchange', () => {
  it('exports id, source, each target, variants, caseSensitive and note', async () => {
    await writeProject(dir, { 'locales/en/glossary.json': source, 'locales/es/glossary.json': spanish, 'locales/ca/glossary.json': catalan });
    const glossary = await loadGlossary(path.join(dir, 'locales'), 'en', ['es', 'ca']);
    expect(exportGlossary(glossary, ['es', 'ca'], 'csv')).toBe(csv);
  });

  it('round-trips through import and write into an empty locales folder', async () => {
    await writeProject(dir, { 'locales/en/glossary.json': source, 'locales/es/glossary.json': spanish, 'locales/ca/glossary.json': catalan });
    const glossary = await loadGlossary(path.join(dir, 'locales'), 'en', ['es', 'ca']);
    const data = importGlossary(exportGlossary(glossary, ['es', 'ca'], 'csv'), 'csv', 'en');
    expect(data.resources.es).toEqual({ china: { term: 'China' }, 'liangjiang-new-area': { term: 'Nueva Área de Liangjiang' } });

    const copy = path.join(dir, 'copy');
    await writeGlossaryFiles(copy, data);
    expect(await readFile(path.join(copy, 'en', 'glossary.json'), 'utf8')).toBe(source);
    expect(await readFile(path.join(copy, 'ca', 'glossary.json'), 'utf8')).toBe(catalan);
    // CSV has no column for a translation's note.
    expect(await readFile(path.join(copy, 'es', 'glossary.json'), 'utf8')).toBe(
      `${JSON.stringify({ china: 'China', 'liangjiang-new-area': 'Nueva Área de Liangjiang' }, null, 2)}\n`,
    );
  });

  it('reads quoted cells, CRLF line ends, a byte order mark and a multi-line note', () => {
    const data = importGlossary('\uFEFFID,EN,zh-TW,note\r\n"cq","Chongqing","重慶","two\nlines"\r\n', 'csv', 'en');
    expect(data).toEqual({
      sourceLanguage: 'en',
      resources: { en: { cq: { term: 'Chongqing', note: 'two\nlines' } }, 'zh-TW': { cq: { term: '重慶' } } },
    });
  });

  it('writes cells a spreadsheet would run as formulas behind an apostrophe, and reads them back unchanged', async () => {
    const hostile = {
      formula: { term: '=HYPERLINK("http://example.com","x")', note: "+1+cmd|' /C calc'!A0" },
      minus: { term: '-ish', note: '@SUM(A1)' },
      quoted: { term: "'=already quoted", note: "'plain apostrophe" },
    };
    await writeProject(dir, { 'locales/en/glossary.json': JSON.stringify(hostile), 'locales/es/glossary.json': JSON.stringify({ minus: '-ito' }) });
    const glossary = await loadGlossary(path.join(dir, 'locales'), 'en', ['es']);
    const exported = exportGlossary(glossary, ['es'], 'csv');
    expect(exported.split('\n').slice(1, 4)).toEqual([
      `formula,"'=HYPERLINK(""http://example.com"",""x"")",,,false,'+1+cmd|' /C calc'!A0`,
      "minus,'-ish,'-ito,,false,'@SUM(A1)",
      "quoted,''=already quoted,,,false,'plain apostrophe",
    ]);
    const data = importGlossary(exported, 'csv', 'en');
    expect(data.resources.en).toEqual({
      formula: { term: hostile.formula.term, variants: [], caseSensitive: false, note: hostile.formula.note },
      minus: { term: '-ish', variants: [], caseSensitive: false, note: '@SUM(A1)' },
      quoted: { term: "'=already quoted", variants: [], caseSensitive: false, note: "'plain apostrophe" },
    });
    expect(data.resources.es).toEqual({ minus: { term: '-ito' } });
  });

  it('accepts a row repeated as it is', () => {
    const data = importGlossary('id,en\ncq,Chongqing\ncq,Chongqing\n', 'csv', 'en');
    expect(data.resources.en).toEqual({ cq: { term: 'Chongqing' } });
  });
});

describe('CSV rejections', () => {
  it('refuses a malformed file, naming the line', () => {
    const error = refused('id,en\ncq,"Chongqing\n');
    expect(error.message).toBe('Glossary problem in terms.csv:2: not a valid CSV file: Quote Not Closed: the parsing is finished with an opening quote at line 2');
    expect(error.exitCode).toBe(2);
  });

  it('refuses a row with more cells than the header', () => {
    expect(refused('id,en\ncq,Chongqing,extra\n').message).toContain('terms.csv:2: not a valid CSV file: Invalid Record Length');
  });

  it('refuses a header without an id column or without the source language', () => {
    expect(refused('term id,en\ncq,Chongqing\n').message).toContain('terms.csv:1: the column "term id" is not a language code, nor id, variants, caseSensitive, note');
    expect(refused('en,es\nChongqing,Chongqing\n').message).toBe('Glossary problem in terms.csv:1: the header has no "id" column');
    expect(refused('id,es\ncq,Chongqing\n').message).toBe('Glossary problem in terms.csv:1: the header has no "en" column for the source terms');
    expect(refused('id,en,EN\ncq,Chongqing,Chongqing\n').message).toContain('the column "EN" appears twice');
  });

  it('refuses an empty file, a row without an id and a row without a source term', () => {
    expect(refused('').message).toContain('the file is empty');
    expect(refused('id,en\ncq,Chongqing\n,Yuelai\n').message).toBe('Glossary problem in terms.csv:3: this row has no id');
    expect(refused('id,en,es\ncq,,Chongqing\n').message).toBe('Glossary problem in terms.csv:2: "cq" has no en term');
  });

  it('refuses one id with two source forms', () => {
    expect(refused('id,en\ncq,Chongqing\nlj,Liangjiang\ncq,Chungking\n').message).toBe(
      'Glossary problem in terms.csv:4: "cq" has two en terms: "Chongqing" (line 2) and "Chungking"',
    );
    expect(refused('id,en,es\ncq,Chongqing,Chongqing\ncq,Chongqing,Chungking\n').message).toContain('"cq" is listed again with different values (first on line 2)');
  });

  it('refuses two ids with the same source form or variant', () => {
    const error = refused('id,en,variants\ncq,Chongqing,\nchungking,Chungking,CHONGQING\n');
    expect(error.message).toBe('Glossary problem in terms.csv:3: en: "chungking" and "cq" both match "CHONGQING"');
  });

  it('refuses a caseSensitive cell that is not true or false', () => {
    expect(refused('id,en,caseSensitive\ncq,Chongqing,maybe\n').message).toBe('Glossary problem in terms.csv:2: "cq": caseSensitive must be true or false, got "maybe"');
  });
});
