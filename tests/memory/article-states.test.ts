import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MemoryStore } from '../../src/memory/memory-store.ts';
import type { ArticleState } from '../../src/pipeline/article-state.ts';
import { ConsistencyTracker, keepPlaces } from '../../src/qa/consistency-tracker.ts';
import { memoryBackends } from './support/memory-backends.ts';

const state: ArticleState = {
  language: 'es',
  file: 'guides/bridge.md',
  sourceHash: 'source-hash',
  engineProfile: 'apertium',
  glossaryVersion: 'glossary-version',
  configHash: 'config-hash',
  memoryVersion: '0:',
  outputHash: 'output-hash',
  termIds: ['liangjiang'],
  sourceIds: ['0123456789abcdef', 'fedcba9876543210'],
  outcome: {
    segments: 3,
    characters: 80,
    glossaryHits: 1,
    texts: 2,
    fromMemory: 2,
    reviewed: 0,
    machine: 2,
    needsReview: 0,
    warnings: [],
    findings: [{ check: 'untranslated', severity: 'warning', file: 'guides/bridge.md', language: 'es', line: 3, message: 'the translation is the same as the en source', text: 'Liangjiang' }],
    places: keepPlaces([
      ['0123456789abcdef', -42, 3, 'El puente "nuevo" de Liangjiang.'],
      ['fedcba9876543210', 7, 5, 'Horario'],
    ]),
  },
};

describe.each(memoryBackends)('article states on $name', (backend) => {
  let memory: MemoryStore;

  beforeEach(async () => {
    memory = await backend.open();
  });

  afterEach(async () => {
    await memory.close();
  });

  it('give back the state saved, its places ready for the consistency check', async () => {
    await memory.saveArticleState(state);
    const read = await memory.articleState('es', 'guides/bridge.md');
    expect(read).toEqual(state);
    // The kept places reach the check as the article's own places would.
    const tracker = new ConsistencyTracker();
    tracker.addKept('guides/bridge.md', 'es', read!.outcome.places);
    tracker.add('other.md', 'es', [['fedcba9876543210', 8, 1, 'Horas']]);
    expect(tracker.findings().map(({ file, line, message }) => [file, line, message])).toEqual([['other.md', 1, 'the same source text is translated as "Horario" at guides/bridge.md:5']]);
  });
});
