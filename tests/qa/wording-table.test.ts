import { describe, expect, it } from 'vitest';
import { WordingTable } from '../../src/qa/wording-table.ts';

describe('WordingTable', () => {
  it('reads a text as mixed from its second wording on, and only then', () => {
    const table = new WordingTable();
    expect(table.note(11, 7)).toBe(false);
    expect(table.note(11, 7)).toBe(false);
    expect(table.isMixed(11)).toBe(false);
    expect(table.note(11, -3)).toBe(true);
    expect(table.note(11, 7)).toBe(true);
    expect(table.isMixed(11)).toBe(true);
    expect(table.isMixed(12)).toBe(false);
  });

  it('keeps every text apart as it grows far past its first size', () => {
    const table = new WordingTable();
    const count = 200_000;
    // Fingerprints that share their low bits, which a table indexing by them unmixed would pile into a few slots.
    const fingerprintOfText = (index: number) => (index + 1) * 0x1000;
    for (let index = 0; index < count; index++) table.note(fingerprintOfText(index), index);
    // The same wordings again, and a second wording for every third text only.
    for (let index = 0; index < count; index++) table.note(fingerprintOfText(index), index % 3 === 0 ? index + 1 : index);
    const mixed = Array.from({ length: count }, (_, index) => table.isMixed(fingerprintOfText(index)));
    expect(mixed.filter(Boolean)).toHaveLength(Math.ceil(count / 3));
    expect(mixed.every((isMixed, index) => isMixed === (index % 3 === 0))).toBe(true);
  });
});
