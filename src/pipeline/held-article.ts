/** What an article running in the window tells it about its progress. */
export interface HeldArticle {
  /**
   * Resolves once every article started before this one has handed over its texts. Texts then reach the
   * queues in article order whichever article was parsed first: a text two articles share goes out with the
   * first one's context, so it gets the same translation on every run.
   */
  inTurn(): Promise<void>;
  /** All the article's texts are in the queues: it will ask for no more. */
  handedOver(): void;
  /** Waits for an engine's answer; while every held article waits, only a request can move the run on. */
  waitOnEngine<T>(answer: Promise<T>): Promise<T>;
}

/** How a tracked article's state changes reach the window's counts. */
export interface ArticleStateChanges {
  readonly onHandedOver: () => void;
  /** The article went from busy (reading, or working on an answer) to waiting on an engine. */
  readonly onWaiting: () => void;
  /** The article went from waiting on an engine to busy. */
  readonly onBusy: () => void;
}

/** One article in the window: whether it has handed over its texts, and whether it is busy or waiting. */
export class TrackedArticle implements HeldArticle {
  /** Resolves once this article and every one before it have handed over their texts. */
  readonly turnPassed: Promise<void>;
  readonly #previousTurn: Promise<void>;
  readonly #changes: ArticleStateChanges;
  #passTurn!: () => void;
  #isHandedOver = false;
  #waits = 0;
  #isDone = false;

  constructor(previousTurn: Promise<void>, changes: ArticleStateChanges) {
    this.#previousTurn = previousTurn;
    this.#changes = changes;
    this.turnPassed = new Promise((resolve) => (this.#passTurn = resolve));
  }

  inTurn(): Promise<void> {
    return this.#previousTurn;
  }

  handedOver(): void {
    if (this.#isHandedOver) return;
    this.#isHandedOver = true;
    // An article that ends before its turn (refused, unreadable) must not let the next one go ahead of earlier ones.
    void this.#previousTurn.then(this.#passTurn);
    this.#changes.onHandedOver();
  }

  async waitOnEngine<T>(answer: Promise<T>): Promise<T> {
    if (this.#waits++ === 0 && !this.#isDone) this.#changes.onWaiting();
    try {
      return await answer;
    } finally {
      if (--this.#waits === 0 && !this.#isDone) this.#changes.onBusy();
    }
  }

  /** The article ended; returns whether it counted as busy. A part of a failed article may still be waiting. */
  end(): boolean {
    this.handedOver();
    this.#isDone = true;
    return this.#waits === 0;
  }
}
