import type { ArticleState } from '../../../src/pipeline/article-state.ts';
import { keepPlaces, type ConsistencyPlaces } from '../../../src/qa/consistency-tracker.ts';

/** The consistency places of `sampleState`: a text with a quote and a negative wording hash, and a short one. */
export const samplePlaces: ConsistencyPlaces = [
  ['0123456789abcdef', -42, 3, 'El puente "nuevo" de Liangjiang.'],
  ['fedcba9876543210', 7, 5, 'Horario'],
];

/** A kept article state with a finding and places, as a run saves one. */
export const sampleState: ArticleState = {
  language: 'es',
  file: 'guides/bridge.md',
  sourceHash: 'source-hash',
  engineProfile: 'apertium',
  glossaryVersion: 'glossary-version',
  configHash: 'config-hash',
  memoryVersion: '0:',
  outputHash: 'output-hash',
  termIds: ['liangjiang'],
  sourceIds: ['0123456789abcdef', 'fedcba9876543210'],
  outcome: {
    segments: 3,
    characters: 80,
    glossaryHits: 1,
    texts: 2,
    fromMemory: 2,
    reviewed: 0,
    machine: 2,
    needsReview: 0,
    warnings: [],
    findings: [{ check: 'untranslated', severity: 'warning', file: 'guides/bridge.md', language: 'es', line: 5, message: 'the translation is the same as the en source', text: 'Horario' }],
    places: keepPlaces(samplePlaces),
  },
};
