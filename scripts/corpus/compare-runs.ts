import type { CorpusOutputs } from './read-outputs.ts';

/** Per language, the documents whose outputs differ byte for byte between two runs (one written, one not counts too). */
export function compareRuns(first: CorpusOutputs, second: CorpusOutputs): Map<string, string[]> {
  const differences = new Map<string, string[]>();
  for (const [language, texts] of first) {
    const other = second.get(language);
    differences.set(
      language,
      [...texts].filter(([document, text]) => other?.get(document) !== text).map(([document]) => document),
    );
  }
  return differences;
}
