/** Something a person should look at after a run. */
export interface Problem {
  readonly severity: 'error' | 'warning';
  /** Article path relative to the articles folder. */
  readonly file: string;
  readonly language?: string;
  readonly line?: number;
  readonly message: string;
}

/** Figures for one target language. */
export interface LanguageSummary {
  readonly language: string;
  readonly engine: string;
  articles: number;
  /** i18next resource files. */
  resources?: number;
  /** Distinct translatable segments per article, summed. */
  segments: number;
  /** Segments whose translation came from the memory. */
  fromMemory: number;
  /** Segments sent to the engine (each text once per run). */
  translated: number;
  /** Plain-text characters of all segments. */
  characters: number;
  /** Plain-text characters sent to the engine, which is what a paid engine bills. */
  billedCharacters: number;
  failedArticles: number;
  failedSegments: number;
  /** Segments left untranslated because the engine's quota ran out. */
  unsentSegments?: number;
  /** Segments a person changed in the outputs since the last run, now reviewed entries of the memory. */
  reviewerEdits?: number;
  /** Outputs of other articles written anew with those segments' translations, where their source holds the same text. */
  rewrittenWithEdits?: number;
  /** Articles whose source, settings and output were as the last run left them: reported from its record, not redone. */
  unchanged?: number;
  /** Outputs left untouched because a person's edits no longer line up with the source. */
  conflicts?: number;
  /** Outputs the memory had no record of, taken in as reviewed translations. */
  adoptedOutputs?: number;
  /** Outputs left untouched: jialing never wrote them and they do not line up with the source. */
  unrecordedOutputs?: number;
  /** Outputs not written because of their place or mode (read-only, behind a link leading elsewhere). */
  blockedOutputs?: number;
  /** Jobs of a queued run that failed on every try (`translate --queue`). */
  deadLettered?: number;
  /** Tokens of the prompts and replies, for engines that bill by token; estimated for a dry run. */
  promptTokens?: number;
  completionTokens?: number;
  /** What the tokens cost, in the currency of `llm.prices`, when prices are configured. */
  cost?: number;
  /** Engine requests sent, retries included. */
  requests: number;
  /** Wall-clock seconds from this language's first article to its last. */
  seconds: number;
}

/** The figures of a language before any article. */
export function emptySummary(language: string, engine: string): LanguageSummary {
  return { language, engine, articles: 0, segments: 0, fromMemory: 0, translated: 0, characters: 0, billedCharacters: 0, failedArticles: 0, failedSegments: 0, requests: 0, seconds: 0 };
}

/**
 * What became of one article in every target language: `written` (each output written or already up to date),
 * `failed` (an output was not written), `untouched` (an output someone else wrote was left as it was),
 * `skipped` (the article could not be read or processed at all).
 */
export type ArticleOutcome = 'written' | 'failed' | 'untouched' | 'skipped';

/** Articles per outcome; the articles of the run that are in none of them were never started (an interruption). */
export type ArticleOutcomes = Record<ArticleOutcome, number>;

/** What a run did, for the summary table, `--json` and the exit code. */
export interface RunReport {
  readonly dryRun: boolean;
  /** Markdown articles. */
  readonly articles: number;
  /** Absent from a dry run, which writes nothing. */
  readonly outcomes?: ArticleOutcomes;
  /** Set when the run was stopped (Ctrl-C) before every article was done. */
  interrupted?: boolean;
  /** i18next resource files. */
  readonly resources?: number;
  readonly languages: LanguageSummary[];
  readonly problems: Problem[];
}

/** Progress events, for a progress bar or plain log lines. */
export type RunEvent =
  | { readonly type: 'start'; readonly articles: number; readonly resources: number; readonly languages: readonly string[] }
  /** `editsFrom`: the articles whose hand-edited segments this output was written anew with. */
  | { readonly type: 'article'; readonly language: string; readonly file: string; readonly segments: number; readonly isOk: boolean; readonly editsFrom?: readonly string[] }
  | { readonly type: 'problem'; readonly problem: Problem };

/** Whether the run failed some of its work. */
export function hasErrors(report: RunReport): boolean {
  return report.problems.some((problem) => problem.severity === 'error');
}
