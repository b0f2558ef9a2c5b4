import { describe, expect, it } from 'vitest';
import { checkEndPunctuation } from '../../src/qa/check-end-punctuation.ts';
import { contextFor, pairOf } from './helpers.ts';

const check = (source: string, target: string, targetLanguage = 'es') => checkEndPunctuation(...pairOf(source, target), contextFor({ targetLanguage }));

describe('checkEndPunctuation', () => {
  it('reports a lost full stop', () => {
    expect(check('The museum opens at noon.', 'El museo abre a mediodía').map((finding) => [finding.check, finding.severity, finding.message])).toEqual([
      ['end-punctuation', 'warning', 'the source ends with "." but the translation does not'],
    ]);
  });

  it('reports an added colon', () => {
    expect(check('Opening hours', 'Horario:').map((finding) => finding.message)).toEqual(['the translation ends with ":" but the source does not']);
  });

  it('accepts another mark of the same kind', () => {
    expect(check('Is it open?', '¿Está abierto?')).toEqual([]);
    expect(check('Open now!', 'Abierto ahora.')).toEqual([]);
  });

  it('looks past closing quotes, which languages place on either side of the full stop', () => {
    expect(check('He said "it is open."', 'Dijo «está abierto».')).toEqual([]);
  });

  it('looks past the padding and bracket of pseudo-localisation', () => {
    expect(check('The city is big.', '⟦Ţĥé çíţý íš ƀíĝ. ····⟧')).toEqual([]);
    expect(check('The city is big.', '⟦Ţĥé çíţý íš ƀíĝ ····⟧')).toHaveLength(1);
  });

  it('takes no character beyond the basic plane for a mark', () => {
    expect(check('The museum opens at noon.', 'El museo abre a mediodía 🏛').map((finding) => finding.message)).toEqual(['the source ends with "." but the translation does not']);
    expect(check('The museum opens 🏛', 'El museo abre.').map((finding) => finding.message)).toEqual(['the translation ends with "." but the source does not']);
    expect(check('Open 🏛', 'Abierto 🏛')).toEqual([]);
  });

  it('treats Chinese marks as full stops', () => {
    expect(check('The museum opens at noon.', '博物馆中午开放。', 'zh')).toEqual([]);
    expect(check('Is it open?', '开放吗？', 'zh')).toEqual([]);
    expect(check('Hours:', '时间：', 'zh')).toEqual([]);
  });
});
