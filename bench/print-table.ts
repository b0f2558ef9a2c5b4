import type { Figure } from './figure.ts';

/** The figures as a plain-text table: section, figure, value, target and PASS/FAIL. */
export function formatTable(figures: readonly Figure[]): string {
  const rows = figures.map((figure) => [
    figure.section,
    figure.name,
    figure.shown,
    figure.target ?? '',
    figure.skipped ? 'SKIP' : figure.isPass === undefined ? '' : figure.isPass ? 'PASS' : 'FAIL',
  ]);
  const header = ['section', 'figure', 'value', 'target', 'result'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: readonly string[]) => cells.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd();
  const notes = figures.filter((figure) => figure.skipped).map((figure) => `${figure.section} / ${figure.name} skipped: ${figure.skipped}`);
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line), ...notes].join('\n');
}
