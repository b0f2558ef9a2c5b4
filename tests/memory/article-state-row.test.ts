import { describe, expect, it } from 'vitest';
import { articleStateToRow, rowToArticleState, type ArticleStateRow } from '../../src/memory/article-state-row.ts';
import type { ArticleState } from '../../src/pipeline/article-state.ts';
import { keepPlaces, type ConsistencyPlaces } from '../../src/qa/consistency-tracker.ts';

const places: ConsistencyPlaces = [['0123456789abcdef', 42, 3, 'El puente "nuevo" de Liangjiang.']];

const state: ArticleState = {
  language: 'es',
  file: 'guides/bridge.md',
  sourceHash: 'source-hash',
  engineProfile: 'apertium',
  glossaryVersion: 'glossary-version',
  configHash: 'config-hash',
  memoryVersion: '0:',
  outputHash: 'output-hash',
  termIds: ['liangjiang'],
  sourceIds: ['0123456789abcdef'],
  outcome: {
    segments: 2,
    characters: 40,
    glossaryHits: 1,
    texts: 1,
    fromMemory: 1,
    reviewed: 0,
    machine: 1,
    needsReview: 0,
    warnings: [],
    findings: [],
    places: keepPlaces(places),
  },
};

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

  it('read the places of states kept by earlier versions, as an array or as its JSON without keys', () => {
    const saved = articleStateToRow(state);
    const { placeKeys: _keys, ...outcome } = JSON.parse(saved['outcome']!) as Record<string, unknown>;
    for (const earlierPlaces of [places, JSON.stringify(places)]) {
      const earlier = asRow({ ...saved, outcome: JSON.stringify({ ...outcome, places: earlierPlaces }) });
      expect(rowToArticleState(earlier, (value) => JSON.parse(value))).toEqual(state);
    }
  });
});
