import type { RunReport } from '../pipeline/run-report.ts';
import type { Finding } from './finding.ts';
import { summariseLanguages } from './summarise-languages.ts';

/** The run report with its findings as the data of `report.json`: figures per language, run problems, every finding. */
export function toReportJson(report: RunReport, findings: readonly Finding[], glossaryHits: Readonly<Record<string, number>>): object {
  return {
    dryRun: report.dryRun,
    articles: report.articles,
    languages: Object.fromEntries(
      summariseLanguages(report, findings, glossaryHits).map(({ language, summary, glossaryHits: hits, findings: counts }) => {
        const { language: _language, ...figures } = summary ?? { language };
        return [language, { ...figures, glossaryHits: hits, findings: counts }];
      }),
    ),
    problems: report.problems,
    findings,
  };
}
