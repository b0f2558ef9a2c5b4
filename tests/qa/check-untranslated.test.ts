import { describe, expect, it } from 'vitest';
import { checkUntranslated } from '../../src/qa/check-untranslated.ts';
import { contextFor, pairOf } from './helpers.ts';

describe('checkUntranslated', () => {
  it('reports a sentence left in the source language', () => {
    expect(checkUntranslated(...pairOf('The museum opens at noon.', 'The museum opens at  noon.'), contextFor())).toEqual([
      {
        check: 'untranslated',
        severity: 'warning',
        file: 'guide.md',
        language: 'es',
        line: 1,
        message: 'the translation is the same as the en source',
        text: 'The museum opens at noon.',
      },
    ]);
  });

  it('ignores a line of names', () => {
    expect(checkUntranslated(...pairOf('Chongqing Hotpot Museum', 'Chongqing Hotpot Museum'), contextFor())).toEqual([]);
  });

  it('ignores a single word and numbers', () => {
    expect(checkUntranslated(...pairOf('Chongqing 2021', 'Chongqing 2021'), contextFor())).toEqual([]);
    expect(checkUntranslated(...pairOf('Museum', 'Museum'), contextFor())).toEqual([]);
  });

  it('ignores glossary terms kept on purpose', () => {
    const terms = [{ termId: 'hotpot', source: 'hot pot', expected: 'hot pot' }];
    expect(checkUntranslated(...pairOf('hot pot', 'hot pot'), contextFor({ terms }))).toEqual([]);
    expect(checkUntranslated(...pairOf('hot pot recipes', 'hot pot recipes'), contextFor({ terms }))).toEqual([]);
    expect(checkUntranslated(...pairOf('hot pot and noodles', 'hot pot and noodles'), contextFor({ terms }))).toHaveLength(1);
  });

  it('counts each Chinese character as a word', () => {
    expect(checkUntranslated(...pairOf('重庆火锅', '重庆火锅'), contextFor({ sourceLanguage: 'zh', targetLanguage: 'en' }))).toHaveLength(1);
  });

  it('says nothing about a translated sentence', () => {
    expect(checkUntranslated(...pairOf('The museum opens at noon.', 'El museo abre al mediodía.'), contextFor())).toEqual([]);
  });
});
