import type { RunReport } from '../pipeline/run-report.ts';
import { countOf } from './count-of.ts';

/** Renders the end-of-run summary as an aligned text table. */
export function formatSummaryTable(report: RunReport): string {
  // Resource files get a column of their own once a run has any, so a row says how much of each kind it did.
  const hasResources = (report.resources ?? 0) > 0;
  const header = ['language', 'engine', 'articles', ...(hasResources ? ['resources'] : []), 'segments', 'characters', 'memory', 'translated', 'billed', 'requests', 'failed', 'seconds'];
  const rows = report.languages.map((summary) => [
    summary.language,
    summary.engine,
    String(summary.articles),
    ...(hasResources ? [String(summary.resources ?? 0)] : []),
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
  const reviewed = report.languages.flatMap(({ language, reviewerEdits, rewrittenWithEdits, conflicts, unchanged, adoptedOutputs, unrecordedOutputs, blockedOutputs, deadLettered, promptTokens, completionTokens, cost }) => [
    ...(promptTokens !== undefined ? [`${language}: ${tokenLine(promptTokens, completionTokens ?? 0, cost, report.dryRun)}`] : []),
    ...(unchanged ? [`${language}: ${countOf(unchanged, hasResources ? 'document' : 'article')} unchanged since the last run, reported from ${unchanged === 1 ? 'its record' : 'their records'}`] : []),
    ...(reviewerEdits ? [`${language}: ${countOf(reviewerEdits, 'segment')} edited by hand in the output kept and stored as reviewed`] : []),
    ...(rewrittenWithEdits ? [`${language}: ${countOf(rewrittenWithEdits, 'other output')} written anew with those edits, where ${rewrittenWithEdits === 1 ? 'its source holds' : 'their sources hold'} the same text`] : []),
    ...(adoptedOutputs ? [`${language}: ${countOf(adoptedOutputs, 'existing output')} jialing had no record of adopted as reviewed translations`] : []),
    ...(conflicts ? [`${language}: ${countOf(conflicts, 'hand-edited output')} left untouched (see the errors above)`] : []),
    ...(unrecordedOutputs ? [`${language}: ${countOf(unrecordedOutputs, 'existing output')} jialing had no record of left untouched (see the errors above; --overwrite replaces them)`] : []),
    ...(blockedOutputs ? [`${language}: ${countOf(blockedOutputs, 'output')} not written: read-only or behind a link (see the errors above)`] : []),
    ...(deadLettered ? [`${language}: ${countOf(deadLettered, 'job')} failed in the queue on every try and dead-lettered (see the errors above)`] : []),
  ]);
  return [title, '', line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line), ...(reviewed.length > 0 ? ['', ...reviewed] : [])].join('\n');
}

/** "4 articles", or "4 articles and 1 resource file" when the run has resource files. */
export function describeDocuments(articles: number, resources: number): string {
  return resources > 0 ? `${countOf(articles, 'article')} and ${countOf(resources, 'resource file')}` : countOf(articles, 'article');
}

/** The closing line: what was done and, when not everything was, what was not. */
export function describeRun(report: RunReport): string {
  const { outcomes, articles } = report;
  const resources = report.resources ?? 0;
  const documents = describeDocuments(articles, resources);
  if (report.dryRun) return `Dry run: ${documents}, nothing translated or written`;
  if (!outcomes) return `Translated ${documents}`;
  // Outcomes are counted per document, resource files included.
  const total = articles + resources;
  const notStarted = total - outcomes.written - outcomes.failed - outcomes.untouched - outcomes.skipped;
  const left = [
    ...(outcomes.failed ? [`${outcomes.failed} failed`] : []),
    ...(outcomes.untouched ? [`${outcomes.untouched} left untouched`] : []),
    ...(outcomes.skipped ? [`${outcomes.skipped} skipped`] : []),
    ...(notStarted > 0 ? [`${notStarted} not started`] : []),
  ];
  const translated = report.interrupted ? 'Interrupted: translated' : 'Translated';
  if (left.length === 0) return `${translated} ${documents}`;
  return `${translated} ${outcomes.written} of ${resources > 0 ? countOf(total, 'document') : documents}; ${left.join(', ')} (see the errors above)`;
}

function tokenLine(prompt: number, completion: number, cost: number | undefined, isEstimate: boolean): string {
  const figures = `${prompt} prompt and ${completion} completion tokens${cost === undefined ? '' : `, cost ${cost.toFixed(4)}`}`;
  return isEstimate ? `about ${figures} (estimated from characters; see the README)` : figures;
}

/** The report as the JSON a machine reads from `--json`. */
export function toJsonSummary(report: RunReport): object {
  return {
    dryRun: report.dryRun,
    articles: report.articles,
    ...(report.outcomes ? { outcomes: report.outcomes, ...(report.interrupted ? { interrupted: true } : {}) } : {}),
    ...(report.resources !== undefined && { resources: report.resources }),
    languages: Object.fromEntries(
      report.languages.map(({ language, ...figures }) => [language, { ...figures, seconds: Number(figures.seconds.toFixed(3)) }]),
    ),
    problems: report.problems,
  };
}
