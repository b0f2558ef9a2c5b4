import { describe, expect, it } from 'vitest';
import { checkGlossaryTerms } from '../../src/qa/check-glossary-terms.ts';
import { contextFor, pairOf } from './helpers.ts';

const chongqing = { termId: 'chongqing', source: 'Chongqing', expected: 'Chongqing' };
const centre = { termId: 'centre', source: 'centre', expected: 'centro' };

describe('checkGlossaryTerms', () => {
  it('reports an expected form that is missing', () => {
    const [source, target] = pairOf('By 2021 there were 101 centres in Chongqing.', 'En 2021 había 100 centros en Txungking.');
    expect(checkGlossaryTerms(source, target, contextFor({ terms: [chongqing] }))).toEqual([
      {
        check: 'glossary-term',
        severity: 'error',
        file: 'guide.md',
        language: 'es',
        line: 1,
        message: 'glossary term "Chongqing" (chongqing) should be translated as "Chongqing", which is missing',
        text: 'En 2021 había 100 centros en Txungking.',
      },
    ]);
  });

  it('says so when the source form was left', () => {
    const [source, target] = pairOf('Visit the dim sum house.', 'Visita la dim sum house.');
    const terms = [{ termId: 'dim-sum-house', source: 'dim sum house', expected: 'casa de dim sum' }];
    expect(checkGlossaryTerms(source, target, contextFor({ terms })).map((finding) => finding.message)).toEqual([
      'glossary term "dim sum house" (dim-sum-house) is left as in the source; expected "casa de dim sum"',
    ]);
  });

  it('matches without regard to case, across line breaks and with inflected endings', () => {
    const [source, target] = pairOf('The centre of Chongqing.', 'Los centros de\nCHONGQING.');
    expect(checkGlossaryTerms(source, target, contextFor({ terms: [chongqing, centre] }))).toEqual([]);
  });

  it('looks at the words, not the link or code around them', () => {
    const [source, target] = pairOf('In [Chongqing](https://example.com/chongqing).', 'En [Txungking](https://example.com/chongqing).');
    expect(checkGlossaryTerms(source, target, contextFor({ terms: [chongqing] }))).toHaveLength(1);
  });

  it('does not take a word that merely starts like the term for it', () => {
    const [source, target] = pairOf('Modern art.', 'Arte moderno.');
    const terms = [{ termId: 'art', source: 'art', expected: 'arte' }];
    expect(checkGlossaryTerms(source, target, contextFor({ terms }))).toEqual([]);
  });

  it('finds a term inside Chinese text, which has no spaces between words', () => {
    const [source, target] = pairOf('Chongqing is a city.', '重庆是一座城市。');
    const terms = [{ termId: 'chongqing', source: 'Chongqing', expected: '重庆' }];
    expect(checkGlossaryTerms(source, target, contextFor({ targetLanguage: 'zh', terms }))).toEqual([]);
  });

  it('reports a term once however often the source has it', () => {
    const [source, target] = pairOf('Chongqing, Chongqing!', 'Txungking, Txungking!');
    expect(checkGlossaryTerms(source, target, contextFor({ terms: [chongqing, chongqing] }))).toHaveLength(1);
  });

  it('takes the severity from the config', () => {
    const [source, target] = pairOf('In Chongqing.', 'En Txungking.');
    const [finding] = checkGlossaryTerms(source, target, contextFor({ terms: [chongqing], severities: { 'glossary-term': 'warning' } }));
    expect(finding?.severity).toBe('warning');
  });
});
