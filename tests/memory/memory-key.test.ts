import { describe, expect, it } from 'vitest';
import { memoryKey } from '../../src/memory/memory-key.ts';

const base = { sourceText: 'Visit <g1>Chongqing</g1> in <x2/>.', sourceLanguage: 'en', targetLanguage: 'fr', engineProfile: 'deepl', glossaryVersion: 'g1' };

describe('memoryKey', () => {
  it('is a fixed hash of text, pair, profile and glossary: a change of format would orphan every stored memory', () => {
    expect(memoryKey(base)).toBe('4148204baa8af5c23529b448ff097447');
  });

  it('ignores differences segmentId normalises away (whitespace, Unicode composition)', () => {
    expect(memoryKey({ ...base, sourceText: '  Visit <g1>Chongqing</g1>\n in <x2/>. ' })).toBe(memoryKey(base));
    expect(memoryKey({ ...base, sourceText: 'Caf\u0065\u0301' })).toBe(memoryKey({ ...base, sourceText: 'Caf\u00e9' }));
  });

  it('treats language codes case-insensitively, as BCP 47 does', () => {
    expect(memoryKey({ ...base, targetLanguage: 'pt-BR' })).toBe(memoryKey({ ...base, targetLanguage: 'pt-br' }));
  });

  it('changes with the text, its tags, the pair, the engine profile and the glossary version', () => {
    const variants = [
      { sourceText: 'Visit Chongqing in <x2/>.' },
      { sourceText: 'Visit <g1>Chongqing</g1> in <x3/>.' },
      { sourceLanguage: 'es' },
      { targetLanguage: 'de' },
      { engineProfile: 'deepl:formal' },
      { glossaryVersion: 'g2' },
    ];
    const keys = new Set([memoryKey(base), ...variants.map((variant) => memoryKey({ ...base, ...variant }))]);
    expect(keys.size).toBe(variants.length + 1);
  });

  it('cannot be confused by separators inside the fields', () => {
    expect(memoryKey({ ...base, engineProfile: 'a', glossaryVersion: 'b|c' })).not.toBe(memoryKey({ ...base, engineProfile: 'a|b', glossaryVersion: 'c' }));
  });
});
