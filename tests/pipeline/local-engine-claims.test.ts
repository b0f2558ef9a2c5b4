import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { outputFolder, resolveConfig } from '../../src/config/resolve-config.ts';
import { SqliteMemory } from '../../src/memory/sqlite/sqlite-memory.ts';
import { translateArticles } from '../../src/run.ts';
import { readMemoryEntries } from '../support/memory-entries.ts';
import { makeTempDir, removeTempDir, writeProject } from '../support/cli.ts';

// A text another live run has claimed is waited for only when sending it costs something: an engine on this
// machine translates it sooner than any other run could answer.

let dir = '';

beforeEach(async () => {
  dir = await makeTempDir('jialing-local-claims-');
  await writeProject(dir, {
    'articles/en/a.md': '# Visiting the park\n\nThe park opens at nine.\n\nBring water.\n',
    'articles/en/b.md': '# Opening hours\n\nThe museum opens at ten.\n',
  });
});

afterEach(() => removeTempDir(dir));

it('translates texts another live run has claimed itself when its engine is local', async () => {
  const config = resolveConfig({ targetLanguages: ['es'], engine: 'pseudo' }, path.join(dir, 'pipeline.config.json'));
  await translateArticles(config, { segmentInWorker: false });
  const keys = (await readMemoryEntries(config.memoryFile)).map((entry) => entry.key);
  expect(keys.length).toBeGreaterThan(4);

  // The same texts, now claimed by a run that holds them for ten minutes.
  await rm(config.memoryFile);
  await rm(outputFolder(config.outputPattern, 'es'), { recursive: true, force: true });
  const memory = SqliteMemory.open(config.memoryFile);
  expect((await memory.claim(keys, 'another-run', 600_000)).size).toBe(keys.length);
  await memory.close();

  const { report } = await translateArticles(config, { segmentInWorker: false });
  expect(report.problems).toEqual([]);
  expect(report.outcomes).toMatchObject({ written: 2 });
  expect((await readMemoryEntries(config.memoryFile)).map((entry) => entry.key).sort()).toEqual([...keys].sort());
});
