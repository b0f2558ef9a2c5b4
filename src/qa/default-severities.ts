import type { CheckId, Severity } from './finding.ts';

/** Severity of each check unless the config says otherwise: errors are the findings that change meaning or break the page. */
export const defaultSeverities: Readonly<Record<CheckId, Severity>> = {
  'glossary-term': 'error',
  number: 'error',
  markup: 'error',
  empty: 'error',
  structure: 'error',
  untranslated: 'warning',
  'length-ratio': 'warning',
  whitespace: 'warning',
  'end-punctuation': 'warning',
  inconsistent: 'warning',
  'span-edge': 'warning',
  anchor: 'error',
  plural: 'error',
  'extra-key': 'warning',
  resolve: 'error',
};
