import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { CorpusDefect } from './check-documents.ts';

/** Writes every defect found to `defects.json` in a folder, sorted by document, language and kind. */
export async function writeDefects(folder: string, defects: readonly CorpusDefect[]): Promise<string> {
  const file = path.join(folder, 'defects.json');
  const sorted = [...defects].sort(
    (first, second) => compare(first.document, second.document) || compare(first.language, second.language) || compare(first.kind, second.kind),
  );
  await writeFile(file, `${JSON.stringify(sorted, null, 2)}\n`);
  return file;
}

function compare(first: string, second: string): number {
  return first < second ? -1 : first > second ? 1 : 0;
}
