import { TrackedArticle, type HeldArticle } from './held-article.ts';
import type { TranslationQueue } from './translation-queue.ts';

export interface ArticleWindowOptions {
  /** Most articles held at once. */
  readonly maxArticles: number;
  /** Texts waiting in the queues above which no further article is read. */
  readonly highWater: number;
  readonly queues: () => readonly TranslationQueue[];
}

/**
 * Streams articles through the queues with bounded memory: the next article is read only while
 * there is room, and partial requests are flushed only when nothing else can make progress:
 * every held article has handed over its texts, and either no article is left to read or every
 * held article waits on the engine with no request in flight. An article still busy with an answer
 * will finish and make room for the next one, whose texts may fill the partial requests; that keeps
 * the number of engine requests at the minimum without ever stalling. An article counts as waiting
 * while any of its languages waits, since it cannot finish before that one is answered.
 */
export class ArticleWindow {
  readonly #options: ArticleWindowOptions;
  readonly #running = new Set<Promise<void>>();
  /** Held articles that have not handed over their texts. */
  #reading = 0;
  /** Held articles not waiting on an engine: reading, or busy with an answer. */
  #busy = 0;
  #isReaderWaiting = false;
  #isReadingDone = false;
  #isCheckPending = false;
  /** Resolves once the last article started, and every one before it, has handed over its texts. */
  #lastHandedOver: Promise<void> = Promise.resolve();
  #wake?: () => void;
  #fatal?: { error: unknown };

  constructor(options: ArticleWindowOptions) {
    this.#options = options;
  }

  /** Waits until another article may be read; false once the run has failed and must stop. */
  async admit(): Promise<boolean> {
    while (!this.#fatal && this.#isFull()) {
      const woken = new Promise<void>((resolve) => (this.#wake = resolve));
      this.#isReaderWaiting = true;
      this.#scheduleCheck();
      await woken;
    }
    this.#isReaderWaiting = false;
    return !this.#fatal;
  }

  /** Runs one article, which reports its progress through the `HeldArticle` it is given. */
  start(task: (article: HeldArticle) => Promise<void>): void {
    this.#reading++;
    this.#busy++;
    const article = new TrackedArticle(this.#lastHandedOver, {
      onHandedOver: () => {
        this.#reading--;
        this.notify();
      },
      onWaiting: () => {
        this.#busy--;
        this.notify();
      },
      onBusy: () => this.#busy++,
    });
    this.#lastHandedOver = article.turnPassed;
    const running: Promise<void> = task(article)
      .catch((error: unknown) => {
        this.#fatal ??= { error };
      })
      .finally(() => {
        if (article.end()) this.#busy--;
        this.#running.delete(running);
        this.notify();
      });
    this.#running.add(running);
  }

  /** Waits for every article after the last one was started; rethrows a fatal error. */
  async finish(): Promise<void> {
    this.#isReaderWaiting = true;
    this.#isReadingDone = true;
    while (this.#running.size > 0) {
      const woken = new Promise<void>((resolve) => (this.#wake = resolve));
      this.#scheduleCheck();
      await Promise.race([woken, ...this.#running]);
    }
    if (this.#fatal) throw this.#fatal.error;
  }

  /** Waits for every article started so far, as `finish` does, and then lets the next ones be read. */
  async settle(): Promise<void> {
    await this.finish();
    this.#isReadingDone = false;
    this.#isReaderWaiting = false;
  }

  /** Something changed (a request settled, an article finished or began to wait): re-check. */
  notify(): void {
    this.#scheduleCheck();
    const wake = this.#wake;
    this.#wake = undefined;
    wake?.();
  }

  #isFull(): boolean {
    const backlog = this.#options.queues().reduce((sum, queue) => sum + queue.backlog, 0);
    return this.#running.size >= this.#options.maxArticles || (this.#running.size > 0 && backlog >= this.#options.highWater);
  }

  // Checked in a later turn of the event loop, once the articles an answer or a failure reached have
  // taken it up and count as busy again.
  #scheduleCheck(): void {
    if (this.#isCheckPending) return;
    this.#isCheckPending = true;
    setImmediate(() => {
      this.#isCheckPending = false;
      this.#maybeFlush();
    });
  }

  #maybeFlush(): void {
    if (!this.#isReaderWaiting || this.#reading > 0) return;
    const queues = this.#options.queues();
    // While articles are still to come, held articles that finish make room for the next ones, which may
    // fill the partial requests; once every article has handed over its texts, nothing more can join them.
    if (!this.#isReadingDone && (this.#busy > 0 || queues.some((queue) => queue.inFlight > 0))) return;
    for (const queue of queues) queue.flush();
  }
}
