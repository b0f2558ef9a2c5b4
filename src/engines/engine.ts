/** A source and target language, as config codes (`en`, `pt-BR`). */
export interface LanguagePair {
  readonly source: string;
  readonly target: string;
}

/**
 * A translation engine. It receives tagged text (XML-escaped text with `<gN>…</gN>` around formatted
 * words and `<xN/>` for content it must keep) and returns tagged text in the same order.
 * Engines do not cache, queue or retry: memory, batching and pacing live in the pipeline.
 */
export interface Engine {
  readonly name: string;
  /** Why the pair cannot be translated, or undefined when it can. Checked before any work starts. */
  checkPair(pair: LanguagePair): Promise<string | undefined>;
  /** Translates a batch; the result has one entry per input, in order. */
  translate(texts: readonly string[], pair: LanguagePair): Promise<string[]>;
  /** Releases processes and connections. */
  close(): Promise<void>;
}
