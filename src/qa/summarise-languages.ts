import type { LanguageSummary, RunReport } from '../pipeline/run-report.ts';
import type { Finding } from './finding.ts';

/** The run's figures for one language with what the checks add: glossary hits and findings by severity. */
export interface LanguageReport {
  readonly language: string;
  /** Missing for a language that has findings but no run figures (as when a check ran without translating). */
  readonly summary?: LanguageSummary;
  readonly glossaryHits: number;
  readonly findings: { readonly error: number; readonly warning: number };
}

/** Joins run figures, glossary hits and findings per language, in the run's language order. */
export function summariseLanguages(report: RunReport, findings: readonly Finding[], glossaryHits: Readonly<Record<string, number>>): LanguageReport[] {
  const languages = new Set([...report.languages.map((summary) => summary.language), ...findings.map((finding) => finding.language), ...Object.keys(glossaryHits)]);
  return [...languages].map((language) => {
    const own = findings.filter((finding) => finding.language === language);
    return {
      language,
      summary: report.languages.find((summary) => summary.language === language),
      glossaryHits: glossaryHits[language] ?? 0,
      findings: {
        error: own.filter((finding) => finding.severity === 'error').length,
        warning: own.filter((finding) => finding.severity === 'warning').length,
      },
    };
  });
}
