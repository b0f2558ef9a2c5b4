/** How much a finding matters: errors fail `jialing check`, warnings are for a reader to weigh. */
export type Severity = 'error' | 'warning';

/** Names of the quality checks, as used in findings and in the `severities` config. */
export type CheckId =
  | 'glossary-term'
  | 'number'
  | 'markup'
  | 'empty'
  | 'untranslated'
  | 'length-ratio'
  | 'whitespace'
  | 'end-punctuation'
  | 'inconsistent'
  | 'span-edge'
  | 'anchor'
  | 'structure'
  | 'plural'
  | 'extra-key'
  | 'resolve';

/** One thing a quality check found in a translated segment. */
export interface Finding {
  readonly check: CheckId;
  readonly severity: Severity;
  /** Article path relative to the articles folder; the same path holds the output in each language's folder. */
  readonly file: string;
  readonly language: string;
  /** Line of the segment in the translated article. */
  readonly line: number;
  readonly message: string;
  /** The offending target text as plain text, shortened. */
  readonly text: string;
}
