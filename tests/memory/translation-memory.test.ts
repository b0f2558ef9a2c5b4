import { beforeEach, describe, expect, it } from 'vitest';
import { memoryKey } from '../../src/memory/memory-key.ts';
import type { MemoryStore } from '../../src/memory/memory-store.ts';
import { memoryBackends } from './support/memory-backends.ts';
import { machineEntry, requestFor, steppingClock } from './support/memory-fixtures.ts';

describe.each(memoryBackends)('on $name', (backend) => {
  let memory: MemoryStore;

  beforeEach(async () => {
    memory = await backend.open({ now: steppingClock() });
  });

  const hello = machineEntry({ sourceText: 'Hello <g1>world</g1>.', targetText: 'Bonjour <g1>le monde</g1>.', articlePath: 'en/a.md' });

  describe('store and lookup', () => {
    it('finds what was stored, with every field and the injected clock', async () => {
      await memory.store([hello]);
      expect((await memory.lookup([requestFor(hello)])).get(hello.key)).toEqual({
        key: hello.key,
        sourceText: 'Hello <g1>world</g1>.',
        targetText: 'Bonjour <g1>le monde</g1>.',
        sourceLanguage: 'en',
        targetLanguage: 'fr',
        engineProfile: 'deepl',
        glossaryVersion: 'g1',
        origin: 'mt:deepl',
        status: 'machine',
        articlePath: 'en/a.md',
        createdAt: '2024-01-01T00:00:00.000Z',
        updatedAt: '2024-01-01T00:00:00.000Z',
      });
    });

    it('answers a whole batch, leaving out segments it has no translation for', async () => {
      const bye = machineEntry({ sourceText: 'Goodbye.', targetText: 'Au revoir.' });
      await memory.store([hello, bye]);
      const unknown = requestFor(machineEntry({ sourceText: 'Unknown.', targetText: '' }));
      const found = await memory.lookup([requestFor(hello), unknown, requestFor(bye)]);
      expect([...found.keys()].sort()).toEqual([hello.key, bye.key].sort());
      expect(found.get(bye.key)?.targetText).toBe('Au revoir.');
      expect(await memory.lookup([])).toEqual(new Map());
    });

    it('finds a text stored from one article when it stands elsewhere in another, whitespace aside', async () => {
      await memory.store([machineEntry({ sourceText: 'The city is big.', targetText: 'La ville est grande.', articlePath: 'en/first.md' })]);
      const elsewhere = requestFor(machineEntry({ sourceText: '  The city\nis big. ', targetText: '' }));
      expect((await memory.lookup([elsewhere])).get(elsewhere.key)?.targetText).toBe('La ville est grande.');
    });

    it('misses when the engine profile or glossary version differs and nothing is reviewed', async () => {
      await memory.store([hello]);
      const otherProfile = requestFor({ ...hello, engineProfile: 'apertium' });
      const otherGlossary = requestFor({ ...hello, glossaryVersion: 'g2' });
      expect((await memory.lookup([otherProfile, otherGlossary])).size).toBe(0);
    });

    it('replaces a machine entry under the same key and keeps its creation time', async () => {
      await memory.store([hello]);
      await memory.store([{ ...hello, targetText: 'Salut <g1>le monde</g1>.' }]);
      const entry = (await memory.lookup([requestFor(hello)])).get(hello.key);
      expect(entry).toMatchObject({ targetText: 'Salut <g1>le monde</g1>.', createdAt: '2024-01-01T00:00:00.000Z', updatedAt: '2024-01-01T00:00:01.000Z' });
      expect(await memory.counts()).toEqual({ entries: 1, reviewed: 0 });
    });

    it('tells whether it holds any entry', async () => {
      expect(await memory.hasEntries()).toBe(false);
      await memory.store([hello]);
      expect(await memory.hasEntries()).toBe(true);
    });

    it('writes a batch all or nothing', async () => {
      const broken = { ...machineEntry({ sourceText: 'Second.', targetText: 'Deuxième.' }), targetText: null as unknown as string };
      await expect(memory.store([hello, broken])).rejects.toThrow();
      expect(await memory.counts()).toEqual({ entries: 0, reviewed: 0 });
    });
  });

  describe('reviewed entries', () => {
    it('win over the machine entry of the exact key, whatever engine profile and glossary version they were made with', async () => {
      const reviewedUnderApertium = { ...hello, engineProfile: 'apertium', glossaryVersion: 'g0', key: memoryKey({ ...hello, engineProfile: 'apertium', glossaryVersion: 'g0' }) };
      await memory.store([hello]);
      await memory.storeReviewed([{ ...reviewedUnderApertium, targetText: 'Bonjour <g1>tout le monde</g1>.' }]);
      const entry = (await memory.lookup([requestFor(hello)])).get(hello.key);
      expect(entry).toMatchObject({ key: reviewedUnderApertium.key, targetText: 'Bonjour <g1>tout le monde</g1>.', origin: 'human', status: 'reviewed' });
    });

    it('do not leak into another language pair', async () => {
      await memory.storeReviewed([{ ...hello, targetLanguage: 'de', key: memoryKey({ ...hello, targetLanguage: 'de' }), targetText: 'Hallo <g1>Welt</g1>.' }]);
      expect((await memory.lookup([requestFor(hello)])).size).toBe(0);
    });

    it('are never downgraded to machine by a later engine result under the same key', async () => {
      await memory.storeReviewed([{ ...hello, targetText: 'Bonjour <g1>à tous</g1>.' }]);
      await memory.store([{ ...hello, targetText: 'Bonjour <g1>monde</g1>.' }]);
      expect((await memory.lookup([requestFor(hello)])).get(hello.key)).toMatchObject({ targetText: 'Bonjour <g1>à tous</g1>.', status: 'reviewed', origin: 'human' });
      expect(await memory.counts()).toEqual({ entries: 1, reviewed: 1 });
    });

    it('are replaced by a newer human edit, and the most recent of several reviewed entries wins', async () => {
      const other = { ...hello, engineProfile: 'apertium', key: memoryKey({ ...hello, engineProfile: 'apertium' }) };
      await memory.storeReviewed([{ ...other, targetText: 'Older review.' }]);
      await memory.storeReviewed([{ ...hello, targetText: 'Newer review.' }]);
      expect((await memory.lookup([requestFor({ ...hello, engineProfile: 'pseudo' })])).values().next().value?.targetText).toBe('Newer review.');
      await memory.storeReviewed([{ ...hello, targetText: 'Edited again.' }]);
      expect((await memory.lookup([requestFor(hello)])).get(hello.key)?.targetText).toBe('Edited again.');
    });
  });

  describe('imported entries', () => {
    it('stand in for a missing key by source text, but an exact machine entry wins over them', async () => {
      const imported = { ...hello, engineProfile: 'import', glossaryVersion: '', key: memoryKey({ ...hello, engineProfile: 'import', glossaryVersion: '' }) };
      expect(await memory.storeImported([{ ...imported, targetText: 'Imported.' }])).toEqual({ imported: 1, skipped: 0 });
      expect((await memory.lookup([requestFor(hello)])).get(hello.key)).toMatchObject({ targetText: 'Imported.', origin: 'import', status: 'machine' });
      await memory.store([hello]);
      expect((await memory.lookup([requestFor(hello)])).get(hello.key)?.targetText).toBe('Bonjour <g1>le monde</g1>.');
    });

    it('count what they did not change as skipped', async () => {
      const entry = { ...hello, status: 'reviewed' as const };
      expect(await memory.storeImported([entry])).toEqual({ imported: 1, skipped: 0 });
      expect(await memory.storeImported([entry, { ...entry, status: 'machine' }])).toEqual({ imported: 0, skipped: 2 });
    });
  });

  describe('outputs written', () => {
    it('give back the last one written, the rebuild kept apart only where it differs from the output', async () => {
      const written = { language: 'fr', file: 'guides/bridge.md', sourceText: '# Bridge\n', outputText: '# Pont\n', rebuiltText: '# Pont\n' };
      await memory.recordOutput(written);
      expect(await memory.lastOutput('fr', 'guides/bridge.md')).toEqual(written);
      // A person's edit kept as written: the rebuild it replaced is what tells the edit apart.
      const kept = { ...written, outputText: '# Le pont\n' };
      await memory.recordOutput(kept);
      expect(await memory.lastOutput('fr', 'guides/bridge.md')).toEqual(kept);
      await memory.recordOutput(written);
      expect(await memory.lastOutput('fr', 'guides/bridge.md')).toEqual(written);
      expect(await memory.lastOutput('de', 'guides/bridge.md')).toBeUndefined();
    });
  });

  describe('suggestions kept for reviewers', () => {
    it('are saved per key, replaced, and removed by an empty list', async () => {
      const suggestion = { key: 'k1', sourceText: 'Hello there.', targetText: 'Bonjour.', similarity: 0.8, origin: 'human' as const, status: 'reviewed' as const, articlePath: null };
      expect(await memory.suggestionsFor(hello.key)).toEqual([]);
      await memory.saveSuggestions(hello.key, [suggestion]);
      expect(await memory.suggestionsFor(hello.key)).toEqual([suggestion]);
      await memory.saveSuggestions(hello.key, [{ ...suggestion, similarity: 0.9 }]);
      expect(await memory.suggestionsFor(hello.key)).toEqual([{ ...suggestion, similarity: 0.9 }]);
      await memory.saveSuggestions(hello.key, []);
      expect(await memory.suggestionsFor(hello.key)).toEqual([]);
    });

    it('tell which keys hold a reviewed translation among their suggestions, in one question', async () => {
      const suggestion = { key: 'k1', sourceText: 'Hello there.', targetText: 'Bonjour.', similarity: 0.8, origin: 'human' as const, articlePath: null };
      await memory.saveSuggestions('reviewed-one', [{ ...suggestion, status: 'machine' }, { ...suggestion, status: 'reviewed' }]);
      await memory.saveSuggestions('machine-only', [{ ...suggestion, status: 'machine' }]);
      expect(await memory.keysWithReviewedSuggestion(['reviewed-one', 'machine-only', 'none-saved'])).toEqual(new Set(['reviewed-one']));
      expect(await memory.keysWithReviewedSuggestion([])).toEqual(new Set());
      await memory.saveSuggestions('reviewed-one', []);
      expect(await memory.keysWithReviewedSuggestion(['reviewed-one'])).toEqual(new Set());
    });

    it('are never returned as a translation', async () => {
      await memory.saveSuggestions(hello.key, [{ key: 'k1', sourceText: 'Hello there.', targetText: 'Bonjour.', similarity: 0.8, origin: 'human', status: 'reviewed', articlePath: null }]);
      expect((await memory.lookup([requestFor(hello)])).size).toBe(0);
      expect(await memory.counts()).toEqual({ entries: 0, reviewed: 0 });
    });
  });
});
