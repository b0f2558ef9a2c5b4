import { beforeEach, describe, expect, it } from 'vitest';
import type { MemoryStore } from '../../src/memory/memory-store.ts';
import { similarity } from '../../src/memory/similarity.ts';
import { pickRareTrigrams, trigramsOf } from '../../src/memory/sqlite/trigram-query.ts';
import { memoryBackends } from './support/memory-backends.ts';
import { machineEntry, steppingClock } from './support/memory-fixtures.ts';

describe('similarity', () => {
  it('is one minus the edit distance over the longer length', async () => {
    expect(similarity('kitten', 'sitting')).toBeCloseTo(1 - 3 / 7);
    expect(similarity('same', 'same')).toBe(1);
    expect(similarity('', '')).toBe(1);
    expect(similarity('abc', '')).toBe(0);
  });

  it('counts code points, not UTF-16 units', async () => {
    expect(similarity('a😀b', 'a😃b')).toBeCloseTo(2 / 3);
  });

  it('is case-sensitive: a reviewer would have to fix the case', async () => {
    expect(similarity('The city', 'the city')).toBeCloseTo(7 / 8);
  });

  it('gives 0 as soon as the result must be below the minimum', async () => {
    expect(similarity('kitten', 'sitting', 0.75)).toBe(0);
    expect(similarity('kitten', 'sitting', 0.5)).toBeCloseTo(1 - 3 / 7);
  });
});

describe('pickRareTrigrams', () => {
  it('takes the rarest trigrams within the postings budget, and at least the minimum', async () => {
    const documents = new Map([['abc', 500], ['bcd', 10], ['cde', 3000]]);
    expect(pickRareTrigrams(['abc', 'bcd', 'cde', 'new'], documents, { budget: 600, minimum: 1 })).toEqual(['new', 'bcd', 'abc']);
    expect(pickRareTrigrams(['abc', 'bcd', 'cde'], documents, { budget: 0, minimum: 2 })).toEqual(['bcd', 'abc']);
  });

  it('reads trigrams as the case-folding tokenizer does', async () => {
    expect(trigramsOf('AbcAbc')).toEqual(['abc', 'bca', 'cab']);
    expect(trigramsOf('ab')).toEqual([]);
  });
});

describe.each(memoryBackends)('on $name', (backend) => {
  describe('suggest', () => {
    let memory: MemoryStore;

    beforeEach(async () => {
      memory = await backend.open({ now: steppingClock() });
      await memory.store([
        machineEntry({ sourceText: 'The old town of <g1>Chongqing</g1> lies on a hill.', targetText: 'La vieille ville de <g1>Chongqing</g1> se trouve sur une colline.' }),
        machineEntry({ sourceText: 'The new town of Chongqing lies on a river.', targetText: 'La ville nouvelle de Chongqing se trouve sur une rivière.' }),
        machineEntry({ sourceText: 'Bridges cross the Jialing river.', targetText: 'Des ponts traversent la rivière Jialing.' }),
        machineEntry({ sourceText: 'The old town of Chongqing lies on a hill.', targetText: 'Die Altstadt von Chongqing liegt auf einem Hügel.', targetLanguage: 'de' }),
      ]);
    });

    it('suggests earlier translations of similar texts of the same pair, most similar first, tags ignored', async () => {
      const suggestions = await memory.suggest('The old town of Chongqing lies on <g1>the</g1> hill.', 'en', 'fr', { threshold: 0.75 });
      expect(suggestions.map(({ sourceText, similarity: score }) => [sourceText, Number(score.toFixed(3))])).toEqual([
        // "the" → "a": 3 edits over 43 characters; then old → new and "the hill" → "a river": 10 edits.
        ['The old town of <g1>Chongqing</g1> lies on a hill.', 0.93],
        ['The new town of Chongqing lies on a river.', 0.767],
      ]);
      expect(suggestions[0]).toMatchObject({ targetText: 'La vieille ville de <g1>Chongqing</g1> se trouve sur une colline.', origin: 'mt:deepl', status: 'machine', articlePath: null });
    });

    it('finds entries stored after an earlier search', async () => {
      expect((await memory.suggest('Bridges cross the Yangtze river.', 'en', 'fr', { threshold: 0.7 })).map((suggestion) => suggestion.sourceText)).toEqual(['Bridges cross the Jialing river.']);
      await memory.store([machineEntry({ sourceText: 'Bridges cross the Yangtze river today.', targetText: 'Des ponts traversent le Yangtsé aujourd’hui.' })]);
      // SQLite indexes what was stored since the last search once, before the next; PostgreSQL's index is always current.
      expect(await memory.indexForSuggestions()).toBe(backend.name === 'sqlite' ? 1 : 0);
      expect(await memory.indexForSuggestions()).toBe(0);
      expect((await memory.suggest('Bridges cross the Yangtze river.', 'en', 'fr', { threshold: 0.7 })).map((suggestion) => suggestion.sourceText)).toEqual([
        'Bridges cross the Yangtze river today.',
        'Bridges cross the Jialing river.',
      ]);
    });

    it('leaves out texts below the threshold', async () => {
      const suggestions = await memory.suggest('The old town of Chongqing lies on the hill.', 'en', 'fr', { threshold: 0.9 });
      expect(suggestions.map((suggestion) => suggestion.sourceText)).toEqual(['The old town of <g1>Chongqing</g1> lies on a hill.']);
      expect(await memory.suggest('Something else entirely.', 'en', 'fr')).toEqual([]);
    });

    it('returns at most `limit` suggestions', async () => {
      expect(await memory.suggest('The old town of Chongqing lies on the hill.', 'en', 'fr', { threshold: 0.5, limit: 1 })).toHaveLength(1);
    });

    it('prefers the reviewed translation of a source text over its machine ones', async () => {
      const fromApertium = machineEntry({ sourceText: 'Bridges cross the Jialing river.', targetText: 'Des ponts croisent le Jialing.', engineProfile: 'apertium' });
      await memory.storeReviewed([{ ...fromApertium, targetText: 'Des ponts enjambent la Jialing.' }]);
      expect(await memory.suggest('Bridges cross the Jialing River.', 'en', 'fr')).toMatchObject([{ targetText: 'Des ponts enjambent la Jialing.', status: 'reviewed', origin: 'human' }]);
    });

    it('finds nothing for texts too short to have a trigram', async () => {
      expect(await memory.suggest('<g1>Hi</g1>', 'en', 'fr')).toEqual([]);
    });

    it('rejects options out of range with the value it got', async () => {
      await expect(memory.suggest('text', 'en', 'fr', { threshold: 1.5 })).rejects.toThrow('Expected `threshold` to be a number in (0, 1], got `1.5` (number)');
      await expect(memory.suggest('text', 'en', 'fr', { limit: 0 })).rejects.toThrow('Expected `limit` to be an integer ≥ 1, got `0` (number)');
    });
  });

  describe('suggestWithinArticle', () => {
    it("ranks each text against its own article's translations only, one list per text in their order", async () => {
      const memory = await backend.open({ now: steppingClock() });
      await memory.store([
        machineEntry({ sourceText: 'The bridge opens in May.', targetText: 'Le pont ouvre en mai.', articlePath: 'a.md' }),
        machineEntry({ sourceText: 'The museum closes at six.', targetText: 'Le musée ferme à six heures.', articlePath: 'a.md' }),
        machineEntry({ sourceText: 'The bridge opens in June.', targetText: 'Le pont ouvre en juin.', articlePath: 'b.md' }),
      ]);
      const found = await memory.suggestWithinArticle(['The bridge opens in April.', 'Something else entirely.', 'The museum closes at seven.'], 'en', 'fr', 'a.md', { threshold: 0.7 });
      expect(found.map((suggestions) => suggestions.map((suggestion) => suggestion.sourceText))).toEqual([['The bridge opens in May.'], [], ['The museum closes at six.']]);
      expect(await memory.suggestWithinArticle([], 'en', 'fr', 'a.md')).toEqual([]);
    });
  });
});

describe('similarity of long texts', () => {
  it('measures texts of thousands of characters exactly, and gives up on texts too long to compare', () => {
    const text = 'The river runs through the city. '.repeat(100);
    const edited = `${text.slice(0, 1000)}X${text.slice(1001, 2000)}YZ${text.slice(2000)}`;
    expect(similarity(text, edited, 0.75)).toBeCloseTo(1 - 3 / edited.length);
    const line = 'word '.repeat(40_000);
    expect(similarity(line, `${line}more`, 0.75)).toBe(0);
  });
});
