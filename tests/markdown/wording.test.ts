import { describe, expect, it } from 'vitest';
import { countCodePoints } from '../../src/markdown/count-code-points.ts';
import { collapsedLength, collapseWhitespace, hasWording, isWhitespace, trailingWhitespace, wordingOf } from '../../src/markdown/wording.ts';
import { createRandom } from '../fuzz/hostile-documents.ts';

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

// Lone halves of a surrogate pair count as a character each, as countCodePoints counts them.
const spacingPieces = ['a', 'é', '𝒳', '\ud835', '\udcb3', ' ', '  ', '\n', '\t', '\u00a0', '\u3000', '\u2028', '\ufeff', ''];

function randomTexts(seed: number, count: number): string[] {
  const random = createRandom(seed);
  const below = (limit: number) => Math.floor(random() * limit);
  return Array.from({ length: count }, () => Array.from({ length: below(9) }, () => spacingPieces[below(spacingPieces.length)]).join(''));
}

describe('collapsedLength', () => {
  it('counts the characters of the collapsed text, for texts of words, surrogates and every kind of whitespace', () => {
    for (const text of randomTexts(3, 5000)) expect(collapsedLength(text), JSON.stringify(text)).toBe(countCodePoints(text.replace(/\s+/g, ' ').trim()));
  });
});

describe('trailingWhitespace', () => {
  it('finds what /\\s*$/ finds', () => {
    for (const text of randomTexts(5, 5000)) expect(trailingWhitespace(text), JSON.stringify(text)).toBe(/\s*$/.exec(text)![0]);
  });
});

describe('wordingOf', () => {
  it('reads composed and decomposed accents and any spacing alike', () => {
    expect(wordingOf('Caf\u0065\u0301  de\nChongqing')).toBe(wordingOf('Caf\u00e9 de Chongqing'));
  });
});

describe('hasWording', () => {
  it('says what comparing with wordingOf says, for texts of letters, accents in both forms and every kind of whitespace', () => {
    const pieces = ['a', 'b', 'e', 'é', 'e\u0301', 'E', '𝒳', ' ', '  ', '\n', '\u00a0', '\u3000', '\ufb01', 'fi', '.', ''];
    let seed = 11;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    const text = () => Array.from({ length: next() % 7 }, () => pieces[next() % pieces.length]).join('');
    let same = 0;
    for (let round = 0; round < 20000; round++) {
      const [candidate, other] = [text(), text()];
      // Half the rounds compare a text with its own wording spaced another way, so that many do match.
      const wording = wordingOf(round % 2 === 0 ? other : candidate.replace(/ /g, '  '));
      const expected = wordingOf(candidate) === wording;
      if (expected) same++;
      expect(hasWording(candidate, wording), JSON.stringify([candidate, wording])).toBe(expected);
    }
    expect(same).toBeGreaterThan(5000);
  });

  it('tells a translation from its source without either being NFC-normalised', () => {
    expect(hasWording('  Bring   water.\n', 'Bring water.')).toBe(true);
    expect(hasWording('Traiga agua.', 'Bring water.')).toBe(false);
    expect(hasWording('Bring water', 'Bring water.')).toBe(false);
    expect(hasWording('Cafe\u0301 de Chongqing', 'Caf\u00e9 de Chongqing')).toBe(true);
  });
});
