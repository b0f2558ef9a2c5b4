import { describe, expect, it } from 'vitest';
import { checkConsistency, type TranslatedPair } from '../../src/qa/check-consistency.ts';
import { segmentsOf } from './helpers.ts';

const source = segmentsOf('Opening hours\n\n---\n\nOpening hours\n');

function pairs(file: string, language: string, target: string): TranslatedPair[] {
  return segmentsOf(target).map((segment, index) => ({ source: source[index]!, target: segment, file, language }));
}

describe('checkConsistency', () => {
  it('reports the same source text translated another way, pointing at the usual translation', () => {
    const findings = checkConsistency([
      ...pairs('a.md', 'es', 'Horario\n\n---\n\nHorario\n'),
      ...pairs('b.md', 'es', 'Horas de apertura\n\n---\n\nHorario\n'),
    ]);
    expect(findings).toEqual([
      {
        check: 'inconsistent',
        severity: 'warning',
        file: 'b.md',
        language: 'es',
        line: 1,
        message: 'the same source text is translated as "Horario" at a.md:1',
        text: 'Horas de apertura',
      },
    ]);
  });

  it('keeps languages apart and ignores formatting and spacing', () => {
    expect(
      checkConsistency([...pairs('a.md', 'es', 'Horario\n\n---\n\n*Horario*\n'), ...pairs('a.md', 'ca', 'Horari\n\n---\n\nHorari\n')]),
    ).toEqual([]);
  });

  it('takes a severity override', () => {
    const findings = checkConsistency(pairs('a.md', 'es', 'Horario\n\n---\n\nHoras\n'), { inconsistent: 'error' });
    expect(findings.map((finding) => [finding.severity, finding.line])).toEqual([['error', 5]]);
  });
});
