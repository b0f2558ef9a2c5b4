import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MemoryStore } from '../../src/memory/memory-store.ts';
import { ConsistencyTracker } from '../../src/qa/consistency-tracker.ts';
import { sampleState as state } from './support/article-state-fixture.ts';
import { memoryBackends } from './support/memory-backends.ts';

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

  it('give the output hash of every state of a language, by article, whatever the case of its code', async () => {
    await memory.saveArticleState(state);
    await memory.saveArticleState({ ...state, file: 'guides/ferry.md', outputHash: 'ferry-hash' });
    await memory.saveArticleState({ ...state, language: 'ca', outputHash: 'catalan-hash' });
    expect(await memory.outputHashes('ES')).toEqual(new Map([['guides/bridge.md', 'output-hash'], ['guides/ferry.md', 'ferry-hash']]));
    expect(await memory.outputHashes('fr')).toEqual(new Map());
  });
});
