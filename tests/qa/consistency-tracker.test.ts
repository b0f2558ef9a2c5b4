import { describe, expect, it } from 'vitest';
import { consistencyPlaces, ConsistencyTracker } from '../../src/qa/consistency-tracker.ts';
import type { CheckId, Severity } from '../../src/qa/finding.ts';
import { segmentsOf } from './helpers.ts';

const source = segmentsOf('Opening hours\n\n---\n\nOpening hours\n');

function track(articles: readonly (readonly [file: string, language: string, target: string])[], severities: Partial<Record<CheckId, Severity>> = {}) {
  const tracker = new ConsistencyTracker(severities);
  for (const [file, language, target] of articles) tracker.add(file, language, consistencyPlaces(source, segmentsOf(target)));
  return tracker.findings();
}

describe('ConsistencyTracker', () => {
  it('reports the same source text translated another way, pointing at the usual translation', () => {
    const findings = track([
      ['a.md', 'es', 'Horario\n\n---\n\nHorario\n'],
      ['b.md', 'es', 'Horas de apertura\n\n---\n\nHorario\n'],
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

  it('lets a wording that turns up later and more often outvote the first one, reporting every earlier occurrence', () => {
    const findings = track([
      ['a.md', 'es', 'Horas\n\n---\n\nHorario\n'],
      ['b.md', 'es', 'Horario\n\n---\n\nHorario\n'],
    ]);
    expect(findings.map(({ file, line, message, text }) => ({ file, line, message, text }))).toEqual([
      { file: 'a.md', line: 1, message: 'the same source text is translated as "Horario" at a.md:5', text: 'Horas' },
    ]);
  });

  it('takes the first wording on a tie', () => {
    const findings = track([['a.md', 'es', 'Horas\n\n---\n\nHorario\n']]);
    expect(findings.map(({ line, message }) => [line, message])).toEqual([[5, 'the same source text is translated as "Horas" at a.md:1']]);
  });

  it('keeps languages apart and ignores formatting and spacing', () => {
    expect(
      track([
        ['a.md', 'es', 'Horario\n\n---\n\n*Horario*\n'],
        ['a.md', 'ca', 'Horari\n\n---\n\nHorari\n'],
        ['b.md', 'es', 'Horario \n\n---\n\n**Horario**\n'],
      ]),
    ).toEqual([]);
  });

  it('takes a severity override', () => {
    const findings = track([['a.md', 'es', 'Horario\n\n---\n\nHoras\n']], { inconsistent: 'error' });
    expect(findings.map((finding) => [finding.severity, finding.line])).toEqual([['error', 5]]);
  });

  it('takes nothing from an output whose segments no longer line up with its source', () => {
    // A paragraph added by hand: matched by position, "Horas de apertura" would pass for a second wording.
    const findings = track([
      ['a.md', 'es', 'Horario\n\n---\n\nHorario\n'],
      ['b.md', 'es', 'Horas de apertura\n\nNuevo\n\n---\n\nHorario\n'],
    ]);
    expect(findings).toEqual([]);
  });
});
