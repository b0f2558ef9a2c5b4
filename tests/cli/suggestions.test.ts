import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryKey } from '../../src/memory/memory-key.ts';
import { SqliteMemory } from '../../src/memory/sqlite/sqlite-memory.ts';
import { makeTempDir, removeTempDir, runCli, writeProject } from '../support/cli.ts';

const timeout = 120_000;
const config = JSON.stringify({ targetLanguages: ['es'], engine: 'pseudo' });

describe('fuzzy suggestions for reviewers', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await makeTempDir('jialing-suggest-');
  });
  afterEach(() => removeTempDir(dir));

  it(
    'keeps the closest earlier translation as a suggestion for a new segment, without using it as the translation',
    async () => {
      await writeProject(dir, { 'pipeline.config.json': config, 'articles/en/a.md': 'The design centre opens every Monday at nine in the morning.\n' });
      expect((await runCli(['translate', '-q'], { cwd: dir })).code).toBe(0);

      const edited = 'The design centre opens every Tuesday at nine in the morning.';
      await writeProject(dir, { 'articles/en/a.md': `${edited}\n` });
      const second = await runCli(['translate', '-q', '--json'], { cwd: dir });
      expect(second.code).toBe(0);
      expect(JSON.parse(second.stdout).languages.es).toMatchObject({ fromMemory: 0, translated: 1 });

      const memory = SqliteMemory.open(path.join(dir, '.jialing', 'memory.db'));
      try {
        const key = memoryKey({ sourceText: edited, sourceLanguage: 'en', targetLanguage: 'es', engineProfile: 'pseudo', glossaryVersion: '' });
        const suggestions = await memory.suggestionsFor(key);
        expect(suggestions).toHaveLength(1);
        expect(suggestions[0]).toMatchObject({ sourceText: 'The design centre opens every Monday at nine in the morning.' });
        expect(suggestions[0]!.similarity).toBeGreaterThanOrEqual(0.75);
        // The new segment got its own translation, not the suggestion.
        const own = (await memory.lookup([{ key, sourceText: edited, sourceLanguage: 'en', targetLanguage: 'es' }])).get(key);
        expect(own?.targetText).toContain('Ţúéšďáý');
      } finally {
        await memory.close();
      }
    },
    timeout,
  );
});
