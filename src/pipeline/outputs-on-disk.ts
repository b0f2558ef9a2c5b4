import { documentOutputPath, type FoundDocument } from '../io/find-documents.ts';
import { readOutput } from '../io/read-output.ts';
import type { MemoryStore } from '../memory/memory-store.ts';
import { hashText } from './article-state.ts';

/** The outputs of the articles with a kept state, compared with what jialing wrote before a run looks at any article. */
export interface OutputsOnDisk {
  /** Whether an output is as written (true), differs or is gone (false), or has no kept state to compare with. */
  isAsWritten(language: string, file: string): boolean | undefined;
  /** Articles with an output in some language that is not as written: most often a person's edit. */
  readonly changed: ReadonlySet<string>;
}

/**
 * Reads every output whose article has a kept state. A person's edit of one output becomes the reviewed translation
 * of its texts, which every other article holding them must take up in the same run: so the articles with changed
 * outputs go first, and the others find the edits in the memory when their turn comes. The run then reads no
 * output a second time to tell whether an unchanged article may be left as it is.
 */
export async function checkOutputsOnDisk(memory: MemoryStore, languages: readonly string[], documents: readonly FoundDocument[]): Promise<OutputsOnDisk> {
  const results = new Map<string, boolean>();
  const changed = new Set<string>();
  for (const language of languages) {
    const hashes = await memory.outputHashes(language);
    if (hashes.size === 0) continue;
    for (const document of documents) {
      const file = document.relativePath;
      const hash = hashes.get(file);
      if (hash === undefined) continue;
      // An output that cannot be read is left for the article's turn, which reports it.
      const output = await readOutput(documentOutputPath(document, language)).catch(() => null);
      if (output === null) continue;
      const isAsWritten = output !== undefined && hashText(output) === hash;
      results.set(outputKey(language, file), isAsWritten);
      if (!isAsWritten) changed.add(file);
    }
  }
  return { isAsWritten: (language, file) => results.get(outputKey(language, file)), changed };
}

const outputKey = (language: string, file: string) => `${language}\0${file}`;
