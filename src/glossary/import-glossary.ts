import { csvToGlossary } from './glossary-csv.ts';
import type { GlossaryData } from './glossary-data.ts';
import type { GlossaryFormat } from './glossary-format.ts';
import { tbxToGlossary } from './glossary-tbx.ts';

const readers: Record<GlossaryFormat, (content: string, sourceLanguage: string, file?: string) => GlossaryData> = { csv: csvToGlossary, tbx: tbxToGlossary };

/**
 * Reads an exported (or hand-made) CSV or TBX glossary into data for `writeGlossaryFiles`. Checks it
 * as fully as a load would and throws `GlossaryError` naming the row or entry; `file` only names it in messages.
 */
export function importGlossary(content: string, format: GlossaryFormat, sourceLanguage: string, file?: string): GlossaryData {
  return readers[format](content, sourceLanguage, file);
}
