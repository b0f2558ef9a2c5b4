import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/qa/finding.ts';
import { formatFindings } from '../../src/qa/format-findings.ts';

const finding: Finding = {
  check: 'number',
  severity: 'error',
  file: 'chongqing.md',
  language: 'es',
  line: 3,
  message: 'number 101 of the source is missing; the translation has 100 instead',
  text: 'En 2021 había 100 centros en Txungking.',
};

describe('formatFindings', () => {
  it('writes one line per finding', () => {
    expect(formatFindings([finding, { ...finding, check: 'end-punctuation', severity: 'warning', line: 9, message: 'a\nb', text: '' }])).toBe(
      [
        'chongqing.md:3 [es] error number: number 101 of the source is missing; the translation has 100 instead — "En 2021 había 100 centros en Txungking."',
        'chongqing.md:9 [es] warning end-punctuation: a b',
      ].join('\n'),
    );
  });

  it('keeps terminal control characters in article text from reaching the terminal', () => {
    expect(formatFindings([{ ...finding, text: 'rojo \u001b[31m' }])).toContain('— "rojo \uFFFD[31m"');
  });
});
