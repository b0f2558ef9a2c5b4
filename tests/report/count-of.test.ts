import { describe, expect, it } from 'vitest';
import { countOf } from '../../src/report/count-of.ts';

describe('countOf', () => {
  it('puts the noun in the plural for every amount but one', () => {
    expect([0, 1, 2].map((amount) => countOf(amount, 'warning'))).toEqual(['0 warnings', '1 warning', '2 warnings']);
  });
});
