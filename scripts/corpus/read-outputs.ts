import path from 'node:path';
import type { CorpusDocument } from './collect-readmes.ts';
import { readIfPresent } from './read-if-present.ts';

/** The outputs of a corpus project: per language, per article file name, the text written, if any. */
export type CorpusOutputs = ReadonlyMap<string, ReadonlyMap<string, string | undefined>>;

/** Reads what a run wrote for each document and language (`articles/<lang>/<file>`). */
export async function readOutputs(project: string, documents: readonly CorpusDocument[], languages: readonly string[]): Promise<CorpusOutputs> {
  const outputs = new Map<string, Map<string, string | undefined>>();
  for (const language of languages) {
    const texts = await Promise.all(documents.map((document) => readIfPresent(path.join(project, 'articles', language, document.fileName))));
    outputs.set(language, new Map(documents.map((document, index) => [document.fileName, texts[index]])));
  }
  return outputs;
}
