import path from 'node:path';
import { writeFileAtomic } from '../io/write-atomic.ts';
import type { RunReport } from '../pipeline/run-report.ts';
import type { Finding } from './finding.ts';
import { renderReportHtml } from './render-report-html.ts';
import { toReportJson } from './to-report-json.ts';

/** Writes `report.json` and `report.html` into a folder, each through a temporary file so a reader never sees half of one. */
export async function writeRunReport(
  folder: string,
  report: RunReport,
  findings: readonly Finding[],
  extra: { readonly glossaryHits: Readonly<Record<string, number>> },
): Promise<{ jsonPath: string; htmlPath: string }> {
  const jsonPath = path.join(folder, 'report.json');
  const htmlPath = path.join(folder, 'report.html');
  await writeFileAtomic(jsonPath, `${JSON.stringify(toReportJson(report, findings, extra.glossaryHits), null, 2)}\n`);
  await writeFileAtomic(htmlPath, renderReportHtml(report, findings, extra.glossaryHits));
  return { jsonPath, htmlPath };
}
