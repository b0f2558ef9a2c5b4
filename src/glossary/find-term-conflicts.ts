import { foldText, normalizeTermForm } from './fold-term.ts';
import type { GlossaryTerm } from './glossary.ts';

/** Two terms that would mask the same words, so the glossary cannot say which one is meant. */
export interface TermConflict {
  readonly id: string;
  readonly otherId: string;
  readonly form: string;
}

/**
 * Finds terms whose source form or variant matches another term's. Forms are compared without
 * regard to case unless both terms are case-sensitive, because a case-insensitive term matches
 * every casing of the other.
 */
export function findTermConflicts(terms: readonly GlossaryTerm[]): TermConflict[] {
  const seen = new Map<string, { id: string; form: string; caseSensitive: boolean }[]>();
  const conflicts: TermConflict[] = [];
  for (const term of terms) {
    const forms = new Set([term.source, ...term.variants].map(normalizeTermForm));
    for (const form of forms) {
      const key = foldText(form);
      const earlier = seen.get(key) ?? [];
      const clash = earlier.find((other) => other.id !== term.id && (!other.caseSensitive || !term.caseSensitive || other.form === form));
      if (clash) conflicts.push({ id: term.id, otherId: clash.id, form });
      seen.set(key, [...earlier, { id: term.id, form, caseSensitive: term.caseSensitive }]);
    }
  }
  return conflicts;
}
