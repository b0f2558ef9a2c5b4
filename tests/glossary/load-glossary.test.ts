import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.ts';
import { GlossaryError } from '../../src/glossary/glossary-error.ts';
import { loadGlossary } from '../../src/glossary/load-glossary.ts';
import { makeTempDir, removeTempDir, writeProject } from '../support/cli.ts';

let dir: string;
let locales: string;

beforeEach(async () => {
  dir = await makeTempDir('jialing-glossary-');
  locales = path.join(dir, 'locales');
});

afterEach(async () => {
  await removeTempDir(dir);
});

const json = (value: unknown) => JSON.stringify(value, null, 2);

async function loadRefused(files: Record<string, string>, targets: readonly string[] = ['es']): Promise<GlossaryError> {
  await writeProject(dir, files);
  const error = await loadGlossary(locales, 'en', targets).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(GlossaryError);
  return error as GlossaryError;
}

describe('loading', () => {
  it('reads source terms with their metadata, in file order', async () => {
    await writeProject(dir, {
      'locales/en/glossary.json': json({
        liangjiang: { term: 'Liangjiang', variants: ['Liang Jiang'], caseSensitive: false, note: 'District of Chongqing; keep as is.' },
        china: { term: 'China', caseSensitive: true },
        chongqing: 'Chongqing',
      }),
    });
    const glossary = await loadGlossary(locales, 'en', ['es']);
    expect(glossary.sourceLanguage).toBe('en');
    expect(glossary.terms).toEqual([
      { id: 'liangjiang', source: 'Liangjiang', variants: ['Liang Jiang'], caseSensitive: false, note: 'District of Chongqing; keep as is.' },
      { id: 'china', source: 'China', variants: [], caseSensitive: true },
      { id: 'chongqing', source: 'Chongqing', variants: [], caseSensitive: false },
    ]);
    expect(glossary.files).toEqual([path.join(locales, 'en', 'glossary.json')]);
  });

  it('falls back from zh-TW to zh to the source term', async () => {
    await writeProject(dir, {
      'locales/en/glossary.json': json({ china: 'China', chongqing: 'Chongqing', yuelai: { term: 'Yuelai', note: 'keep' } }),
      'locales/zh/glossary.json': json({ china: '中国', chongqing: '重庆' }),
      'locales/zh-TW/glossary.json': json({ chongqing: { term: '重慶', note: 'traditional characters' } }),
    });
    const glossary = await loadGlossary(locales, 'en', ['zh-TW', 'es']);
    expect(['china', 'chongqing', 'yuelai'].map((id) => glossary.targetForm(id, 'zh-TW'))).toEqual(['中国', '重慶', 'Yuelai']);
    expect(['china', 'chongqing', 'yuelai'].map((id) => glossary.targetForm(id, 'es'))).toEqual(['China', 'Chongqing', 'Yuelai']);
    expect(glossary.targetForm('yuelai', 'en')).toBe('Yuelai');
    expect(glossary.ownForm('chongqing', 'zh-TW')).toEqual({ term: '重慶', note: 'traditional characters' });
    expect(glossary.ownForm('china', 'zh-TW')).toBeUndefined();
    expect(glossary.files).toEqual(['en', 'zh-TW', 'zh'].map((language) => path.join(locales, language, 'glossary.json')));
  });

  it('gives an empty glossary when the locales folder or the file is missing', async () => {
    const missingFolder = await loadGlossary(locales, 'en', ['es']);
    expect(missingFolder.terms).toEqual([]);
    expect(missingFolder.files).toEqual([]);
    await writeProject(dir, { 'locales/en/common.json': '{}' });
    expect((await loadGlossary(locales, 'en', ['es'])).terms).toEqual([]);
  });

  it('versions a set of terms by their target forms in a language', async () => {
    await writeProject(dir, {
      'locales/en/glossary.json': json({ china: 'China', chongqing: 'Chongqing' }),
      'locales/ca/glossary.json': json({ china: 'Xina' }),
    });
    const glossary = await loadGlossary(locales, 'en', ['ca', 'es']);
    expect(glossary.version([], 'ca')).toBe('');
    expect(glossary.version(['china', 'chongqing'], 'ca')).toMatch(/^[0-9a-f]{12}$/);
    expect(glossary.version(['chongqing', 'china', 'china'], 'ca')).toBe(glossary.version(['china', 'chongqing'], 'ca'));
    expect(glossary.version(['china'], 'ca')).not.toBe(glossary.version(['china'], 'es'));
    expect(glossary.version(['chongqing'], 'ca')).toBe(glossary.version(['chongqing'], 'es'));
  });

  it('keeps ids with dots and colons flat and values free of i18next interpolation', async () => {
    await writeProject(dir, { 'locales/en/glossary.json': json({ 'org.cida': 'China Industrial Design Association', 'city:cq': 'Chongqing', tpl: '{{name}} $t(city:cq)' }) });
    const glossary = await loadGlossary(locales, 'en', ['es']);
    expect(glossary.terms.map((term) => [term.id, term.source])).toEqual([
      ['org.cida', 'China Industrial Design Association'],
      ['city:cq', 'Chongqing'],
      ['tpl', '{{name}} $t(city:cq)'],
    ]);
    expect(glossary.targetForm('tpl', 'es')).toBe('{{name}} $t(city:cq)');
  });
});

describe('refusing a glossary', () => {
  it('names the file, line and column of invalid JSON', async () => {
    const error = await loadRefused({ 'locales/en/glossary.json': '{\n  "china": "China",\n  "chongqing": \n}\n' });
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.exitCode).toBe(2);
    expect(error.place).toEqual({ file: path.join(locales, 'en', 'glossary.json'), line: 4, column: 1 });
    expect(error.message).toContain('invalid JSON');
  });

  it('refuses a file that is not an object', async () => {
    const error = await loadRefused({ 'locales/es/glossary.json': '["China"]' });
    expect(error.message).toContain(`${path.join(locales, 'es', 'glossary.json')}:1:1: expected an object mapping term ids to terms, got an array`);
  });

  it('names the key of a value of the wrong type', async () => {
    const error = await loadRefused({
      'locales/en/glossary.json': json({ china: 'China', chongqing: 42, yuelai: { term: 'Yuelai', varients: ['Yue Lai'] } }),
    });
    expect(error.problems.map((problem) => [problem.place.line, problem.message])).toEqual([
      [3, '"chongqing": expected a string or an object with "term", "variants", "caseSensitive", "note", got the number 42'],
      [4, '"yuelai": unknown field "varients"; expected "term", "variants", "caseSensitive", "note"'],
    ]);
  });

  it('refuses metadata and empty terms in a target file', async () => {
    const error = await loadRefused({
      'locales/en/glossary.json': json({ china: 'China', chongqing: 'Chongqing' }),
      'locales/es/glossary.json': json({ china: { term: 'China', caseSensitive: true }, chongqing: '  ' }),
    });
    expect(error.problems.map((problem) => problem.message)).toEqual([
      '"china": "caseSensitive" belongs in the source language\'s file only',
      '"chongqing": expected a term, got an empty string',
    ]);
  });

  it('names a target id the source file does not have', async () => {
    const error = await loadRefused({
      'locales/en/glossary.json': json({ china: 'China' }),
      'locales/es/glossary.json': json({ china: 'China', chna: 'China' }),
    });
    expect(error.message).toBe(`Glossary problem in ${path.join(locales, 'es', 'glossary.json')}:3: "chna" is not a term of the en glossary`);
    expect(error.hint).toBe('Add "chna" to the en glossary, or correct the id to one it has.');
  });

  it('refuses two ids that share a source form or variant, ignoring case', async () => {
    const error = await loadRefused({
      'locales/en/glossary.json': json({ liangjiang: { term: 'Liangjiang', variants: ['Liang Jiang'] }, district: { term: 'liang  jiang' } }),
    });
    expect(error.message).toContain(':8: "district" and "liangjiang" both match "liang jiang"');
  });

  it('allows forms that differ only by case when both terms are case-sensitive', async () => {
    await writeProject(dir, { 'locales/en/glossary.json': json({ us: { term: 'US', caseSensitive: true }, us2: { term: 'Us', caseSensitive: true } }) });
    expect((await loadGlossary(locales, 'en', [])).terms).toHaveLength(2);
    const error = await loadRefused({ 'locales/en/glossary.json': json({ us: { term: 'US', caseSensitive: true }, us2: { term: 'us' } }) });
    expect(error.problems[0]?.message).toBe('"us2" and "us" both match "us"');
  });

  it('lists every problem of every file in one error', async () => {
    const error = await loadRefused(
      {
        'locales/en/glossary.json': json({ china: 'China' }),
        'locales/es/glossary.json': '{ "china": ',
        'locales/ca/glossary.json': '"Xina"',
      },
      ['es', 'ca'],
    );
    const file = (language: string) => path.join(locales, language, 'glossary.json');
    expect(error.message).toBe(
      [
        'Glossary has 2 problems:',
        `  ${file('es')}:1:11: invalid JSON: Unexpected end of JSON input`,
        `  ${file('ca')}:1:1: expected an object mapping term ids to terms, got the string "Xina"`,
      ].join('\n'),
    );
  });
});
