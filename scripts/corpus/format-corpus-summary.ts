import type { CorpusSummary } from './summarise-corpus.ts';

/** The summary as a table a person reads: one row per defect kind, one column per language. */
export function formatCorpusSummary(summary: CorpusSummary): string {
  const { languages } = summary;
  const rows: string[][] = [
    ['#', 'defect kind (documents affected)', ...languages],
    ...summary.kinds.map((kind) => [kind.number, kind.kind, ...languages.map((language) => `${kind.documents[language]}`)]),
    ['', 'free of kinds 1–8, 10, 11 and missing', ...languages.map((language) => `${summary.free[language]!.documents} (${summary.free[language]!.percent}%)`)],
    ['', 'segments kept in English (broken reply)', ...languages.map((language) => `${summary.keptInSource[language]}`)],
  ];
  if (summary.determinism) rows.push(['', 'documents differing between two runs', ...languages.map((language) => `${summary.determinism![language]!.length}`)]);
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const lines = rows.map((row) => row.map((cell, column) => (column < 2 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ').trimEnd());
  lines.splice(1, 0, widths.map((width) => '-'.repeat(width)).join('  '));
  const runs = summary.runs.map((run, index) => `run ${index + 1}: exit ${run.exitCode} in ${run.seconds} s${run.hasCrashed ? ' (crashed)' : ''}`).join('; ');
  return [
    `Corpus: ${summary.documents} READMEs (${Math.round(summary.corpusBytes / 1024)} KB), engine ${summary.engine}, languages ${languages.join(', ')}`,
    `jialing ${runs}`,
    '',
    ...lines,
  ].join('\n');
}
