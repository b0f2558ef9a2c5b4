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
});
