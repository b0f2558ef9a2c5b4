import { describe, expect, it } from 'vitest';
import { copyMemory } from '../../src/memory/copy-memory.ts';
import type { MemoryEntry } from '../../src/memory/memory-entry.ts';
import type { MemoryStore } from '../../src/memory/memory-store.ts';
import { memoryBackends, type MemoryBackend } from './support/memory-backends.ts';
import { machineEntry, requestFor, steppingClock } from './support/memory-fixtures.ts';

const machine = machineEntry({ sourceText: 'The <g1>bridge</g1> is long.', targetText: 'Le <g1>pont</g1> est long.', articlePath: 'guides/bridge.md' });
const reviewed = machineEntry({ sourceText: 'The river is wide.', targetText: 'Le fleuve est large.', articlePath: 'guides/river.md' });
const broken = machineEntry({ sourceText: 'Broken <g1>reply</g1>.', targetText: 'Réponse <g1>cassée.' });
const suggestion = { key: reviewed.key, sourceText: 'The river is wide.', targetText: 'Le fleuve est large.', similarity: 0.9, origin: 'human' as const, status: 'reviewed' as const, articlePath: null };

async function fill(memory: MemoryStore): Promise<void> {
  await memory.store([machine, broken]);
  await memory.storeReviewed([{ ...reviewed, targetText: 'Le fleuve est très large.' }]);
  // Reviewed again later: the copy keeps the first creation time and the last update.
  await memory.storeReviewed([reviewed]);
  await memory.reject([{ key: broken.key, targetText: broken.targetText }]);
  await memory.reject([{ key: broken.key, targetText: broken.targetText }]);
  await memory.recordOutput({ language: 'fr', file: 'guides/bridge.md', sourceText: '# Bridge\n', outputText: '# Pont (edited)\n', rebuiltText: '# Pont\n' });
  // As most outputs are: written as rebuilt, which the store keeps once.
  await memory.recordOutput({ language: 'fr', file: 'guides/river.md', sourceText: '# River\n', outputText: '# Fleuve\n', rebuiltText: '# Fleuve\n' });
  await memory.saveSuggestions(machine.key, [suggestion]);
}

async function allEntries(memory: MemoryStore): Promise<MemoryEntry[]> {
  const entries: MemoryEntry[] = [];
  for await (const entry of memory.entries()) entries.push(entry);
  return entries.sort((a, b) => a.key.localeCompare(b.key));
}

const pairs = memoryBackends.flatMap((from) => memoryBackends.map((to) => [`${from.name} → ${to.name}`, from, to] as [string, MemoryBackend, MemoryBackend]));

describe.each(pairs)('copyMemory %s', (_name, fromBackend, toBackend) => {
  it('moves every entry with its status, origin and times, the recorded outputs, rejected replies and saved suggestions, and the counts match', async () => {
    const from = await fromBackend.open({ now: steppingClock() });
    await fill(from);
    const to = await toBackend.open();
    expect(await copyMemory(from, to)).toEqual({ entries: 2, reviewed: 1, outputs: 2, rejected: 1, suggestions: 1 });

    expect(await allEntries(to)).toEqual(await allEntries(from));
    expect((await to.lookup([requestFor(reviewed)])).get(reviewed.key)).toMatchObject({ targetText: 'Le fleuve est large.', status: 'reviewed', origin: 'human', createdAt: '2024-01-01T00:00:01.000Z', updatedAt: '2024-01-01T00:00:02.000Z' });
    expect(await to.lastOutput('fr', 'guides/bridge.md')).toEqual({ language: 'fr', file: 'guides/bridge.md', sourceText: '# Bridge\n', outputText: '# Pont (edited)\n', rebuiltText: '# Pont\n' });
    expect(await to.lastOutput('fr', 'guides/river.md')).toEqual({ language: 'fr', file: 'guides/river.md', sourceText: '# River\n', outputText: '# Fleuve\n', rebuiltText: '# Fleuve\n' });
    expect(await to.rejectedAttempts([broken.key])).toEqual(new Map([[broken.key, 2]]));
    expect(await to.suggestionsFor(machine.key)).toEqual([suggestion]);
    // The copy is searchable like the original.
    expect((await to.suggest('The river is very wide.', 'en', 'fr')).map((found) => found.targetText)).toEqual(['Le fleuve est large.']);
  });

  it('refuses to copy into a memory that holds anything, and changes nothing there', async () => {
    const from = await fromBackend.open();
    await fill(from);
    const to = await toBackend.open();
    await to.store([machineEntry({ sourceText: 'Already here.', targetText: 'Déjà là.' })]);
    await expect(copyMemory(from, to)).rejects.toThrow(/is not empty \(1 entry .*memory copy only fills an empty memory/);
    expect((await to.tally()).entries).toBe(1);
  });
});

describe('copyMemory round trip', () => {
  it('loses nothing from SQLite to PostgreSQL and back', async () => {
    const [sqlite, postgres] = memoryBackends;
    const original = await sqlite!.open({ now: steppingClock() });
    await fill(original);
    const shared = await postgres!.open();
    await copyMemory(original, shared);
    const back = await sqlite!.open();
    await copyMemory(shared, back);
    expect(await allEntries(back)).toEqual(await allEntries(original));
    expect(await back.tally()).toEqual(await original.tally());
  });
});
