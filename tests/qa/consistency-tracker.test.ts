import { describe, expect, it } from 'vitest';
import { consistencyPlaces, ConsistencyTracker } from '../../src/qa/consistency-tracker.ts';
import { fingerprintOf } from '../../src/qa/wording-table.ts';
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

describe('ConsistencyTracker on many articles', () => {
  // Texts shared between articles, a few of them given a second wording here and there.
  function generatedArticles(seed: number) {
    let state = seed;
    const random = () => ((state = Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32;
    return Array.from({ length: 400 }, (_, article) => ({
      file: `article-${article}.md`,
      language: article % 4 === 0 ? 'ca' : 'es',
      places: Array.from({ length: 30 }, (_, place) => {
        const text = Math.floor(random() * 3000);
        const wording = random() < 0.01 ? text + 1 : text;
        return [`id-${text}`, wording, place + 1, `wording ${wording}`] as const;
      }),
    }));
  }

  it('reports exactly the places whose text has another, more frequent wording in the same language', () => {
    for (const seed of [1, 2, 3]) {
      const articles = generatedArticles(seed);
      const tracker = new ConsistencyTracker();
      for (const { file, language, places } of articles) tracker.add(file, language, places);
      const findings = tracker.findings();
      // Every place, grouped by language and text in the order the groups began.
      const groups = new Map<string, { file: string; line: number; wording: number }[]>();
      for (const { file, language, places } of articles) {
        for (const [sourceId, wording, line] of places) {
          const key = `${language} ${sourceId}`;
          groups.set(key, [...(groups.get(key) ?? []), { file, line, wording }]);
        }
      }
      const expected = [...groups.entries()].flatMap(([key, group]) => {
        const counts = new Map<number, number>();
        for (const place of group) counts.set(place.wording, (counts.get(place.wording) ?? 0) + 1);
        const usual = group.find((place) => counts.get(place.wording) === Math.max(...counts.values()))!;
        return group.filter((place) => place.wording !== usual.wording).map((place) => `${key.split(' ')[0]} ${place.file}:${place.line} ${usual.file}:${usual.line}`);
      });
      expect(expected.length).toBeGreaterThan(50);
      expect(findings.map((finding) => `${finding.language} ${finding.file}:${finding.line} ${finding.message.split(' at ')[1]}`)).toEqual(expected);
    }
  });

  it('finds nothing when every text kept one wording', () => {
    const tracker = new ConsistencyTracker();
    for (const { file, language, places } of generatedArticles(4)) tracker.add(file, language, places.map(([sourceId, , line, plain]) => [sourceId, 0, line, plain]));
    expect(tracker.findings()).toEqual([]);
  });
});

describe('ConsistencyTracker with texts whose ids share a fingerprint', () => {
  it('tells them apart by their ids, reporting only the text really translated two ways', () => {
    const seen = new Map<number, string>();
    let pair: [string, string] | undefined;
    for (let index = 0; !pair; index++) {
      const id = `text-${index}`;
      const other = seen.get(fingerprintOf(id));
      if (other) pair = [other, id];
      seen.set(fingerprintOf(id), id);
    }
    const [first, second] = pair;
    const tracker = new ConsistencyTracker();
    tracker.add('a.md', 'es', [[first, 1, 1, 'uno'], ['other', 5, 2, 'cinco']]);
    tracker.add('b.md', 'es', [[second, 2, 1, 'dos'], ['other', 5, 2, 'cinco']]);
    expect(tracker.findings()).toEqual([]);
    const mixed = new ConsistencyTracker();
    mixed.add('a.md', 'es', [[first, 1, 1, 'uno'], [second, 2, 2, 'dos']]);
    mixed.add('b.md', 'es', [[second, 3, 4, 'tres']]);
    expect(mixed.findings().map(({ file, line, message }) => [file, line, message])).toEqual([['b.md', 4, 'the same source text is translated as "dos" at a.md:2']]);
  });
});

describe('ConsistencyTracker with places kept in a state', () => {
  it('finds from kept places what it finds from the places themselves', () => {
    const articles = [
      ['a.md', 'es', 'Horario\n\n---\n\nHorario\n'],
      ['b.md', 'es', 'Horas de apertura\n\n---\n\nHorario\n'],
      ['c.md', 'ca', 'Horari\n\n---\n\nHores\n'],
    ] as const;
    const fresh = new ConsistencyTracker();
    const kept = articles.map(([file, language, target]) => fresh.add(file, language, consistencyPlaces(source, segmentsOf(target))));
    const fromStates = new ConsistencyTracker();
    // An unchanged article from its state, beside one translated this run.
    fromStates.addKept('a.md', 'es', kept[0]!);
    fromStates.add('b.md', 'es', consistencyPlaces(source, segmentsOf(articles[1][2])));
    fromStates.addKept('c.md', 'ca', kept[2]!);
    expect(fromStates.findings()).toEqual(fresh.findings());
    expect(fresh.findings().map(({ file, language }) => `${language} ${file}`)).toEqual(['es b.md', 'ca c.md']);
  });
});
