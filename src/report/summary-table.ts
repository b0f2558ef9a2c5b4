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
  const title = describeRun(report);
  const reviewed = report.languages.flatMap(({ language, reviewerEdits, conflicts, unchanged, adoptedOutputs, unrecordedOutputs, blockedOutputs, promptTokens, completionTokens, cost }) => [
    ...(promptTokens !== undefined ? [`${language}: ${tokenLine(promptTokens, completionTokens ?? 0, cost, report.dryRun)}`] : []),
    ...(unchanged ? [`${language}: ${count(unchanged, 'article')} unchanged since the last run, reported from its record`] : []),
    ...(reviewerEdits ? [`${language}: ${count(reviewerEdits, 'segment')} edited by hand in the output kept and stored as reviewed`] : []),
    ...(adoptedOutputs ? [`${language}: ${count(adoptedOutputs, 'existing output')} jialing had no record of adopted as reviewed translations`] : []),
    ...(conflicts ? [`${language}: ${count(conflicts, 'hand-edited output')} left untouched (see the errors above)`] : []),
    ...(unrecordedOutputs ? [`${language}: ${count(unrecordedOutputs, 'existing output')} jialing had no record of left untouched (see the errors above; --overwrite replaces them)`] : []),
    ...(blockedOutputs ? [`${language}: ${count(blockedOutputs, 'output')} not written: read-only or behind a link (see the errors above)`] : []),
  ]);
  return [title, '', line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line), ...(reviewed.length > 0 ? ['', ...reviewed] : [])].join('\n');
}

/** The closing line: what was done and, when not everything was, what was not. */
export function describeRun(report: RunReport): string {
  if (report.dryRun) return `Dry run: ${report.articles} articles, nothing translated or written`;
  const { outcomes, articles } = report;
  if (!outcomes) return `Translated ${count(articles, 'article')}`;
  const notStarted = articles - outcomes.written - outcomes.failed - outcomes.untouched - outcomes.skipped;
  const left = [
    ...(outcomes.failed ? [`${outcomes.failed} failed`] : []),
    ...(outcomes.untouched ? [`${outcomes.untouched} left untouched`] : []),
    ...(outcomes.skipped ? [`${outcomes.skipped} skipped`] : []),
    ...(notStarted > 0 ? [`${notStarted} not started`] : []),
  ];
  const translated = report.interrupted ? 'Interrupted: translated' : 'Translated';
  if (left.length === 0) return `${translated} ${count(articles, 'article')}`;
  return `${translated} ${outcomes.written} of ${count(articles, 'article')}; ${left.join(', ')} (see the errors above)`;
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
    ...(report.outcomes ? { outcomes: report.outcomes, ...(report.interrupted ? { interrupted: true } : {}) } : {}),
    languages: Object.fromEntries(
      report.languages.map(({ language, ...figures }) => [language, { ...figures, seconds: Number(figures.seconds.toFixed(3)) }]),
    ),
    problems: report.problems,
  };
}
