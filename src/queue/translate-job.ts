import type { EngineChoice } from '../config/engine-choices.ts';
import type { FormatName } from '../formats/document-format.ts';
import type { ArticleOutcome, LanguageSummary, Problem } from '../pipeline/run-report.ts';
import type { Finding } from '../qa/finding.ts';
import type { JobIdentity } from './job-identity.ts';

/**
 * One article in one language, with everything a worker cannot know from its own checkout: the source and the
 * output as they are on the submitter's disk, and what the submitter's config and glossary were.
 */
export interface TranslateJob {
  /** The submitting run, whose jobs it waits for. */
  readonly batch: string;
  /** Path relative to the articles folder (or to the locales folder, for a resource file). */
  readonly file: string;
  readonly format: FormatName;
  /** Path of the output under the language's output folder. */
  readonly outputName: string;
  readonly language: string;
  readonly sourceText: string;
  readonly hasByteOrderMark: boolean;
  /** The output file as it is on the submitter's disk, so hand edits are kept and unrecorded outputs adopted as locally. */
  readonly outputText?: string;
  readonly engine?: EngineChoice;
  readonly isFrozen: boolean;
  readonly isOverwriting: boolean;
  /** Whether the memory held translations when the batch was submitted: the jobs' own do not count as earlier ones. */
  readonly hasEarlierTranslations: boolean;
  readonly identity: JobIdentity;
}

/** What a worker hands back for the submitter to write and report. */
export interface JobResult {
  /** The output file to write; absent when the one on the submitter's disk stays as it is. */
  readonly outputText?: string;
  readonly outcome: ArticleOutcome;
  /** This article's figures in the language, added up by the submitter; absent when the language was skipped. */
  readonly summary?: LanguageSummary;
  readonly problems: readonly Problem[];
  readonly findings: readonly Finding[];
  /** Which worker did it, for the log. */
  readonly worker: string;
}

/** What a failed try leaves as the job's output. */
export interface JobFailure {
  readonly message: string;
}
