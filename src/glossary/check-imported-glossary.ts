import type { Place } from '../errors.ts';
import { checkGlossaryResources } from './check-glossary-resources.ts';
import type { GlossaryData } from './glossary-data.ts';
import { GlossaryError } from './glossary-error.ts';

/**
 * Checks imported glossary data the way files are checked when loaded, so an import that would
 * not load is refused before anything is written. Problems name the import's row or entry.
 */
export function checkImportedGlossary(data: GlossaryData, placeOf: (id: string | undefined) => Place): void {
  const resources = new Map(Object.entries(data.resources));
  const { issues } = checkGlossaryResources(data.sourceLanguage, resources);
  if (issues.length === 0) return;
  throw new GlossaryError(issues.map((issue) => ({ place: placeOf(issue.id), message: `${issue.language}: ${issue.message}`, hint: issue.hint })));
}
