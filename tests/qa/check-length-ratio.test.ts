import { describe, expect, it } from 'vitest';
import { checkLengthRatio } from '../../src/qa/check-length-ratio.ts';
import { contextFor, pairOf } from './helpers.ts';

const source = 'The museum opens at noon every day except Monday.';

describe('checkLengthRatio', () => {
  it('reports a translation far shorter than its source', () => {
    const findings = checkLengthRatio(...pairOf(source, 'El museo.'), contextFor());
    expect(findings.map((finding) => [finding.check, finding.severity, finding.message])).toEqual([
      ['length-ratio', 'warning', "the translation is 0.18× the source's length (9 vs 49 characters), shorter than the expected 0.4–2.5×"],
    ]);
  });

  it('reports a translation far longer than its source', () => {
    const target = `${'El museo abre a mediodía todos los días salvo los lunes, '.repeat(3)}y además explica muchas cosas.`;
    expect(checkLengthRatio(...pairOf(source, target), contextFor())).toHaveLength(1);
  });

  it('accepts an ordinary translation', () => {
    expect(checkLengthRatio(...pairOf(source, 'El museo abre a mediodía todos los días salvo los lunes.'), contextFor())).toEqual([]);
  });

  it('leaves short sources alone', () => {
    expect(checkLengthRatio(...pairOf('Opening hours', 'Horario de apertura del museo y más'), contextFor())).toEqual([]);
  });

  it('expects a Chinese translation to be much shorter', () => {
    const context = contextFor({ targetLanguage: 'zh-Hans' });
    expect(checkLengthRatio(...pairOf(source, '博物馆每天中午开放，周一除外。'), context)).toEqual([]);
    expect(checkLengthRatio(...pairOf(source, '博物馆。'), context)).toHaveLength(1);
  });

  it('expects a translation from Chinese to be much longer', () => {
    const context = contextFor({ sourceLanguage: 'zh', targetLanguage: 'en' });
    expect(checkLengthRatio(...pairOf('博物馆每天中午开放，周一除外。', source), context)).toEqual([]);
  });
});
