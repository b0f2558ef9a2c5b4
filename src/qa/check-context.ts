import type { CheckId, Severity } from './finding.ts';

/** What a segment check knows beyond the two segments it compares. */
export interface CheckContext {
  /** Article path relative to the articles folder, as findings report it. */
  readonly file: string;
  readonly sourceLanguage: string;
  readonly targetLanguage: string;
  /** Glossary terms matched in this source segment with the target form expected. */
  readonly terms: readonly { readonly termId: string; readonly source: string; readonly expected: string }[];
  /** Config overrides of each check's default severity. */
  readonly severities: Partial<Record<CheckId, Severity>>;
}
