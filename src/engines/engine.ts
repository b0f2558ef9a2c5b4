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
}

/**
 * A translation engine. It receives tagged text (XML-escaped text with `<gN>…</gN>` around formatted
 * words and `<xN/>` for content it must keep) and returns tagged text in the same order.
 * Engines do not cache, queue or retry: memory, batching, pacing and retries live in the pipeline.
 */
export interface Engine {
  readonly name: string;
  readonly limits: EngineLimits;
  /** Whether translations depend on `context`, so that batches must not mix contexts. */
  readonly usesContext?: boolean;
  /**
   * Why the pair cannot be translated, or undefined when it can, or a warning when it is tried without the
   * engine being sure it can. Checked before any work starts.
   */
  checkPair(pair: LanguagePair): Promise<string | undefined | PairWarning>;
  /** Translates one request's worth of texts; the result has one entry per input, in order. */
  translate(texts: readonly string[], pair: LanguagePair, options?: TranslateOptions): Promise<string[]>;
  /** Releases processes and connections. */
  close(): Promise<void>;
}

/** A pair an engine tries without being sure it can translate it, and why a person should know. */
export interface PairWarning {
  readonly warning: string;
}

/** Limits for engines that run on this machine. */
export const localEngineLimits: EngineLimits = { maxTexts: 100, maxBytes: 1 << 20, concurrency: 4 };
