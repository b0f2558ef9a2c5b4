import { describe, expect, it } from 'vitest';
import { checkWhitespace } from '../../src/qa/check-whitespace.ts';
import { contextFor, segmentsOf } from './helpers.ts';

const title = (value: string) => segmentsOf(`---\ntitle: ${JSON.stringify(value)}\n---\n`, ['title'])[0]!;

describe('checkWhitespace', () => {
  it('reports leading and trailing blanks that differ from the source', () => {
    expect(checkWhitespace(title('  The museum '), title('El museo'), contextFor())).toEqual([
      {
        check: 'whitespace',
        severity: 'warning',
        file: 'guide.md',
        language: 'es',
        line: 2,
        message: 'leading whitespace is none where the source has "  "; trailing whitespace is none where the source has " "',
        text: 'El museo',
      },
    ]);
  });

  it('accepts the same blanks', () => {
    expect(checkWhitespace(title(' The museum'), title(' El museo'), contextFor())).toEqual([]);
  });
});
