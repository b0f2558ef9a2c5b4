import { findTermConflicts } from './find-term-conflicts.ts';
import type { GlossaryForm, GlossaryTerm } from './glossary.ts';
import { readGlossaryEntry } from './read-glossary-entry.ts';

/** A problem in one language's glossary resource, at a term id when it concerns one. */
export interface GlossaryIssue {
  readonly language: string;
  readonly id?: string;
  readonly message: string;
  readonly hint?: string;
}

/** What a set of glossary resources says, once checked. */
export interface CheckedGlossary {
  /** Source terms in the order of the source file. */
  readonly terms: readonly GlossaryTerm[];
  /** Per language, the forms its own resource gives (the source language included). */
  readonly forms: ReadonlyMap<string, ReadonlyMap<string, GlossaryForm>>;
  readonly issues: readonly GlossaryIssue[];
}

/**
 * Checks glossary resources (language → parsed file) against each other: entry shapes, target ids
 * the source does not define, and source forms two terms share. Returns every issue, not the first.
 */
export function checkGlossaryResources(sourceLanguage: string, resources: ReadonlyMap<string, Readonly<Record<string, unknown>>>): CheckedGlossary {
  const issues: GlossaryIssue[] = [];
  const terms: GlossaryTerm[] = [];
  const forms = new Map<string, Map<string, GlossaryForm>>();
  const source = resources.get(sourceLanguage) ?? {};

  const sourceForms = new Map<string, GlossaryForm>();
  for (const [id, value] of Object.entries(source)) {
    if (id.trim() === '') issues.push({ language: sourceLanguage, id, message: 'a term id cannot be empty', hint: 'Give the term a short id such as "liangjiang".' });
    const { entry, problems } = readGlossaryEntry(value, true);
    issues.push(...problems.map((problem) => ({ language: sourceLanguage, id, message: `"${id}": ${problem}` })));
    if (!entry) continue;
    terms.push({ id, source: entry.term, variants: entry.variants, caseSensitive: entry.caseSensitive, ...(entry.note === undefined ? {} : { note: entry.note }) });
    sourceForms.set(id, formOf(entry));
  }
  forms.set(sourceLanguage, sourceForms);

  for (const conflict of findTermConflicts(terms)) {
    issues.push({
      language: sourceLanguage,
      id: conflict.id,
      message: `"${conflict.id}" and "${conflict.otherId}" both match "${conflict.form}"`,
      hint: 'Give each spelling to one term only (as its term or a variant), or mark both terms "caseSensitive" if they differ only by case.',
    });
  }

  // Ids of broken source entries still count, so their translations are not reported a second time.
  const sourceIds = new Set(Object.keys(source));
  for (const [language, resource] of resources) {
    if (language === sourceLanguage) continue;
    const languageForms = new Map<string, GlossaryForm>();
    for (const [id, value] of Object.entries(resource)) {
      if (!sourceIds.has(id)) {
        issues.push({
          language,
          id,
          message: `"${id}" is not a term of the ${sourceLanguage} glossary`,
          hint: `Add "${id}" to the ${sourceLanguage} glossary, or correct the id to one it has.`,
        });
        continue;
      }
      const { entry, problems } = readGlossaryEntry(value, false);
      issues.push(...problems.map((problem) => ({ language, id, message: `"${id}": ${problem}` })));
      if (entry) languageForms.set(id, formOf(entry));
    }
    forms.set(language, languageForms);
  }
  return { terms, forms, issues };
}

function formOf(entry: { term: string; note?: string }): GlossaryForm {
  return entry.note === undefined ? { term: entry.term } : { term: entry.term, note: entry.note };
}
