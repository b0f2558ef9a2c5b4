/** Where a problem is, as a person would type it: `file:line:col`. */
export interface Place {
  file: string;
  line?: number;
  column?: number;
}

export interface JialingErrorOptions {
  hint?: string;
  place?: Place;
  cause?: unknown;
}

/** Base of every error a person can cause; the CLI prints these without a stack. */
export class JialingError extends Error {
  /** Exit code the CLI uses: 2 for usage, config and setup, 1 for failed work. */
  readonly exitCode: 1 | 2 = 1;
  readonly hint?: string;
  readonly place?: Place;

  constructor(message: string, options: JialingErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = new.target.name;
    this.hint = options.hint;
    this.place = options.place;
  }
}

/** The config file is missing, unreadable or invalid. */
export class ConfigError extends JialingError {
  override readonly exitCode = 2;
}

/** The command line asks for something that cannot be done. */
export class UsageError extends JialingError {
  override readonly exitCode = 2;
}

/** The machine lacks something the run needs (a binary, a language pair, a key). */
export class SetupError extends JialingError {
  override readonly exitCode = 2;
}

/** One article could not be read or written; the batch goes on without it. */
export class ArticleError extends JialingError {}

export interface EngineErrorOptions extends JialingErrorOptions {
  /** Whether trying the same request again may succeed (rate limit, server error, dropped connection). */
  isRetryable?: boolean;
  /** How long the engine asked to wait before trying again. */
  retryAfterMs?: number;
  /** Whether the request failed as a whole in a way a smaller one may not (a reply that cannot be read, a context too long). */
  isSplittable?: boolean;
}

/** An engine failed to translate a batch. */
export class EngineError extends JialingError {
  readonly isRetryable: boolean;
  readonly retryAfterMs?: number;
  readonly isSplittable: boolean;

  constructor(message: string, options: EngineErrorOptions = {}) {
    super(message, options);
    this.isRetryable = options.isRetryable ?? false;
    this.retryAfterMs = options.retryAfterMs;
    this.isSplittable = options.isSplittable ?? false;
  }
}

/** `--frozen` found work that would need an engine. */
export class FrozenError extends JialingError {}

/** The engine account's quota is used up: no further request can succeed in this run. */
export class QuotaExceededError extends EngineError {}

/** Formats a place as `file:line:col`, leaving out what is unknown. */
export function formatPlace(place: Place): string {
  return [place.file, place.line, place.column].filter((part) => part !== undefined).join(':');
}
