/** A source and target language, as config codes (`en`, `pt-BR`). */
export interface LanguagePair {
  readonly source: string;
  readonly target: string;
}

/** What one request to an engine may hold and how hard the engine may be driven. */
export interface EngineLimits {
  /** Most texts in one request. */
  readonly maxTexts: number;
  /** Most UTF-8 bytes of text in one request. */
  readonly maxBytes: number;
  /** Requests in flight at once. */
  readonly concurrency: number;
  /** Requests started per second, when the engine has a rate limit. */
  readonly requestsPerSecond?: number;
}

export interface TranslateOptions {
  /** Text around the segments (the article's title) that helps the engine but is not translated. */
  readonly context?: string;
  /**
   * Per text, the ids of its atoms that stand for names (masked glossary terms), so an engine that can
   * may treat them as the proper nouns they are: the words around a name then inflect and capitalise right.
   */
  readonly names?: readonly (readonly number[])[];
  /** Called by an engine that knows what the request was billed (DeepL's `billed_characters`), once it is answered. */
  readonly onBilled?: (characters: number) => void;
  /** Per text, what a context-aware engine may tell its model about it (see `TextHints`). */
  readonly hints?: readonly TextHints[];
}

/** A glossary term masked in a text: the placeholder's id, the words it stands for and what to write for them. */
export interface TermHint {
  readonly id: number;
  readonly source: string;
  readonly target: string;
  readonly note?: string;
}

/** What surrounds one text in its article, and the glossary terms masked in it; never translated itself. */
export interface TextHints {
  /** The title of the text's article. */
  readonly title?: string;
  /** Plain text of the segments just before and after it. */
  readonly before?: string;
  readonly after?: string;
  readonly terms?: readonly TermHint[];
}

/** One text's answer from an engine that checks its replies: the translation, or why it has none. */
export type EngineReply = string | TextFailure;

/** A text the engine's reply failed the checks for: the pipeline asks again, alone or in a smaller request, a bounded number of times. */
export interface TextFailure {
  readonly failure: string;
}

/** Tokens an engine that bills by token used for one target language. */
export interface TokenUsage {
  promptTokens: number;
  completionTokens: number;
}

/**
 * A translation engine. It receives tagged text (XML-escaped text with `<gN>…</gN>` around formatted
 * words and `<xN/>` for content it must keep) and returns tagged text in the same order.
 * Engines do not cache, queue or retry: memory, batching, pacing and retries live in the pipeline.
 * `Reply` is `EngineReply` for an engine that checks its replies and may answer a `TextFailure` for a text.
 */
export interface Engine<Reply extends EngineReply = string> {
  readonly name: string;
  readonly limits: EngineLimits;
  /** Whether translations depend on `context`, so that batches must not mix contexts. */
  readonly usesContext?: boolean;
  /** Whether the engine reads `TranslateOptions.hints`, which are only gathered for such engines. */
  readonly usesHints?: boolean;
  /**
   * Whether the engine runs on this machine at no cost per text. Runs sharing a memory then translate such a
   * text themselves: claiming it so that another run waits would cost more than the translation.
   */
  readonly isLocal?: boolean;
  /**
   * Whether the engine's work runs on the calling thread, with no process or server of its own (copy, pseudo).
   * Parsing then gives way to nothing: it is the run's work as much as the engine's.
   */
  readonly runsInProcess?: boolean;
  /**
   * Whether the engine answers every text with the text itself, on purpose (copy). What it writes is then the
   * source by request, and is not reported as text nobody translated.
   */
  readonly returnsSource?: boolean;
  /**
   * Why the pair cannot be translated, or undefined when it can, or a warning when it is tried without the
   * engine being sure it can. Checked before any work starts.
   */
  checkPair(pair: LanguagePair): Promise<string | undefined | PairWarning>;
  /** Translates one request's worth of texts; the result has one entry per input, in order. */
  translate(texts: readonly string[], pair: LanguagePair, options?: TranslateOptions): Promise<Reply[]>;
  /** Tokens used so far for a target language, for engines that bill by token. */
  usageOf?(language: string): TokenUsage | undefined;
  /** Tokens these texts would use sent in `requests` requests (0 for the texts' own share alone), for `--dry-run`. */
  estimateUsage?(texts: readonly string[], requests: number): TokenUsage;
  /** Releases processes and connections. */
  close(): Promise<void>;
}

/** A pair an engine tries without being sure it can translate it, and why a person should know. */
export interface PairWarning {
  readonly warning: string;
}

/** Limits for engines that run on this machine. */
export const localEngineLimits: EngineLimits = { maxTexts: 100, maxBytes: 1 << 20, concurrency: 4 };
