import { describe, expect, it } from 'vitest';
import { checkEmpty } from '../../src/qa/check-empty.ts';
import { contextFor, pairOf } from './helpers.ts';

describe('checkEmpty', () => {
  it('reports a translation left with only inline code', () => {
    expect(checkEmpty(...pairOf('Run `make` first.', '\n`make`'), contextFor())).toEqual([
      { check: 'empty', severity: 'error', file: 'guide.md', language: 'es', line: 2, message: 'the translation is empty while the source has text', text: '' },
    ]);
  });

  it('says nothing when the source has no words either', () => {
    expect(checkEmpty(...pairOf('`make`', '`make`'), contextFor())).toEqual([]);
  });

  it('says nothing about a translation with text', () => {
    expect(checkEmpty(...pairOf('The museum.', 'El museo.'), contextFor())).toEqual([]);
  });
});
