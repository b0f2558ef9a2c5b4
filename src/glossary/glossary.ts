/** One protected name: its source form, the other spellings that mean it, and how to match it. */
export interface GlossaryTerm {
  /** The key in `locales/{lang}/glossary.json`, shared by every language. */
  readonly id: string;
  readonly source: string;
  /** Other source spellings masked as the same term ("Liang Jiang"). */
  readonly variants: readonly string[];
  readonly caseSensitive: boolean;
  readonly note?: string;
}

/** A form written in one language's own file, before any fallback. */
export interface GlossaryForm {
  readonly term: string;
  readonly note?: string;
}

/** The loaded glossary: source terms and their form in every language loaded. */
export interface Glossary {
  readonly sourceLanguage: string;
  readonly terms: readonly GlossaryTerm[];
  /** The form to write for a term in a language: its own entry, else a fallback language's (`zh-TW` → `zh`), else the source form. */
  targetForm(termId: string, language: string): string;
  /** The form written in exactly that language's file, `undefined` when the language falls back. */
  ownForm(termId: string, language: string): GlossaryForm | undefined;
  /** A short hash of the ids and their target forms in the language, `''` for no ids: part of a translation's identity. */
  version(termIds: readonly string[], language: string): string;
  /** The glossary files that were read, for watching and reporting. */
  readonly files: readonly string[];
}
