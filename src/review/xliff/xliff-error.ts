import { formatPlace, JialingError } from '../../errors.ts';

/** One thing wrong in an XLIFF file: its line and `<unit>` when known. */
export interface XliffProblem {
  readonly message: string;
  readonly line?: number;
  readonly unit?: string;
}

/** An XLIFF file that cannot be imported; nothing from it was. */
export class XliffError extends JialingError {
  readonly file: string;
  readonly problems: readonly XliffProblem[];

  constructor(file: string, problems: readonly XliffProblem[], hint: string) {
    const [first] = problems;
    const message =
      problems.length === 1 && first
        ? `${formatPlace({ file, line: first.line })}: ${describe({ ...first, line: undefined })}`
        : [`${file}: ${problems.length} problems:`, ...problems.map((problem) => `  ${describe(problem)}`)].join('\n');
    super(message, { hint: `${hint} Nothing from this file was imported.`, place: { file, line: first?.line } });
    this.file = file;
    this.problems = problems;
  }
}

function describe(problem: XliffProblem): string {
  const where = [problem.line === undefined ? '' : `line ${problem.line}`, problem.unit === undefined ? '' : `unit "${problem.unit}"`].filter(Boolean).join(', ');
  return where ? `${where}: ${problem.message}` : problem.message;
}
