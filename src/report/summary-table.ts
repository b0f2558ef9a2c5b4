import type { RunReport } from '../pipeline/run-report.ts';

/** Renders the end-of-run summary as an aligned text table. */
export function formatSummaryTable(report: RunReport): string {
  const header = ['language', 'engine', 'articles', 'segments', 'characters', 'memory', 'translated', 'billed', 'requests', 'failed', 'seconds'];
  const rows = report.languages.map((summary) => [
    summary.language,
    summary.engine,
    String(summary.articles),
    String(summary.segments),
    String(summary.characters),
    String(summary.fromMemory),
    String(summary.translated),
    String(summary.billedCharacters),
    String(summary.requests),
    String(summary.failedArticles + summary.failedSegments),
    summary.seconds.toFixed(1),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: readonly string[]) => cells.map((cell, column) => (column < 2 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
  const title = report.dryRun ? `Dry run: ${report.articles} articles, nothing translated or written` : `Translated ${report.articles} articles`;
  const reviewed = report.languages.flatMap(({ language, reviewerEdits, conflicts, unchanged, promptTokens, completionTokens, cost }) => [
    ...(promptTokens !== undefined ? [`${language}: ${tokenLine(promptTokens, completionTokens ?? 0, cost, report.dryRun)}`] : []),
    ...(unchanged ? [`${language}: ${count(unchanged, 'article')} unchanged since the last run, reported from its record`] : []),
    ...(reviewerEdits ? [`${language}: ${count(reviewerEdits, 'segment')} edited by hand in the output kept and stored as reviewed`] : []),
    ...(conflicts ? [`${language}: ${count(conflicts, 'hand-edited output')} left untouched (see the errors above)`] : []),
  ]);
  return [title, '', line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line), ...(reviewed.length > 0 ? ['', ...reviewed] : [])].join('\n');
}

function tokenLine(prompt: number, completion: number, cost: number | undefined, isEstimate: boolean): string {
  const figures = `${prompt} prompt and ${completion} completion tokens${cost === undefined ? '' : `, cost ${cost.toFixed(4)}`}`;
  return isEstimate ? `about ${figures} (estimated from characters; see the README)` : figures;
}

function count(value: number, noun: string): string {
  return `${value} ${noun}${value === 1 ? '' : 's'}`;
}

/** The report as the JSON a machine reads from `--json`. */
export function toJsonSummary(report: RunReport): object {
  return {
    dryRun: report.dryRun,
    articles: report.articles,
    languages: Object.fromEntries(
      report.languages.map(({ language, ...figures }) => [language, { ...figures, seconds: Number(figures.seconds.toFixed(3)) }]),
    ),
    problems: report.problems,
  };
}
