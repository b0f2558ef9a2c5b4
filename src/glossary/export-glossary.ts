import { glossaryToCsv } from './glossary-csv.ts';
import type { GlossaryFormat } from './glossary-format.ts';
import { glossaryToTbx } from './glossary-tbx.ts';
import type { Glossary } from './glossary.ts';

const writers: Record<GlossaryFormat, (glossary: Glossary, languages: readonly string[]) => string> = { csv: glossaryToCsv, tbx: glossaryToTbx };

/**
 * Writes the glossary for translators and terminology tools: the source terms with their metadata
 * and, per language, only the forms that language's own file gives (fallbacks stay empty).
 */
export function exportGlossary(glossary: Glossary, languages: readonly string[], format: GlossaryFormat): string {
  return writers[format](glossary, languages);
}
