import { ConfigError, formatPlace, type Place } from '../errors.ts';

/** One thing wrong with a glossary file or import, and where. */
export interface GlossaryProblem {
  readonly place: Place;
  readonly message: string;
  /** What the person can do about it. */
  readonly hint?: string;
}

/** A glossary file or import cannot be used; nothing was translated or written because of it. */
export class GlossaryError extends ConfigError {
  readonly problems: readonly GlossaryProblem[];

  constructor(problems: readonly GlossaryProblem[], options: { cause?: unknown } = {}) {
    const first = problems[0];
    if (!first) throw new Error('GlossaryError needs at least one problem');
    const lines = problems.map((problem) => `${formatPlace(problem.place)}: ${problem.message}`);
    const message = problems.length === 1 ? `Glossary problem in ${lines[0]}` : `Glossary has ${problems.length} problems:\n  ${lines.join('\n  ')}`;
    super(message, { place: first.place, hint: first.hint, cause: options.cause });
    this.problems = problems;
  }
}
