import { setImmediate as nextTurn } from 'node:timers/promises';
import type PQueue from 'p-queue';
import type { Engine, EngineReply, LanguagePair, TextHints } from '../engines/engine.ts';
import { EngineError, QuotaExceededError } from '../errors.ts';
import { countCharacters } from './count-characters.ts';

export interface RetryPolicy {
  /** Attempts per request, the first included. */
  readonly attempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** Tries per text whose reply fails the engine's checks, the first included; 3 by default. */
  readonly replyAttempts?: number;
}

export interface TranslationQueueOptions {
  readonly engine: Engine<EngineReply>;
  readonly pair: LanguagePair;
  /** Shared by every language of one engine, so `concurrency` and the rate hold per engine. */
  readonly requests: PQueue;
  readonly retry: RetryPolicy;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
  /**
   * Called whenever a request settles or texts are added, so the reader can decide to read on or flush: texts added
   * by an article that already waits (one another run gave up) may sit in a partial request only a flush sends.
   */
  readonly onChanged?: () => void;
  /** Once aborted, texts not yet sent are refused; requests already sent finish and are kept. */
  readonly signal?: AbortSignal;
  /** How many answered texts to keep for asking again without sending; the memory holds the rest. */
  readonly answersKept: number;
  /** Ids of the atoms of a text that stand for names (see `TranslateOptions.names`). */
  readonly namesOf?: (text: string) => readonly number[];
  /** What an engine may be told about a text beside the text (see `TranslateOptions.hints`). */
  readonly hintsOf?: (text: string) => TextHints;
  /**
   * Called with each answered request before its place in the engine's queue frees and before anyone waiting on it
   * hears back: the place to commit it to memory.
   * A promise it returns is awaited, since a memory on a database server stores asynchronously.
   */
  readonly onTranslated?: (texts: readonly string[], translations: readonly string[]) => unknown;
  /** Called with the texts whose replies failed the engine's checks on every try: they are answered with their source. */
  readonly onGivenUp?: (texts: readonly string[]) => unknown;
  /** Called as each attempt of a request ends, answered or not, so that every request sent is counted. */
  readonly onRequestEnded?: (request: EndedRequest) => void;
  /** Shared by every queue of one engine: a used-up quota stops them all (it belongs to the account). */
  readonly engineState?: EngineState;
}

/** What one request attempt cost. */
export interface EndedRequest {
  /** Texts it brought a usable translation for; 0 when it failed. */
  readonly texts: number;
  /** Characters billed for it: the engine's own figure when it gives one, else the plain-text characters of an answered request. */
  readonly billedCharacters: number;
}

/** What the queues of one engine share. */
export interface EngineState {
  quotaExceeded?: QuotaExceededError;
}

interface Waiting {
  readonly text: string;
  readonly bytes: number;
  readonly resolve: (translation: string) => void;
  readonly reject: (error: unknown) => void;
}

/** Request counts of one queue, for the summary and the benchmark. */
export interface QueueStats {
  requests: number;
  /** Texts answered with a usable translation. */
  texts: number;
  retries: number;
  /** Requests split in two because the engine could not answer them whole. */
  splits: number;
}

const encoder = new TextEncoder();

/**
 * Packs the texts of many articles into as few engine requests as the engine's limits allow.
 * Full requests leave at once; a partial one only when `flush()` says no more text is coming
 * for now, so a run spends the minimum number of requests. Each text is sent once per run.
 */
export class TranslationQueue {
  readonly stats: QueueStats = { requests: 0, texts: 0, retries: 0, splits: 0 };
  readonly #options: TranslationQueueOptions;
  readonly #groups = new Map<string, { items: Waiting[]; bytes: number }>();
  /** Texts asked for and not answered yet. */
  readonly #known = new Map<string, Promise<string>>();
  /** The most recently answered texts; older answers are in the memory, so the run's size does not grow this. */
  readonly #answered = new Map<string, string>();
  /** Texts whose replies failed the engine's checks on every try, with the last reason. */
  readonly #failures = new Map<string, string>();
  #stopped?: EngineError;
  /** Batches handed to the request queue that have not started: an interruption refuses them at once. */
  readonly #notStarted = new Set<Waiting[]>();
  #inFlight = 0;
  #sentTexts = 0;
  #onDrained: (() => void)[] = [];

  constructor(options: TranslationQueueOptions) {
    this.#options = options;
    options.signal?.addEventListener('abort', () => this.#stop(new EngineError('The run was interrupted before this text was sent.')), { once: true });
  }

  /** Texts asked for and not yet answered, sent or not. */
  get backlog(): number {
    let count = this.#sentTexts;
    for (const group of this.#groups.values()) count += group.items.length;
    return count;
  }

  /** Requests handed to the engine's queue whose answers have not reached the texts' askers yet. */
  get inFlight(): number {
    return this.#inFlight;
  }

  /** Resolves once no request is in flight: every answer received has been stored and delivered. */
  drained(): Promise<void> {
    if (this.#inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.#onDrained.push(resolve));
  }

  /** Translates texts, resolving when all are done; texts already asked for in this run are not sent again. */
  translate(texts: readonly string[], context?: string): Promise<string[]> {
    const key = this.#options.engine.usesContext ? (context ?? '') : '';
    const answers = Promise.all(texts.map((text) => this.#translateOne(text, key)));
    if (texts.length > 0) this.#options.onChanged?.();
    return answers;
  }

  /** Whether a text was asked for in this run, so that asking again sends nothing. */
  has(text: string): boolean {
    return this.#known.has(text) || this.#answered.has(text);
  }

  /**
   * Why the engine's replies for a text failed its checks on every try, or undefined. Such a text is
   * answered with itself (its source) so its article can be written, and is never handed to `onTranslated`.
   */
  failureOf(text: string): string | undefined {
    return this.#failures.get(text);
  }

  /** Sends what is waiting even if it does not fill a request. */
  flush(): void {
    for (const [key, group] of this.#groups) {
      if (group.items.length > 0) this.#send(key, group.items.splice(0), group);
    }
  }

  #translateOne(text: string, key: string): Promise<string> {
    this.#stopIfQuotaExceeded();
    const known = this.#known.get(text);
    if (known) return known;
    const answered = this.#answered.get(text);
    if (answered !== undefined) return Promise.resolve(answered);
    const promise = new Promise<string>((resolve, reject) => {
      if (this.#stopped) return reject(this.#stopped);
      let group = this.#groups.get(key);
      if (!group) this.#groups.set(key, (group = { items: [], bytes: 0 }));
      const bytes = encoder.encode(text).length;
      const { maxTexts, maxBytes } = this.#options.engine.limits;
      if (group.items.length > 0 && group.bytes + bytes > maxBytes) this.#send(key, group.items.splice(0), group);
      group.items.push({ text, bytes, resolve, reject });
      group.bytes += bytes;
      if (group.items.length >= maxTexts) this.#send(key, group.items.splice(0), group);
    });
    this.#known.set(text, promise);
    return promise;
  }

  #remember(text: string, translation: string): void {
    this.#known.delete(text);
    this.#answered.set(text, translation);
    if (this.#answered.size > this.#options.answersKept) this.#answered.delete(this.#answered.keys().next().value!);
  }

  #send(key: string, batch: Waiting[], group: { bytes: number }): void {
    group.bytes = 0;
    this.#inFlight++;
    this.#sentTexts += batch.length;
    this.#notStarted.add(batch);
    const texts = batch.map((item) => item.text);
    void this.#settle(texts, key || undefined, () => this.#notStarted.delete(batch), new Map()).then(
      async (replies) => {
        const answers = replies.map((reply, index) => (typeof reply === 'string' ? reply : texts[index]!));
        // A text asked again after the run's answers forgot it may succeed this time: only its last outcome counts.
        replies.forEach((reply, index) => (typeof reply === 'string' ? this.#failures.delete(texts[index]!) : this.#failures.set(texts[index]!, reply.failure)));
        const givenUp = texts.filter((text, index) => typeof replies[index] !== 'string');
        try {
          if (givenUp.length > 0) await this.#options.onGivenUp?.(givenUp);
        } catch (error) {
          return this.#fail(batch, error);
        }
        batch.forEach((item, index) => this.#remember(item.text, answers[index]!));
        // The articles waiting on these texts go on in a turn of their own: their rebuilds and checks, the longest
        // stretch of work, then never hold back what the engine's client has to do in between. The request
        // counts as in flight until they have its answers.
        await nextTurn();
        batch.forEach((item, index) => item.resolve(answers[index]!));
        this.#settled(batch);
      },
      (error: unknown) => this.#fail(batch, error),
    );
  }

  /**
   * Answers texts through as many requests as it takes: a request the engine could not answer whole is split
   * in two, and texts whose replies failed its checks are asked again together, up to `replyAttempts` tries
   * each. Every request waits its turn in the engine's queue, so concurrency and rate hold for these too.
   */
  async #settle(texts: readonly string[], context: string | undefined, onStart: () => void, tries: Map<string, number>): Promise<EngineReply[]> {
    let replies: EngineReply[];
    try {
      replies = (await this.#options.requests.add(async () => {
        onStart();
        const answered = await this.#request(texts, context);
        await this.#keep(texts, answered);
        return answered;
      }))!;
    } catch (error) {
      if (!(error instanceof EngineError) || !error.isSplittable) throw error;
      if (texts.length > 1) {
        this.stats.splits++;
        const half = Math.ceil(texts.length / 2);
        const parts = await Promise.all([texts.slice(0, half), texts.slice(half)].map((part) => this.#settle(part, context, onStart, tries)));
        return parts.flat();
      }
      replies = [{ failure: error.message }];
    }
    const maxTries = this.#options.retry.replyAttempts ?? 3;
    const again = texts.flatMap((text, index) => {
      const tried = (tries.get(text) ?? 0) + 1;
      tries.set(text, tried);
      return typeof replies[index] !== 'string' && tried < maxTries ? [index] : [];
    });
    if (again.length === 0) return replies;
    this.stats.retries++;
    const retried = await this.#settle(again.map((index) => texts[index]!), context, onStart, tries);
    again.forEach((index, position) => (replies[index] = retried[position]!));
    return replies;
  }

  /**
   * Hands a request's usable translations to `onTranslated` while the request still holds its place in the
   * engine's queue: the next request leaves only once they are kept, so a process killed at any moment has
   * every answer it paid for but the one in flight. A failure to keep them (the memory failed) fails the
   * request, so an answer that is not kept never reaches an output either.
   */
  async #keep(texts: readonly string[], replies: readonly EngineReply[]): Promise<void> {
    const kept = texts.flatMap((text, index) => (typeof replies[index] === 'string' ? [index] : []));
    if (kept.length === 0) return;
    await this.#options.onTranslated?.(kept.map((index) => texts[index]!), kept.map((index) => replies[index] as string));
  }

  #fail(batch: readonly Waiting[], error: unknown): void {
    if (error instanceof QuotaExceededError) this.#stop(error);
    for (const item of batch) item.reject(error);
    this.#settled(batch);
  }

  #settled(batch: readonly Waiting[]): void {
    this.#inFlight--;
    this.#sentTexts -= batch.length;
    if (this.#inFlight === 0) for (const resolve of this.#onDrained.splice(0)) resolve();
    this.#options.onChanged?.();
  }

  async #request(texts: readonly string[], context: string | undefined): Promise<EngineReply[]> {
    const { engine, pair, retry } = this.#options;
    for (let attempt = 1; ; attempt++) {
      // Checked before every attempt: a retry after an interruption or a used-up quota would be a new request.
      this.#stopIfQuotaExceeded();
      if (this.#stopped) throw this.#stopped;
      let billed: number | undefined;
      let isCounted = false;
      // An answered request is paid for whole, also for replies that then fail the engine's checks.
      const ended = (replies: readonly EngineReply[] | undefined) => {
        if (isCounted) return;
        isCounted = true;
        const translated = replies?.filter((reply) => typeof reply === 'string').length ?? 0;
        this.stats.texts += translated;
        this.#options.onRequestEnded?.({ texts: translated, billedCharacters: replies ? (billed ?? countCharacters(texts)) : (billed ?? 0) });
      };
      try {
        this.stats.requests++;
        const names = this.#options.namesOf && texts.map(this.#options.namesOf);
        const hints = this.#options.hintsOf && texts.map(this.#options.hintsOf);
        const translations = await engine.translate(texts, pair, { context, names, hints, onBilled: (characters) => (billed = (billed ?? 0) + characters) });
        if (translations.length !== texts.length) {
          throw new EngineError(`${engine.name} returned ${translations.length} translations for ${texts.length} texts.`);
        }
        ended(translations);
        return translations;
      } catch (error) {
        ended(undefined);
        // Stopped at once, before this attempt's promise settles and frees its place for the next request.
        if (error instanceof QuotaExceededError) {
          const state = this.#options.engineState;
          if (state) state.quotaExceeded ??= error;
          this.#stop(error);
        }
        if (!(error instanceof EngineError) || !error.isRetryable || attempt >= retry.attempts) throw error;
        this.stats.retries++;
        await (this.#options.sleep ?? sleep)(this.#delay(attempt, error.retryAfterMs));
      }
    }
  }

  #stopIfQuotaExceeded(): void {
    const exceeded = this.#options.engineState?.quotaExceeded;
    if (exceeded && !this.#stopped) this.#stop(exceeded);
  }

  // Exponential backoff with ±25% jitter, so parallel requests that failed together do not retry together.
  #delay(attempt: number, retryAfterMs: number | undefined): number {
    const { baseDelayMs, maxDelayMs } = this.#options.retry;
    if (retryAfterMs !== undefined) return Math.min(retryAfterMs, maxDelayMs);
    const jitter = 0.75 + (this.#options.random ?? Math.random)() * 0.5;
    return Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1)) * jitter;
  }

  #stop(error: EngineError): void {
    this.#stopped ??= error;
    for (const group of this.#groups.values()) for (const item of group.items.splice(0)) item.reject(error);
    for (const batch of this.#notStarted) for (const item of batch) item.reject(error);
    this.#notStarted.clear();
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
