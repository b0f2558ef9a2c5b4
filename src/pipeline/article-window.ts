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
 * there is room, and partial requests are flushed only when nothing else can make progress
 * (every held article has handed over its texts, and no request is in flight or no article is left
 * to read). That keeps the number of engine requests at the minimum without ever stalling.
 */
export class ArticleWindow {
  readonly #options: ArticleWindowOptions;
  readonly #running = new Set<Promise<void>>();
  #reading = 0;
  #isReaderWaiting = false;
  #isReadingDone = false;
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
      this.#maybeFlush();
      await woken;
    }
    this.#isReaderWaiting = false;
    return !this.#fatal;
  }

  /** Runs one article; it calls `handedOver` once all its texts are in the queues. */
  start(task: (handedOver: () => void) => Promise<void>): void {
    this.#reading++;
    let isHandedOver = false;
    const handedOver = () => {
      if (isHandedOver) return;
      isHandedOver = true;
      this.#reading--;
      this.notify();
    };
    const running: Promise<void> = task(handedOver)
      .catch((error: unknown) => {
        this.#fatal ??= { error };
      })
      .finally(() => {
        handedOver();
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
      this.#maybeFlush();
      await Promise.race([woken, ...this.#running]);
    }
    if (this.#fatal) throw this.#fatal.error;
  }

  /** Something changed (a request settled, an article finished): re-check. */
  notify(): void {
    this.#maybeFlush();
    const wake = this.#wake;
    this.#wake = undefined;
    wake?.();
  }

  #isFull(): boolean {
    const backlog = this.#options.queues().reduce((sum, queue) => sum + queue.backlog, 0);
    return this.#running.size >= this.#options.maxArticles || (this.#running.size > 0 && backlog >= this.#options.highWater);
  }

  #maybeFlush(): void {
    if (!this.#isReaderWaiting || this.#reading > 0) return;
    const queues = this.#options.queues();
    // While articles are still to come, answers let held articles finish and the next ones fill the partial
    // requests; once every article has handed over its texts, nothing more can join them.
    if (!this.#isReadingDone && queues.some((queue) => queue.inFlight > 0)) return;
    for (const queue of queues) queue.flush();
  }
}
