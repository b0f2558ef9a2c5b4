import { describe, expect, it } from 'vitest';
import type { GlossaryTerm } from '../../src/glossary/glossary.ts';
import { createTermMatcher, findTerms } from '../../src/glossary/match-terms.ts';

const term = (id: string, source: string, options: Partial<GlossaryTerm> = {}): GlossaryTerm => ({ id, source, variants: [], caseSensitive: false, ...options });

const matcher = createTermMatcher([
  term('liangjiang', 'Liangjiang', { variants: ['Liang Jiang'] }),
  term('liangjiang-new-area', 'Liangjiang New Area'),
  term('chongqing', 'Chongqing'),
  term('china', 'China', { caseSensitive: true }),
  term('cida', 'China Industrial Design Association'),
  term('chongqing-zh', '重庆'),
  term('bangkok-th', 'กรุงเทพ'),
  term('xian', 'Xi’an'),
]);

/** The matches as `termId:text`, in reading order. */
const found = (text: string) => findTerms(matcher, text).map((match) => `${match.termId}:${match.text}`);

describe('findTerms', () => {
  it('reports each match with its offsets and text as written', () => {
    expect(findTerms(matcher, 'Liangjiang and chongqing')).toEqual([
      { termId: 'liangjiang', start: 0, end: 10, text: 'Liangjiang' },
      { termId: 'chongqing', start: 15, end: 24, text: 'chongqing' },
    ]);
  });

  it('takes the longest term first and never overlaps', () => {
    expect(found('The Liangjiang New Area and the China Industrial Design Association in China.')).toEqual([
      'liangjiang-new-area:Liangjiang New Area',
      'cida:China Industrial Design Association',
      'china:China',
    ]);
  });

  it('prefers the longer term even when a shorter one starts earlier', () => {
    const overlapping = createTermMatcher([term('ab', 'Alpha Beta'), term('bcd', 'Beta Gamma Delta')]);
    expect(findTerms(overlapping, 'Alpha Beta Gamma Delta').map((match) => match.text)).toEqual(['Beta Gamma Delta']);
  });

  it('matches whole words only in spaced scripts', () => {
    expect(found('Chongqingese, 2022Chongqing, Chongqing2, XChongqing, (Chongqing)')).toEqual(['chongqing:Chongqing']);
  });

  it('matches anywhere in Chinese and Thai text, and Latin terms next to CJK', () => {
    expect(found('他在重庆市工作，住在Chongqing的两江')).toEqual(['chongqing-zh:重庆', 'chongqing:Chongqing']);
    expect(found('ไปกรุงเทพมหานคร')).toEqual(['bangkok-th:กรุงเทพ']);
  });

  it('ignores case unless the term is case-sensitive', () => {
    expect(found('LIANGJIANG, liangjiang, CHINA, china, China')).toEqual(['liangjiang:LIANGJIANG', 'liangjiang:liangjiang', 'china:China']);
  });

  it('matches before a possessive or a plural, leaving the ending outside', () => {
    expect(found("Liangjiang's parks, Chongqing’s roads, two Chinas, the Liangjiangs, Liangjianges")).toEqual([
      'liangjiang:Liangjiang',
      'chongqing:Chongqing',
      'china:China',
      'liangjiang:Liangjiang',
      'liangjiang:Liangjiang',
    ]);
    expect(found('Chongqingsa, Chongqingese')).toEqual([]);
  });

  it('matches variants, any run of whitespace between words, and either apostrophe', () => {
    expect(found('Liang Jiang, Liangjiang New\n  Area, Xi\'an, Xi’an')).toEqual([
      'liangjiang:Liang Jiang',
      'liangjiang-new-area:Liangjiang New\n  Area',
      "xian:Xi'an",
      'xian:Xi’an',
    ]);
  });

  it('leaves URLs and e-mail addresses alone', () => {
    expect(found('See https://example.org/chongqing/visit, www.chongqing.gov.cn or info@chongqing.example, then Chongqing.')).toEqual([
      'chongqing:Chongqing',
    ]);
  });

  it('finds nothing with an empty glossary or text', () => {
    expect(findTerms(createTermMatcher([]), 'Chongqing')).toEqual([]);
    expect(findTerms(matcher, '')).toEqual([]);
  });
});
