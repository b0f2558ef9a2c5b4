import type { Problem, RunReport } from '../pipeline/run-report.ts';
import { escapeHtml } from './escape-html.ts';
import type { Finding } from './finding.ts';
import { summariseLanguages, type LanguageReport } from './summarise-languages.ts';
import { countOf } from '../report/count-of.ts';

// The page carries no script, and the policy forbids any, so even a missed escape could not run code.
const head = `<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>jialing report</title>
<style>
body { font: 15px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 72rem; padding: 0 1rem; color: #1d1d1f; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1.5rem; }
th, td { border-bottom: 1px solid #ddd; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
th { background: #f4f4f5; }
td.number { text-align: right; font-variant-numeric: tabular-nums; }
td.where, td.check { white-space: nowrap; font-family: ui-monospace, monospace; font-size: 0.9em; }
td.text { color: #555; }
.error { color: #b00020; font-weight: 600; }
.warning { color: #8a5a00; }
</style>`;

/** The run report and its findings as a self-contained HTML page, every piece of article text escaped. */
export function renderReportHtml(report: RunReport, findings: readonly Finding[], glossaryHits: Readonly<Record<string, number>>): string {
  const languages = summariseLanguages(report, findings, glossaryHits);
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  const title = report.dryRun ? `Dry run over ${countOf(report.articles, 'article')}` : countOf(report.articles, 'article');
  const body = [
    '<h1>jialing report</h1>',
    `<p>${escapeHtml(title)} · ${countOf(errors, 'error')} · ${countOf(findings.length - errors, 'warning')} · ${countOf(report.problems.length, 'run problem')}</p>`,
    '<h2>Languages</h2>',
    languageTable(languages),
    ...languages.map((language) => findingsSection(language.language, findings)),
    ...(report.problems.length > 0 ? ['<h2>Run problems</h2>', problemTable(report.problems)] : []),
  ];
  return `<!doctype html>\n<html lang="en">\n<head>\n${head}\n</head>\n<body>\n${body.join('\n')}\n</body>\n</html>\n`;
}

function languageTable(languages: readonly LanguageReport[]): string {
  const header = ['Language', 'Engine', 'Articles', 'Segments', 'Characters', 'Glossary hits', 'Errors', 'Warnings'];
  const rows = languages.map(({ language, summary, glossaryHits, findings }) =>
    [
      cell(language),
      cell(summary?.engine ?? '–'),
      numberCell(summary?.articles),
      numberCell(summary?.segments),
      numberCell(summary?.characters),
      numberCell(glossaryHits),
      numberCell(findings.error),
      numberCell(findings.warning),
    ].join(''),
  );
  return table(header, rows);
}

function findingsSection(language: string, findings: readonly Finding[]): string {
  const own = findings.filter((finding) => finding.language === language).sort(byPlace);
  const heading = `<h2 id="${escapeHtml(`language-${language}`)}">Findings in ${escapeHtml(language)}</h2>`;
  if (own.length === 0) return `${heading}\n<p>No findings.</p>`;
  const { listed, left } = capPerCheck(own);
  const rows = listed.map((finding) =>
    [
      cell(`${finding.file}:${finding.line}`, 'where'),
      cell(finding.check, 'check'),
      cell(finding.severity, finding.severity),
      cell(finding.message),
      cell(finding.text, 'text'),
    ].join(''),
  );
  const more = [...left].map(([check, count]) => `${count.toLocaleString('en')} more ${escapeHtml(check)}`).join(', ');
  const note = more ? `\n<p>Not listed here: ${more} (every finding is in report.json).</p>` : '';
  return `${heading}\n${table(['Where', 'Check', 'Severity', 'Message', 'Text'], rows)}${note}`;
}

// A page of tens of thousands of rows is read by nobody and slow to open: past this many findings of one check in
// one language, the page says how many more there are, and report.json holds them all.
const listedPerCheck = 500;

function capPerCheck(findings: readonly Finding[]): { listed: Finding[]; left: Map<string, number> } {
  const seen = new Map<string, number>();
  const left = new Map<string, number>();
  const listed = findings.filter((finding) => {
    const count = (seen.get(finding.check) ?? 0) + 1;
    seen.set(finding.check, count);
    if (count <= listedPerCheck) return true;
    left.set(finding.check, (left.get(finding.check) ?? 0) + 1);
    return false;
  });
  return { listed, left };
}

function problemTable(problems: readonly Problem[]): string {
  const rows = problems.map((problem) =>
    [
      cell(problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`, 'where'),
      cell(problem.language ?? '–'),
      cell(problem.severity, problem.severity),
      cell(problem.message),
    ].join(''),
  );
  return table(['Where', 'Language', 'Severity', 'Message'], rows);
}

function table(header: readonly string[], rows: readonly string[]): string {
  const head = header.map((title) => `<th>${escapeHtml(title)}</th>`).join('');
  return `<table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${rows.map((row) => `<tr>${row}</tr>`).join('\n')}\n</tbody>\n</table>`;
}

function cell(text: string, className?: string): string {
  return className ? `<td class="${escapeHtml(className)}">${escapeHtml(text)}</td>` : `<td>${escapeHtml(text)}</td>`;
}

function numberCell(value: number | undefined): string {
  return cell(value === undefined ? '–' : String(value), 'number');
}

function byPlace(first: Finding, second: Finding): number {
  return first.file.localeCompare(second.file) || first.line - second.line || first.check.localeCompare(second.check);
}
