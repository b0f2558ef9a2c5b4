import { describe, expect, it } from 'vitest';
import { collapseWhitespace, isWhitespace, wordingOf } from '../../src/markdown/wording.ts';

describe('collapseWhitespace', () => {
  it('treats as whitespace exactly the code units `\\s` matches', () => {
    const differing: number[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      if (isWhitespace(code) !== /\s/.test(String.fromCharCode(code))) differing.push(code);
    }
    expect(differing).toEqual([]);
  });

  it('gives what replacing runs and trimming gives, for texts of words and every kind of whitespace', () => {
    const pieces = ['a', 'é', '𝒳', ' ', '  ', '\n', '\t', '\u00a0', '\u3000', '\u2028', '\ufeff', ''];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let round = 0; round < 5000; round++) {
      const text = Array.from({ length: next() % 9 }, () => pieces[next() % pieces.length]).join('');
      expect(collapseWhitespace(text), JSON.stringify(text)).toBe(text.replace(/\s+/g, ' ').trim());
    }
  });

  it('leaves a text without extra whitespace unchanged and trims one at either end', () => {
    expect(collapseWhitespace('Liangjiang New Area')).toBe('Liangjiang New Area');
    expect(collapseWhitespace('')).toBe('');
    expect(collapseWhitespace(' x')).toBe('x');
    expect(collapseWhitespace('x ')).toBe('x');
  });
});

describe('wordingOf', () => {
  it('reads composed and decomposed accents and any spacing alike', () => {
    expect(wordingOf('Caf\u0065\u0301  de\nChongqing')).toBe(wordingOf('Caf\u00e9 de Chongqing'));
  });
});
