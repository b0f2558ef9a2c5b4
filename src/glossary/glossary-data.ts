/** A term with its metadata as a glossary file holds it; only the source file has `variants` and `caseSensitive`. */
export interface GlossaryEntryObject {
  readonly term: string;
  readonly variants?: readonly string[];
  readonly caseSensitive?: boolean;
  readonly note?: string;
}

/** A value in `glossary.json`: the term, or the term with metadata. */
export type GlossaryEntry = string | GlossaryEntryObject;

/** The contents of one `locales/{lang}/glossary.json`: term id → entry. */
export type GlossaryResource = Readonly<Record<string, GlossaryEntry>>;

/**
 * Glossary files as plain data, per language, ready to be merged into `locales/`.
 * In an import, a field left out of an entry means "keep what the file has"; an empty
 * `variants`, `note: ''` or `caseSensitive: false` clears it.
 */
export interface GlossaryData {
  readonly sourceLanguage: string;
  readonly resources: Readonly<Record<string, GlossaryResource>>;
}
