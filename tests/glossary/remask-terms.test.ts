import { describe, expect, it } from 'vitest';
import { remaskTerms } from '../../src/glossary/remask-terms.ts';

const forms: Record<string, string> = { liangjiang: 'Liangjiang (ES)', chongqing: 'Chongqing', bridge: 'puente <A>' };
const targetForm = (termId: string) => forms[termId]!;

describe('remaskTerms', () => {
  it('puts each term placeholder back where its target form is, in any order', () => {
    const masks = [
      { id: 2, termId: 'chongqing', source: 'Chongqing' },
      { id: 3, termId: 'liangjiang', source: 'Liangjiang' },
    ];
    expect(remaskTerms('En Liangjiang (ES), cerca de <g1>Chongqing</g1>.', masks, targetForm)).toEqual({ text: 'En <x3/>, cerca de <g1><x2/></g1>.', missing: [] });
  });

  it('matches forms holding markup characters as escaped text, and lists the forms it cannot find', () => {
    const masks = [
      { id: 1, termId: 'bridge', source: 'bridge' },
      { id: 2, termId: 'chongqing', source: 'Chongqing' },
    ];
    expect(remaskTerms('El puente &lt;A&gt; es largo.', masks, targetForm)).toEqual({ text: 'El <x1/> es largo.', missing: [masks[1]] });
  });
});
