import { Worker } from 'node:worker_threads';
import type { ExtractedArticle } from '../markdown/extract-segments.ts';
import { segmentMarkdown } from '../markdown/segment-markdown.ts';
import { readySignal, type SegmentReply, type SegmentRequest } from './segment-messages.ts';

/** Turns an article's text into its segments, here or elsewhere. */
export interface ArticleSegmenter {
  segment(text: string): Promise<ExtractedArticle>;
  close(): void;
}

/** Segments each article on the calling thread. */
export function segmentInThread(frontmatterKeys: readonly string[]): ArticleSegmenter {
  return {
    segment: async (text) => segmentMarkdown(text, frontmatterKeys),
    close: () => {},
  };
}

/**
 * Segments articles in a worker thread, so parsing, the largest part of the pipeline's own work, runs beside
 * the rest of it (masking, memory, rebuilding, checks, engine requests) on a second core.
 */
export function segmentInWorker(frontmatterKeys: readonly string[]): ArticleSegmenter & { readonly isReady: Promise<boolean> } {
  const worker = SegmentWorker.acquire();
  let isClosed = false;
  return {
    isReady: worker.isReady,
    segment: (text) => worker.segment(text, frontmatterKeys),
    close: () => {
      if (!isClosed) worker.release();
      isClosed = true;
    },
  };
}

interface Job {
  readonly text: string;
  readonly frontmatterKeys: readonly string[];
  readonly resolve: (extracted: ExtractedArticle) => void;
  readonly reject: (error: Error) => void;
}

// Starting the thread costs about half a second of CPU, so runs that follow one another (a watch, a benchmark,
// a test suite) share one; it ends once no run has used it for this long.
const idleMs = 10_000;

/**
 * The worker thread shared by the runs of a process. Until it is ready, and for good if it fails, articles are
 * segmented on the calling thread: the worker is only a way to go faster.
 */
class SegmentWorker {
  static #shared?: SegmentWorker;
  readonly #worker: Worker;
  readonly #jobs = new Map<number, Job>();
  #nextId = 0;
  #state: 'starting' | 'ready' | 'stopped' = 'starting';
  #users = 0;
  #idleTimer?: NodeJS.Timeout;
  #inThreadTurn: Promise<unknown> = Promise.resolve();
  #settleReady!: (isReady: boolean) => void;
  /** Settles true once articles go to the thread, false if it stopped before. */
  readonly isReady = new Promise<boolean>((resolve) => (this.#settleReady = resolve));

  static acquire(): SegmentWorker {
    const shared = SegmentWorker.#shared;
    const worker = shared && shared.#state !== 'stopped' ? shared : (SegmentWorker.#shared = new SegmentWorker());
    worker.#users++;
    clearTimeout(worker.#idleTimer);
    return worker;
  }

  private constructor() {
    this.#worker = new Worker(new URL('./segment-worker-boot.mjs', import.meta.url));
    // The thread never keeps a process alive: a finished run may exit while the thread waits for the next.
    this.#worker.unref();
    this.#worker.on('message', (message: SegmentReply | typeof readySignal) => this.#receive(message));
    this.#worker.on('error', () => this.#stop());
    this.#worker.on('exit', () => this.#stop());
  }

  async segment(text: string, frontmatterKeys: readonly string[]): Promise<ExtractedArticle> {
    if (!this.#takesJobs()) {
      await this.#nextTurn();
      if (!this.#takesJobs()) return segmentMarkdown(text, frontmatterKeys);
    }
    return new Promise((resolve, reject) => {
      const id = this.#nextId++;
      this.#jobs.set(id, { text, frontmatterKeys, resolve, reject });
      this.#worker.postMessage({ id, text, frontmatterKeys } satisfies SegmentRequest);
    });
  }

  #takesJobs(): boolean {
    return this.#state === 'ready';
  }

  // A run asks for many articles at once: those parsed here wait one turn of the event loop each, so that
  // engine answers and requests are handled in between rather than after all of them.
  #nextTurn(): Promise<unknown> {
    this.#inThreadTurn = this.#inThreadTurn.then(() => new Promise((resolve) => setImmediate(resolve)));
    return this.#inThreadTurn;
  }

  release(): void {
    this.#users--;
    if (this.#users > 0) return;
    this.#idleTimer = setTimeout(() => void this.#worker.terminate(), idleMs);
    this.#idleTimer.unref();
  }

  #receive(message: SegmentReply | typeof readySignal): void {
    if (message === readySignal) {
      if (this.#state === 'starting') this.#state = 'ready';
      this.#settleReady(this.#state === 'ready');
      return;
    }
    const job = this.#jobs.get(message.id);
    if (!job) return;
    this.#jobs.delete(message.id);
    if ('failure' in message) job.reject(new Error(`Segmenting failed in the worker thread: ${message.failure}`));
    else job.resolve(message.extracted);
  }

  // Articles waiting on a thread that stopped are segmented here instead.
  #stop(): void {
    this.#state = 'stopped';
    this.#settleReady(false);
    for (const [id, job] of this.#jobs) {
      this.#jobs.delete(id);
      try {
        job.resolve(segmentMarkdown(job.text, job.frontmatterKeys));
      } catch (error) {
        job.reject(error as Error);
      }
    }
  }
}
