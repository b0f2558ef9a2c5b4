import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryKey } from '../../src/memory/memory-key.ts';
import { TranslationMemory } from '../../src/memory/translation-memory.ts';
import { machineEntry, makeTempDir, removeTempDir, requestFor, steppingClock } from './support/memory-fixtures.ts';

let dir: string;
let memory: TranslationMemory;

beforeEach(async () => {
  dir = await makeTempDir();
  memory = TranslationMemory.open(path.join(dir, 'nested', 'memory.sqlite'), { now: steppingClock() });
});

afterEach(async () => {
  memory.close();
  await removeTempDir(dir);
});

const hello = machineEntry({ sourceText: 'Hello <g1>world</g1>.', targetText: 'Bonjour <g1>le monde</g1>.', articlePath: 'en/a.md' });

describe('store and lookup', () => {
  it('finds what was stored, with every field and the injected clock', () => {
    memory.store([hello]);
    expect(memory.lookup([requestFor(hello)]).get(hello.key)).toEqual({
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

  it('answers a whole batch, leaving out segments it has no translation for', () => {
    const bye = machineEntry({ sourceText: 'Goodbye.', targetText: 'Au revoir.' });
    memory.store([hello, bye]);
    const unknown = requestFor(machineEntry({ sourceText: 'Unknown.', targetText: '' }));
    const found = memory.lookup([requestFor(hello), unknown, requestFor(bye)]);
    expect([...found.keys()].sort()).toEqual([hello.key, bye.key].sort());
    expect(found.get(bye.key)?.targetText).toBe('Au revoir.');
    expect(memory.lookup([])).toEqual(new Map());
  });

  it('finds a text stored from one article when it stands elsewhere in another, whitespace aside', () => {
    memory.store([machineEntry({ sourceText: 'The city is big.', targetText: 'La ville est grande.', articlePath: 'en/first.md' })]);
    const elsewhere = requestFor(machineEntry({ sourceText: '  The city\nis big. ', targetText: '' }));
    expect(memory.lookup([elsewhere]).get(elsewhere.key)?.targetText).toBe('La ville est grande.');
  });

  it('misses when the engine profile or glossary version differs and nothing is reviewed', () => {
    memory.store([hello]);
    const otherProfile = requestFor({ ...hello, engineProfile: 'apertium' });
    const otherGlossary = requestFor({ ...hello, glossaryVersion: 'g2' });
    expect(memory.lookup([otherProfile, otherGlossary]).size).toBe(0);
  });

  it('replaces a machine entry under the same key and keeps its creation time', () => {
    memory.store([hello]);
    memory.store([{ ...hello, targetText: 'Salut <g1>le monde</g1>.' }]);
    const entry = memory.lookup([requestFor(hello)]).get(hello.key);
    expect(entry).toMatchObject({ targetText: 'Salut <g1>le monde</g1>.', createdAt: '2024-01-01T00:00:00.000Z', updatedAt: '2024-01-01T00:00:01.000Z' });
    expect(memory.counts()).toEqual({ entries: 1, reviewed: 0 });
  });

  it('writes a batch all or nothing', () => {
    const broken = { ...machineEntry({ sourceText: 'Second.', targetText: 'Deuxième.' }), targetText: null as unknown as string };
    expect(() => memory.store([hello, broken])).toThrow();
    expect(memory.counts()).toEqual({ entries: 0, reviewed: 0 });
  });
});

describe('reviewed entries', () => {
  it('win over the machine entry of the exact key, whatever engine profile and glossary version they were made with', () => {
    const reviewedUnderApertium = { ...hello, engineProfile: 'apertium', glossaryVersion: 'g0', key: memoryKey({ ...hello, engineProfile: 'apertium', glossaryVersion: 'g0' }) };
    memory.store([hello]);
    memory.storeReviewed([{ ...reviewedUnderApertium, targetText: 'Bonjour <g1>tout le monde</g1>.' }]);
    const entry = memory.lookup([requestFor(hello)]).get(hello.key);
    expect(entry).toMatchObject({ key: reviewedUnderApertium.key, targetText: 'Bonjour <g1>tout le monde</g1>.', origin: 'human', status: 'reviewed' });
  });

  it('do not leak into another language pair', () => {
    memory.storeReviewed([{ ...hello, targetLanguage: 'de', key: memoryKey({ ...hello, targetLanguage: 'de' }), targetText: 'Hallo <g1>Welt</g1>.' }]);
    expect(memory.lookup([requestFor(hello)]).size).toBe(0);
  });

  it('are never downgraded to machine by a later engine result under the same key', () => {
    memory.storeReviewed([{ ...hello, targetText: 'Bonjour <g1>à tous</g1>.' }]);
    memory.store([{ ...hello, targetText: 'Bonjour <g1>monde</g1>.' }]);
    expect(memory.lookup([requestFor(hello)]).get(hello.key)).toMatchObject({ targetText: 'Bonjour <g1>à tous</g1>.', status: 'reviewed', origin: 'human' });
    expect(memory.counts()).toEqual({ entries: 1, reviewed: 1 });
  });

  it('are replaced by a newer human edit, and the most recent of several reviewed entries wins', () => {
    const other = { ...hello, engineProfile: 'apertium', key: memoryKey({ ...hello, engineProfile: 'apertium' }) };
    memory.storeReviewed([{ ...other, targetText: 'Older review.' }]);
    memory.storeReviewed([{ ...hello, targetText: 'Newer review.' }]);
    expect(memory.lookup([requestFor({ ...hello, engineProfile: 'pseudo' })]).values().next().value?.targetText).toBe('Newer review.');
    memory.storeReviewed([{ ...hello, targetText: 'Edited again.' }]);
    expect(memory.lookup([requestFor(hello)]).get(hello.key)?.targetText).toBe('Edited again.');
  });
});

describe('imported entries', () => {
  it('stand in for a missing key by source text, but an exact machine entry wins over them', () => {
    const imported = { ...hello, engineProfile: 'import', glossaryVersion: '', key: memoryKey({ ...hello, engineProfile: 'import', glossaryVersion: '' }) };
    expect(memory.storeImported([{ ...imported, targetText: 'Imported.' }])).toEqual({ imported: 1, skipped: 0 });
    expect(memory.lookup([requestFor(hello)]).get(hello.key)).toMatchObject({ targetText: 'Imported.', origin: 'import', status: 'machine' });
    memory.store([hello]);
    expect(memory.lookup([requestFor(hello)]).get(hello.key)?.targetText).toBe('Bonjour <g1>le monde</g1>.');
  });

  it('count what they did not change as skipped', () => {
    const entry = { ...hello, status: 'reviewed' as const };
    expect(memory.storeImported([entry])).toEqual({ imported: 1, skipped: 0 });
    expect(memory.storeImported([entry, { ...entry, status: 'machine' }])).toEqual({ imported: 0, skipped: 2 });
  });
});

describe('suggestions kept for reviewers', () => {
  it('are saved per key, replaced, and removed by an empty list', () => {
    const suggestion = { key: 'k1', sourceText: 'Hello there.', targetText: 'Bonjour.', similarity: 0.8, origin: 'human' as const, status: 'reviewed' as const, articlePath: null };
    expect(memory.suggestionsFor(hello.key)).toEqual([]);
    memory.saveSuggestions(hello.key, [suggestion]);
    expect(memory.suggestionsFor(hello.key)).toEqual([suggestion]);
    memory.saveSuggestions(hello.key, [{ ...suggestion, similarity: 0.9 }]);
    expect(memory.suggestionsFor(hello.key)).toEqual([{ ...suggestion, similarity: 0.9 }]);
    memory.saveSuggestions(hello.key, []);
    expect(memory.suggestionsFor(hello.key)).toEqual([]);
  });

  it('are never returned as a translation', () => {
    memory.saveSuggestions(hello.key, [{ key: 'k1', sourceText: 'Hello there.', targetText: 'Bonjour.', similarity: 0.8, origin: 'human', status: 'reviewed', articlePath: null }]);
    expect(memory.lookup([requestFor(hello)]).size).toBe(0);
    expect(memory.counts()).toEqual({ entries: 0, reviewed: 0 });
  });
});
