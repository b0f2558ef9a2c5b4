import { describe, expect, it } from 'vitest';
import { checkSpanEdges } from '../../src/qa/check-span-edges.ts';
import { contextFor, pairOf } from './helpers.ts';

const check = (source: string, target: string) => checkSpanEdges(...pairOf(source, target), contextFor()).map((finding) => finding.message);

describe('checkSpanEdges', () => {
  it('finds inline code that left the link it started', () => {
    expect(check('[`npm install` command](https://x.org)', 'la `npm install` [orden](https://x.org)')).toEqual([
      'moved out of its formatted span: "`npm install`" of […](https://x.org); put it back inside the span, as in the source',
    ]);
  });

  it('finds a symbol that left the strong span it ended', () => {
    expect(check('Returns **{Object}** now.', 'Devuelve {**Objeto**} ahora.')).toHaveLength(1);
  });

  it('leaves an edge that is gone to the other checks', () => {
    expect(check('**Closer teams.** Work together.', '**Equipos cercanos** Trabajan juntos.')).toEqual([]);
  });

  it('accepts edges kept inside their spans, in another order', () => {
    expect(check('[`npm install` command](https://x.org) and *{a}*', '*{b}* y [`npm install` orden](https://x.org)')).toEqual([]);
  });
});
