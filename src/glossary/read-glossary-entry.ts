import { describeJsonValue } from './parse-glossary-json.ts';

/** An entry's fields once checked; `variants` and `caseSensitive` only come from the source file. */
export interface ReadEntry {
  readonly term: string;
  readonly variants: readonly string[];
  readonly caseSensitive: boolean;
  readonly note?: string;
}

const sourceFields = ['term', 'variants', 'caseSensitive', 'note'];
const targetFields = ['term', 'note'];

/**
 * Checks one value of a glossary file: a string, or an object with `term` and, in the source
 * file, metadata. Returns the entry, or every reason it cannot be used.
 */
export function readGlossaryEntry(value: unknown, isSource: boolean): { entry?: ReadEntry; problems: string[] } {
  if (typeof value === 'string') {
    return value.trim() === '' ? { problems: ['expected a term, got an empty string'] } : { entry: { term: value.trim(), variants: [], caseSensitive: false }, problems: [] };
  }
  const allowed = isSource ? sourceFields : targetFields;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { problems: [`expected a string or an object with ${allowed.map((field) => `"${field}"`).join(', ')}, got ${describeJsonValue(value)}`] };
  }
  const fields = value as Record<string, unknown>;
  const problems: string[] = [];
  for (const field of Object.keys(fields)) {
    if (allowed.includes(field)) continue;
    problems.push(
      !isSource && sourceFields.includes(field)
        ? `"${field}" belongs in the source language's file only`
        : `unknown field "${field}"; expected ${allowed.map((name) => `"${name}"`).join(', ')}`,
    );
  }
  const { term, variants = [], caseSensitive = false, note } = fields;
  if (typeof term !== 'string' || term.trim() === '') problems.push(`"term" must be a non-empty string, got ${describeJsonValue(term)}`);
  const isVariantList = Array.isArray(variants) && variants.every((variant) => typeof variant === 'string' && variant.trim() !== '');
  if (!isVariantList) problems.push(`"variants" must be an array of non-empty strings, got ${describeJsonValue(variants)}`);
  if (typeof caseSensitive !== 'boolean') problems.push(`"caseSensitive" must be true or false, got ${describeJsonValue(caseSensitive)}`);
  if (note !== undefined && typeof note !== 'string') problems.push(`"note" must be a string, got ${describeJsonValue(note)}`);
  if (problems.length > 0) return { problems };

  const trimmed = (term as string).trim();
  // A variant that repeats the term or another variant adds nothing to match.
  const uniqueVariants = [...new Set((variants as string[]).map((variant) => variant.trim()))].filter((variant) => variant !== trimmed);
  const entry: ReadEntry = { term: trimmed, variants: uniqueVariants, caseSensitive: caseSensitive as boolean };
  return { entry: typeof note === 'string' && note.trim() !== '' ? { ...entry, note: note.trim() } : entry, problems: [] };
}
