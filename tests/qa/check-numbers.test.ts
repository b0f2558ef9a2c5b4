import { describe, expect, it } from 'vitest';
import { checkNumbers } from '../../src/qa/check-numbers.ts';
import { segmentMarkdown } from '../../src/markdown/segment-markdown.ts';
import { segmentOptions } from '../../src/markdown/segment-options.ts';
import { protectRuleNames } from '../../src/markdown/protect/protect-rules.ts';
import { contextFor, pairOf } from './helpers.ts';

const check = (source: string, target: string, targetLanguage = 'es', sourceLanguage = 'en') =>
  checkNumbers(...pairOf(source, target), contextFor({ sourceLanguage, targetLanguage }));

// Text as an engine sees it once every protect rule is off: versions stay plain text here.
const unprotected = segmentOptions([], { off: protectRuleNames, words: [], patterns: [] });
const plainPair = (source: string, target: string) => [segmentMarkdown(source, unprotected).segments[0]!, segmentMarkdown(target, unprotected).segments[0]!] as const;

describe('checkNumbers', () => {
  it('reads a version as one token, not as numbers to compare one by one', () => {
    const context = contextFor();
    expect(checkNumbers(...plainPair('Requires node v18.0.0 or later.', 'Requiere v18.0 de node.0 o más tarde.'), context).map((finding) => finding.message)).toEqual([
      'number 18.0.0 of the source is missing; the translation has 18, 0, 0 instead',
    ]);
    expect(checkNumbers(...plainPair('Requires node v18.0.0 or later.', 'Requiere node v18.0.0 o más tarde.'), context)).toEqual([]);
  });

  it('reports a number that changed', () => {
    const findings = check('By 2021 there were 101 centres in Chongqing.', 'En 2021 había 100 centros en Txungking.');
    expect(findings).toEqual([
      {
        check: 'number',
        severity: 'error',
        file: 'guide.md',
        language: 'es',
        line: 1,
        message: 'number 101 of the source is missing; the translation has 100 instead',
        text: 'En 2021 había 100 centros en Txungking.',
      },
    ]);
  });

  it('reports a number that is missing', () => {
    expect(check('It costs 5 dollars and weighs 3 kilos.', 'Cuesta cinco dólares y pesa 3 kilos.').map((finding) => finding.message)).toEqual([
      'number 5 of the source is missing',
    ]);
  });

  it('keeps years as they are', () => {
    expect(check('In 2021 the museum opened.', 'En 2021 se abrió el museo.')).toEqual([]);
    expect(check('In 2021 the museum opened.', 'En 2012 se abrió el museo.')).toHaveLength(1);
  });

  it.each([
    ['es', 'Hay 1.000 personas y 10.000 sillas.'],
    ['ca', 'Hi ha 1.000 persones i 10.000 cadires.'],
    ['de', 'Es gibt 1.000 Menschen und 10.000 Stühle.'],
    ['fr', 'Il y a 1 000 personnes et 10\u202f000 chaises.'],
  ])('accepts thousands written the %s way', (language, target) => {
    expect(check('There are 1,000 people and 10,000 chairs.', target, language)).toEqual([]);
  });

  it.each([
    ['es', 'Mide 3,5 metros.'],
    ['fr', 'Il mesure 3,5 mètres.'],
    ['de', 'Es misst 3,5 Meter.'],
  ])('accepts a decimal comma in %s', (language, target) => {
    expect(check('It measures 3.5 metres.', target, language)).toEqual([]);
  });

  it('reads the source in its own language', () => {
    expect(check('Mide 3,5 metros y pesa 1.200 kilos.', 'It measures 3.5 metres and weighs 1,200 kilos.', 'en', 'es')).toEqual([]);
  });

  it('accepts a number left as the source wrote it', () => {
    expect(check('There are 1,000 people.', 'Hay 1,000 personas.')).toEqual([]);
  });

  it('does not take a Spanish thousands point for a decimal', () => {
    expect(check('It measures 1.5 metres.', 'Mide 1.500 metros.').map((finding) => finding.message)).toEqual([
      'number 1.5 of the source is missing; the translation has 1.500 instead',
    ]);
  });

  it('counts a repeated number once per occurrence', () => {
    expect(check('Rooms 12 and 12.', 'Salas 12 y 21.')).toHaveLength(1);
  });

  it('reads full-width digits in a Chinese translation', () => {
    expect(check('In 2021 there were 101 centres.', '２０２１年有１０１个中心。', 'zh')).toEqual([]);
  });

  it('reads digits that only compatibility forms write (superscripts)', () => {
    expect(check('The hall covers 300 m².', 'La sala ocupa 300 m2.')).toEqual([]);
    expect(check('Floor ³ of 5.', 'Planta 3 de 5.')).toEqual([]);
    expect(check('Floor ³ of 5.', 'Planta de 5.')).toHaveLength(1);
  });

  it('reads Arabic-Indic digits', () => {
    expect(check('In 2021 there were 101 centres.', 'في ٢٠٢١ كان هناك ١٠١ مركزًا.', 'ar')).toEqual([]);
    expect(check('In 2021 there were 101 centres.', 'في ٢٠٢١ كان هناك ١٠٠ مركزًا.', 'ar')).toHaveLength(1);
  });

  it('ignores numbers inside link URLs and inline code', () => {
    expect(check('See [the guide](https://example.com/v2/page-7) and `x = 3`.', 'Ver [la guía](https://example.com/v2/page-7) y `x = 3`.')).toEqual([]);
  });
});
