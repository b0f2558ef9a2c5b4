import { describe, expect, it } from 'vitest';
import type { GlossaryTerm } from '../../src/glossary/glossary.ts';
import { maskTerms, unmaskTerms } from '../../src/glossary/mask-terms.ts';
import { createTermMatcher } from '../../src/glossary/match-terms.ts';

const term = (id: string, source: string, options: Partial<GlossaryTerm> = {}): GlossaryTerm => ({ id, source, variants: [], caseSensitive: false, ...options });

const matcher = createTermMatcher([
  term('liangjiang', 'Liangjiang'),
  term('liangjiang-new-area', 'Liangjiang New Area'),
  term('chongqing', 'Chongqing'),
  term('china', 'China', { caseSensitive: true }),
  term('rd', 'R&D Centre'),
]);
const catalan: Record<string, string> = { 'liangjiang-new-area': 'Nova Àrea de Liangjiang', china: 'Xina', rd: 'Centre de R+D <CAT>' };
const targetForm = (termId: string) => catalan[termId] ?? { liangjiang: 'Liangjiang', chongqing: 'Chongqing' }[termId] ?? '';

describe('maskTerms', () => {
  it('replaces terms by new atoms numbered from firstId, in reading order', () => {
    expect(maskTerms('Chongqing is in southwest China.', matcher, 1)).toEqual({
      text: '<x1/> is in southwest <x2/>.',
      masks: [
        { id: 1, termId: 'chongqing', source: 'Chongqing' },
        { id: 2, termId: 'china', source: 'China' },
      ],
    });
  });

  it('keeps formatting around a term intact', () => {
    expect(maskTerms('Visit <g1>Liangjiang</g1> and <g2>the Liangjiang New Area</g2>.', matcher, 3).text).toBe('Visit <g1><x3/></g1> and <g2>the <x4/></g2>.');
  });

  it('never looks inside atoms and never across tag boundaries', () => {
    expect(maskTerms('<x1/> Liang<g2>jiang</g2> and <g3>Chongqing</g3>s', matcher, 4)).toEqual({
      text: '<x1/> Liang<g2>jiang</g2> and <g3><x4/></g3>s',
      masks: [{ id: 4, termId: 'chongqing', source: 'Chongqing' }],
    });
  });

  it('matches escaped text and keeps the rest of it escaped', () => {
    expect(maskTerms('The R&amp;D Centre &lt;new&gt; in Chongqing', matcher, 1).text).toBe('The <x1/> &lt;new&gt; in <x2/>');
  });

  it('leaves text without terms exactly as it was', () => {
    const text = 'Nothing to see &amp; nothing to mask <x1/>.';
    expect(maskTerms(text, matcher, 2)).toEqual({ text, masks: [] });
  });

  it("masks a term before a possessive and keeps the 's", () => {
    expect(maskTerms("Liangjiang's parks", matcher, 1).text).toBe("<x1/>'s parks");
  });
});

describe('unmaskTerms', () => {
  it('round-trips: each placeholder becomes the escaped target form', () => {
    const { text, masks } = maskTerms('The <g1>Liangjiang New Area</g1> of Chongqing, China, has an R&amp;D Centre.', matcher, 2);
    expect(text).toBe('The <g1><x2/></g1> of <x3/>, <x4/>, has an <x5/>.');
    const translated = 'La <g1><x2/></g1> de <x3/>, <x4/>, té un <x5/>.';
    expect(unmaskTerms(translated, masks, targetForm)).toEqual({
      text: 'La <g1>Nova Àrea de Liangjiang</g1> de Chongqing, Xina, té un Centre de R+D &lt;CAT&gt;.',
      missing: [],
    });
  });

  it('reports a placeholder the engine lost and replaces a repeated one each time', () => {
    const { masks } = maskTerms('Chongqing and China', matcher, 1);
    expect(unmaskTerms('<x1/> i <x1/>', masks, targetForm)).toEqual({
      text: 'Chongqing i Chongqing',
      missing: [{ id: 2, termId: 'china', source: 'China' }],
    });
  });

  it("leaves the segment's own atoms for the rebuild", () => {
    const { masks } = maskTerms('<x1/> China', matcher, 2);
    expect(unmaskTerms('<x1/> <x2 />', masks, targetForm).text).toBe('<x1/> Xina');
  });
});
