import { describe, expect, it } from 'vitest';
import { articleStateToRow, rowToArticleState, type ArticleStateRow } from '../../src/memory/article-state-row.ts';
import { samplePlaces as places, sampleState as state } from './support/article-state-fixture.ts';

/** A row as SQLite gives it back: the statement's parameters, under the table's column names. */
function asRow(saved: Record<string, string>): ArticleStateRow {
  return {
    target_language: saved['language']!,
    file: saved['file']!,
    source_hash: saved['sourceHash']!,
    engine_profile: saved['engineProfile']!,
    glossary_version: saved['glossaryVersion']!,
    config_hash: saved['configHash']!,
    memory_version: saved['memoryVersion']!,
    output_hash: saved['outputHash']!,
    term_ids: saved['termIds']!,
    source_ids: saved['sourceIds']!,
    outcome: saved['outcome']!,
  };
}

describe('article state rows', () => {
  it('give back the state saved, its consistency places as they were', () => {
    expect(rowToArticleState(asRow(articleStateToRow(state)), (value) => JSON.parse(value))).toEqual(state);
  });

  it('keep each finding about the state\'s own file and language without repeating them, and any other whole', () => {
    const elsewhere = { ...state.outcome.findings[0]!, file: 'guides/ferry.md', line: 9 };
    const inCatalan = { ...state.outcome.findings[0]!, language: 'ca' };
    const withOthers = { ...state, outcome: { ...state.outcome, findings: [...state.outcome.findings, elsewhere, inCatalan] } };
    expect(articleStateToRow(state)['outcome']).not.toContain(state.file);
    expect(rowToArticleState(asRow(articleStateToRow(withOthers)), (value) => JSON.parse(value))).toEqual(withOthers);
  });

  it('read the findings of states kept by earlier versions, each whole', () => {
    const saved = articleStateToRow(state);
    const earlier = asRow({ ...saved, outcome: JSON.stringify({ ...JSON.parse(saved['outcome']!), findings: state.outcome.findings }) });
    expect(rowToArticleState(earlier, (value) => JSON.parse(value))).toEqual(state);
  });

  it('read the places of states kept by earlier versions, as an array or as its JSON without keys', () => {
    const saved = articleStateToRow(state);
    const { placeKeys: _keys, ...outcome } = JSON.parse(saved['outcome']!) as Record<string, unknown>;
    for (const earlierPlaces of [places, JSON.stringify(places)]) {
      const earlier = asRow({ ...saved, outcome: JSON.stringify({ ...outcome, places: earlierPlaces }) });
      expect(rowToArticleState(earlier, (value) => JSON.parse(value))).toEqual(state);
    }
  });
});
