import { createHash } from 'node:crypto';
import type { CheckedGlossary } from './check-glossary-resources.ts';
import type { Glossary } from './glossary.ts';

/** What `createGlossary` needs: checked resources, and per language the chain of languages to look in. */
export interface GlossaryParts {
  readonly sourceLanguage: string;
  readonly checked: Pick<CheckedGlossary, 'terms' | 'forms'>;
  /** Language → languages to look a term up in, most specific first (`zh-TW` → `zh-TW`, `zh`, `en`). */
  readonly chains: ReadonlyMap<string, readonly string[]>;
  readonly files: readonly string[];
}

/** Builds the glossary's lookups from checked resources; every form is resolved up front. */
export function createGlossary(parts: GlossaryParts): Glossary {
  const { sourceLanguage, checked, chains, files } = parts;
  const sources = new Map(checked.terms.map((term) => [term.id, term.source]));
  const resolved = new Map<string, Map<string, string>>();
  for (const [language, chain] of chains) {
    const forms = new Map<string, string>();
    for (const [id, source] of sources) {
      const found = chain.map((code) => checked.forms.get(code)?.get(id)).find((form) => form !== undefined);
      // The source file holds `{ term }` objects too, so its form is the term, never the metadata.
      forms.set(id, found?.term ?? source);
    }
    resolved.set(language, forms);
  }

  const targetForm = (termId: string, language: string): string => {
    const forms = resolved.get(language);
    if (!forms) throw new Error(`The glossary was not loaded for "${language}"; pass it to loadGlossary's target languages.`);
    const form = forms.get(termId);
    if (form === undefined) throw new Error(`"${termId}" is not a term of the glossary.`);
    return form;
  };

  return {
    sourceLanguage,
    terms: checked.terms,
    files,
    targetForm,
    ownForm: (termId, language) => checked.forms.get(language)?.get(termId),
    version(termIds, language) {
      if (termIds.length === 0) return '';
      const pairs = [...new Set(termIds)].sort().map((id) => [id, targetForm(id, language)]);
      return createHash('sha256').update(JSON.stringify(pairs)).digest('hex').slice(0, 12);
    },
  };
}
