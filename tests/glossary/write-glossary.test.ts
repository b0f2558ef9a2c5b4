import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GlossaryError } from '../../src/glossary/glossary-error.ts';
import { importGlossary } from '../../src/glossary/import-glossary.ts';
import { writeGlossaryFiles } from '../../src/glossary/write-glossary.ts';
import { makeTempDir, removeTempDir, writeProject } from '../support/cli.ts';

let dir: string;
let locales: string;

beforeEach(async () => {
  dir = await makeTempDir('jialing-glossary-write-');
  locales = path.join(dir, 'locales');
});

afterEach(async () => {
  await removeTempDir(dir);
});

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
const read = (language: string) => readFile(path.join(locales, language, 'glossary.json'), 'utf8');

const existing = {
  'locales/en/glossary.json': json({
    chongqing: { term: 'Chongqing', note: 'Keep the pinyin name.' },
    liangjiang: { term: 'Liangjiang', variants: ['Liang Jiang'] },
  }),
  'locales/ca/glossary.json': json({ chongqing: { term: 'Chongqing', note: 'no Txungking' } }),
};

describe('writeGlossaryFiles', () => {
  it('merges without losing entries: existing ids keep their place, new ones follow', async () => {
    await writeProject(dir, existing);
    const data = importGlossary('id,en,ca\nchina,China,Xina\nchongqing,Chongqing,Chongqing (municipi)\n', 'csv', 'en');
    const written = await writeGlossaryFiles(locales, data);
    expect(written).toEqual([path.join(locales, 'en', 'glossary.json'), path.join(locales, 'ca', 'glossary.json')]);
    // Without variants or note columns, the file's metadata stays.
    expect(await read('en')).toBe(
      json({
        chongqing: { term: 'Chongqing', note: 'Keep the pinyin name.' },
        liangjiang: { term: 'Liangjiang', variants: ['Liang Jiang'] },
        china: 'China',
      }),
    );
    expect(await read('ca')).toBe(json({ chongqing: { term: 'Chongqing (municipi)', note: 'no Txungking' }, china: 'Xina' }));
  });

  it('lets a column that is present clear a field', async () => {
    await writeProject(dir, existing);
    await writeGlossaryFiles(locales, importGlossary('id,en,variants,note\nliangjiang,Liangjiang,,District\n', 'csv', 'en'));
    expect(JSON.parse(await read('en')).liangjiang).toEqual({ term: 'Liangjiang', note: 'District' });
  });

  it('leaves unchanged files untouched and no temporary files behind', async () => {
    await writeProject(dir, existing);
    const before = await stat(path.join(locales, 'en', 'glossary.json'));
    const written = await writeGlossaryFiles(locales, { sourceLanguage: 'en', resources: { en: { chongqing: { term: 'Chongqing' } }, es: {} } });
    expect(written).toEqual([]);
    expect((await stat(path.join(locales, 'en', 'glossary.json'))).mtimeMs).toBe(before.mtimeMs);
    expect((await readdir(locales)).sort()).toEqual(['ca', 'en']);
    expect(await readdir(path.join(locales, 'en'))).toEqual(['glossary.json']);
  });

  it('writes nothing when the merged glossary would have a conflict', async () => {
    await writeProject(dir, existing);
    const data = importGlossary('id,en,ca\nchina,China,Xina\ncq,CHONGQING,Chongqing\n', 'csv', 'en');
    const error = await writeGlossaryFiles(locales, data).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GlossaryError);
    expect((error as GlossaryError).message).toBe(
      `Glossary problem in ${path.join(locales, 'en', 'glossary.json')}: after merging the import: "cq" and "chongqing" both match "CHONGQING"`,
    );
    expect(await read('en')).toBe(existing['locales/en/glossary.json']);
    expect(await read('ca')).toBe(existing['locales/ca/glossary.json']);
  });

  it('writes nothing when an existing file is not valid JSON', async () => {
    await writeProject(dir, { ...existing, 'locales/ca/glossary.json': '{ "chongqing": "Chongqing", }' });
    const error = await writeGlossaryFiles(locales, importGlossary('id,en,ca\nchina,China,Xina\n', 'csv', 'en')).catch((caught: unknown) => caught);
    expect((error as GlossaryError).message).toBe(
      `Glossary problem in ${path.join(locales, 'ca', 'glossary.json')}:1:29: invalid JSON: Expected double-quoted property name`,
    );
    expect(await read('en')).toBe(existing['locales/en/glossary.json']);
  });

  it('refuses a language that cannot name a folder', async () => {
    const error = await writeGlossaryFiles(locales, { sourceLanguage: 'en', resources: { '../x': { a: 'b' } } }).catch((caught: unknown) => caught);
    expect((error as GlossaryError).message).toContain('"../x" is not a language code');
  });
});
