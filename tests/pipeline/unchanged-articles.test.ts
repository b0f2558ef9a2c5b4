import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve-config.ts';
import { SqliteMemory } from '../../src/memory/sqlite/sqlite-memory.ts';
import { readMemoryEntries } from '../support/memory-entries.ts';
import { translateArticles, type TranslateResult } from '../../src/run.ts';
import { makeTempDir, removeTempDir, writeProject } from '../support/cli.ts';

// Runs of the real pipeline (pseudo engine, SQLite memory on disk) in which one input changes between two runs.
// `unchanged` counts the articles a run reported from their kept state without parsing or checking them.

const articles = {
  'articles/en/a.md': '# Visiting Liangjiang\n\nThe park opens at 9 in Liangjiang.\n\nBring water.\n',
  'articles/en/b.md': '# Opening hours\n\nThe museum opens at 10.\n\nBring water.\n',
  'articles/en/c.md': '# Getting there\n\nTake the metro to the centre.\n',
};
const glossary = {
  'locales/en/glossary.json': JSON.stringify({ liangjiang: { term: 'Liangjiang' }, yuelai: { term: 'Yuelai' } }),
  'locales/es/glossary.json': JSON.stringify({ liangjiang: 'Liangjiang', yuelai: 'Yuelai' }),
};

let dir = '';
let configData: Record<string, unknown> = {};

beforeEach(async () => {
  dir = await makeTempDir('jialing-unchanged-');
  configData = { targetLanguages: ['es'], engine: 'pseudo' };
  await writeProject(dir, { ...articles, ...glossary });
});

afterEach(() => removeTempDir(dir));

async function run(): Promise<TranslateResult> {
  const config = resolveConfig(configData, path.join(dir, 'pipeline.config.json'));
  return translateArticles(config, { segmentInWorker: false });
}

const read = (file: string) => readFile(path.join(dir, file), 'utf8');
const es = (result: TranslateResult) => result.report.languages[0]!;
const sortedFindings = (result: TranslateResult) => [...result.findings].sort((x, y) => `${x.file}:${x.line}:${x.check}`.localeCompare(`${y.file}:${y.line}:${y.check}`));

/** Runs twice, changing something in between; resolves to the second run. */
async function secondRunAfter(change: () => Promise<void>): Promise<TranslateResult> {
  const first = await run();
  expect(es(first).unchanged ?? 0).toBe(0);
  await change();
  return run();
}

describe('a run over articles that did not change', () => {
  it('reports every article from its kept state, with the figures and findings of a full run', async () => {
    await run();
    const outputs = await Promise.all(['a.md', 'b.md', 'c.md'].map((file) => read(`articles/es/${file}`)));

    const skipping = await run();
    // The same run with the kept states gone takes the full path for every article.
    const db = new Database(path.join(dir, '.jialing/memory.db'));
    db.exec('DELETE FROM article_states');
    db.close();
    const full = await run();

    expect(es(skipping).unchanged).toBe(3);
    expect(es(full).unchanged ?? 0).toBe(0);
    const { seconds: _s1, unchanged: _u1, ...skippingFigures } = es(skipping);
    const { seconds: _s2, unchanged: _u2, ...fullFigures } = es(full);
    expect(skippingFigures).toEqual(fullFigures);
    expect(skippingFigures).toMatchObject({ articles: 3, translated: 0, requests: 0 });
    expect(sortedFindings(skipping)).toEqual(sortedFindings(full));
    expect(skipping.report.problems).toEqual(full.report.problems);
    expect(await Promise.all(['a.md', 'b.md', 'c.md'].map((file) => read(`articles/es/${file}`)))).toEqual(outputs);
  });

  it('still finds a text translated two ways across an unchanged and a changed article', async () => {
    await run();
    // Another machine translation of "Bring water.", which a.md's kept state does not depend on, and a change to
    // b.md, whose run takes it up: the two articles now read the text two ways.
    const file = path.join(dir, '.jialing/memory.db');
    const entry = (await readMemoryEntries(file, { targetLanguage: 'es' })).find((candidate) => candidate.sourceText === 'Bring water.')!;
    const memory = SqliteMemory.open(file);
    await memory.store([{ ...entry, targetText: 'Lleve agua.' }]);
    await memory.close();
    await writeFile(path.join(dir, 'articles/en/b.md'), articles['articles/en/b.md'].replace('10', '11'));

    const second = await run();

    expect(es(second).unchanged).toBe(2);
    expect(second.findings.filter((finding) => finding.check === 'inconsistent').map((finding) => finding.file).sort()).toEqual(['b.md']);
  });
});

describe('a run takes the full path for an article when', () => {
  it('its source changed, and only for that article', async () => {
    const second = await secondRunAfter(() => writeFile(path.join(dir, 'articles/en/b.md'), articles['articles/en/b.md'].replace('10', '11')));

    expect(es(second).unchanged).toBe(2);
    expect(es(second).translated).toBe(1);
    expect(await read('articles/es/b.md')).toContain('11');
  });

  it('its engine profile changed', async () => {
    const second = await secondRunAfter(async () => {
      configData = { ...configData, engine: 'copy' };
    });

    expect(es(second).unchanged ?? 0).toBe(0);
    expect(await read('articles/es/c.md')).toBe(articles['articles/en/c.md']);
  });

  it('the form of a glossary term it holds changed, and not when another term changed', async () => {
    const second = await secondRunAfter(() => writeFile(path.join(dir, 'locales/es/glossary.json'), JSON.stringify({ liangjiang: 'Liangjiang-es', yuelai: 'Yuelai-es' })));

    // Only a.md holds a term; b.md and c.md are untouched by the change of both forms.
    expect(es(second).unchanged).toBe(2);
    expect(await read('articles/es/a.md')).toContain('Liangjiang-es');
  });

  it('a glossary term was added, which any article may hold', async () => {
    const second = await secondRunAfter(async () => {
      expect(await read('articles/es/c.md')).not.toContain(' metro ');
      await writeFile(path.join(dir, 'locales/en/glossary.json'), JSON.stringify({ liangjiang: { term: 'Liangjiang' }, yuelai: { term: 'Yuelai' }, metro: { term: 'metro' } }));
    });

    expect(es(second).unchanged ?? 0).toBe(0);
    expect(await read('articles/es/c.md')).toContain(' metro ');
  });

  it('a config setting that shapes the findings changed', async () => {
    const first = await run();
    expect(first.findings.some((finding) => finding.check === 'untranslated')).toBe(false);
    // A person put the English back: the edit is kept, and flagged as untranslated from then on.
    await writeFile(path.join(dir, 'articles/es/c.md'), articles['articles/en/c.md']);
    await run();
    configData = { ...configData, qa: { severities: { untranslated: 'error' } } };

    const third = await run();

    expect(es(third).unchanged ?? 0).toBe(0);
    expect(third.findings.filter((finding) => finding.check === 'untranslated').every((finding) => finding.severity === 'error')).toBe(true);
    expect(third.findings.some((finding) => finding.check === 'untranslated')).toBe(true);
  });

  it('its output was edited by hand', async () => {
    const second = await secondRunAfter(async () => {
      const output = await read('articles/es/c.md');
      await writeFile(path.join(dir, 'articles/es/c.md'), output.replace(/⟦[^⟧]*⟧\n$/, 'Tome el metro hasta el centro.\n'));
    });

    expect(es(second).unchanged).toBe(2);
    expect(es(second).reviewerEdits).toBe(1);
    expect(await read('articles/es/c.md')).toContain('Tome el metro hasta el centro.');
  });

  it('its source lost its byte-order mark, which its output copies, and not while the mark stays', async () => {
    await writeFile(path.join(dir, 'articles/en/c.md'), `\uFEFF${articles['articles/en/c.md']}`);
    await run();
    expect(es(await run()).unchanged).toBe(3);
    expect(await read('articles/es/c.md')).toMatch(/^\uFEFF/);

    await writeFile(path.join(dir, 'articles/en/c.md'), articles['articles/en/c.md']);
    const third = await run();

    expect(es(third).unchanged).toBe(2);
  });

  it('its output was deleted', async () => {
    const second = await secondRunAfter(() => rm(path.join(dir, 'articles/es/a.md')));

    expect(es(second).unchanged).toBe(2);
    expect(await read('articles/es/a.md')).toContain('⟦');
  });

  it('a reviewed translation was added to the memory', async () => {
    const second = await secondRunAfter(async () => {
      const file = path.join(dir, '.jialing/memory.db');
      const entry = (await readMemoryEntries(file, { targetLanguage: 'es' })).find((candidate) => candidate.sourceText === 'The museum opens at 10.')!;
      const memory = SqliteMemory.open(file);
      await memory.storeReviewed([{ ...entry, targetText: 'El museo abre a las 10.' }]);
      await memory.close();
    });

    // Only b.md holds the reviewed text: a.md and c.md stay as they were.
    expect(es(second).unchanged).toBe(2);
    expect(await read('articles/es/b.md')).toContain('El museo abre a las 10.');
  });

  it('a hand edit of a text two articles share was made in the output of the later one', async () => {
    const second = await secondRunAfter(async () => {
      const output = await read('articles/es/b.md');
      const edited = output.split('\n').map((line) => (line.includes('⟦') && !line.startsWith('#') && !line.includes('10') ? 'Traiga agua.' : line));
      await writeFile(path.join(dir, 'articles/es/b.md'), edited.join('\n'));
    });

    // The edit is in the memory before a.md, which holds the same text, is looked at: one run brings both outputs in line.
    expect(es(second).reviewerEdits).toBe(1);
    expect(await read('articles/es/a.md')).toContain('Traiga agua.');
    expect(await read('articles/es/b.md')).toContain('Traiga agua.');
    expect(second.findings.filter((finding) => finding.check === 'inconsistent')).toEqual([]);
    expect(es(second).unchanged).toBe(1);
  });

  it('a reviewed translation of a text two articles share was added to the memory', async () => {
    const second = await secondRunAfter(async () => {
      const file = path.join(dir, '.jialing/memory.db');
      const entry = (await readMemoryEntries(file, { targetLanguage: 'es' })).find((candidate) => candidate.sourceText === 'Bring water.')!;
      const memory = SqliteMemory.open(file);
      await memory.storeReviewed([{ ...entry, targetText: 'Traiga agua.' }]);
      await memory.close();
    });

    expect(es(second).unchanged).toBe(1);
    expect(await read('articles/es/a.md')).toContain('Traiga agua.');
    expect(await read('articles/es/b.md')).toContain('Traiga agua.');
  });
});
