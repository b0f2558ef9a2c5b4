import { setImmediate as nextTurn } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import type { ExtractedArticle } from '../markdown/extract-segments.ts';
import { knowSegmentIds } from '../markdown/segment-id.ts';
import { segmentMarkdown } from '../markdown/segment-markdown.ts';
import type { SegmentOptions } from '../markdown/segment-options.ts';
import { readySignal, type SegmentReply, type SegmentRequest } from './segment-messages.ts';
import { segmentThreadHeapLimit } from './segment-thread-heap.ts';

/** Turns an article's text into its segments, here or elsewhere. */
export interface ArticleSegmenter {
  segment(text: string): Promise<ExtractedArticle>;
  close(): void;
}

/**
 * Segments each article on the calling thread, one per turn of the event loop. A run asks for many articles at
 * once; parsed back to back, the later ones would hold back the earlier ones' reads and memory lookups, and with
 * them the first request to the engine, until every article was parsed.
 */
export function segmentInThread(options: SegmentOptions): ArticleSegmenter {
  const waitTurn = turnsInOrder();
  return {
    segment: async (text) => {
      await waitTurn();
      return segmentMarkdown(text, options);
    },
    close: () => {},
  };
}

/** Each call resolves a turn of the event loop after the one before it, so that other work runs in between. */
function turnsInOrder(): () => Promise<unknown> {
  let last: Promise<unknown> = Promise.resolve();
  return () => (last = last.then(nextTurn));
}

/** Creates the segmenter when the first article needs one: a re-run that parses nothing starts no thread. */
export function segmentWhenNeeded(create: () => ArticleSegmenter): ArticleSegmenter {
  let segmenter: ArticleSegmenter | undefined;
  return {
    segment: (text) => (segmenter ??= create()).segment(text),
    close: () => segmenter?.close(),
  };
}

export interface WorkerSegmenterOptions {
  /** Whether the calling thread may parse the newest waiting article now; by default it never does. */
  readonly mayParseHere?: () => boolean;
  /**
   * Whether parsing gives way to the run's other work when the cores are all busy: to an engine's own processes,
   * or to the thread that answers engine requests. By default it does. Once it has, the thread keeps its lower
   * priority (raising it again takes a privilege a user seldom has).
   */
  readonly givesWay?: () => boolean;
  /** Another thread's script, for a thread of its own instead of the shared one. */
  readonly script?: URL;
}

/**
 * Segments articles in a worker thread, so parsing, the largest part of the pipeline's own work, runs beside
 * the rest of it (masking, memory, rebuilding, checks, engine requests) on a second core. When the worker has
 * more than it can take and `mayParseHere` agrees, the calling thread parses some too.
 */
export function segmentInWorker(options: SegmentOptions, { mayParseHere = () => false, givesWay = () => true, script }: WorkerSegmenterOptions = {}): ArticleSegmenter & { readonly isReady: Promise<boolean> } {
  const worker = script ? SegmentWorker.start(script) : SegmentWorker.acquire();
  let isClosed = false;
  return {
    isReady: worker.isReady,
    segment: (text) => worker.segment(text, options, { mayParseHere, givesWay }),
    close: () => {
      if (!isClosed) worker.release();
      isClosed = true;
    },
  };
}

interface Job {
  readonly text: string;
  readonly options: SegmentOptions;
  readonly mayParseHere: () => boolean;
  readonly givesWay: () => boolean;
  readonly resolve: (extracted: ExtractedArticle) => void;
  readonly reject: (error: Error) => void;
}

// Enough that the thread never waits for its next article; the rest wait here, where the calling thread can
// take some.
const maxJobsInWorker = 2;
// Compiled, this module is JavaScript and so is the worker; run from the sources, the boot script loads tsx first.
const bootScript = import.meta.url.endsWith('.js')
  ? new URL('./segment-worker.js', import.meta.url)
  : new URL('./segment-worker-boot.mjs', import.meta.url);

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
  /** Jobs sent to the thread, by id. */
  readonly #jobs = new Map<number, Job>();
  /** Jobs not sent yet, oldest first. */
  readonly #waiting: Job[] = [];
  #isTakingOneScheduled = false;
  #nextId = 0;
  #state: 'starting' | 'ready' | 'stopped' = 'starting';
  #users = 0;
  #idleTimer?: NodeJS.Timeout;
  // Articles parsed here before the thread is ready take turns, as `segmentInThread`'s do.
  readonly #turnHere = turnsInOrder();
  #settleReady!: (isReady: boolean) => void;
  /** Settles true once articles go to the thread, false if it stopped before. */
  readonly isReady = new Promise<boolean>((resolve) => (this.#settleReady = resolve));

  static acquire(): SegmentWorker {
    const shared = SegmentWorker.#shared;
    const worker = shared && shared.#state !== 'stopped' ? shared : (SegmentWorker.#shared = new SegmentWorker(bootScript));
    worker.#users++;
    clearTimeout(worker.#idleTimer);
    return worker;
  }

  static start(script: URL): SegmentWorker {
    const worker = new SegmentWorker(script);
    worker.#users++;
    return worker;
  }

  private constructor(script: URL) {
    const maxOldGenerationSizeMb = segmentThreadHeapLimit();
    this.#worker = new Worker(script, maxOldGenerationSizeMb ? { resourceLimits: { maxOldGenerationSizeMb } } : {});
    this.#worker.on('message', (message: SegmentReply | typeof readySignal) => this.#receive(message));
    this.#worker.on('error', () => this.#stop());
    this.#worker.on('exit', () => this.#stop());
    // An idle thread never keeps a process alive: a finished run may exit while the thread waits for the next
    // (see #holdWhileBusy). Only after the listeners: adding a 'message' listener refs the thread's port again.
    this.#worker.unref();
  }

  async segment(text: string, options: SegmentOptions, run: Pick<Job, 'mayParseHere' | 'givesWay'>): Promise<ExtractedArticle> {
    if (!this.#takesJobs()) {
      await this.#turnHere();
      if (!this.#takesJobs()) return segmentMarkdown(text, options);
    }
    return new Promise((resolve, reject) => {
      this.#waiting.push({ text, options, ...run, resolve, reject });
      this.#dispatch();
    });
  }

  #dispatch(): void {
    while (this.#takesJobs() && this.#jobs.size < maxJobsInWorker && this.#waiting.length > 0) {
      const job = this.#waiting.shift()!;
      const id = this.#nextId++;
      this.#jobs.set(id, job);
      this.#worker.postMessage({ id, text: job.text, options: job.options, givesWay: job.givesWay() } satisfies SegmentRequest);
    }
    this.#holdWhileBusy();
    if (this.#waiting.length > 0 && !this.#isTakingOneScheduled) {
      this.#isTakingOneScheduled = true;
      setImmediate(() => this.#takeOne());
    }
  }

  // The newest waiting job, parsed here when the caller allows it: one per turn of the event loop. When it does
  // not, the next answer from the thread asks again, so nothing spins.
  #takeOne(): void {
    this.#isTakingOneScheduled = false;
    const job = this.#waiting.at(-1);
    if (!job || !job.mayParseHere()) return;
    this.#waiting.pop();
    settle(job);
    this.#dispatch();
  }

  // While the thread has an article, the process waits for it even when nothing else is pending; once it has
  // none, the process may end.
  #holdWhileBusy(): void {
    if (this.#jobs.size > 0) this.#worker.ref();
    else this.#worker.unref();
  }

  #takesJobs(): boolean {
    return this.#state === 'ready';
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
    else {
      // The memory keys and lookups ask for the same ids again on this thread.
      knowSegmentIds(message.extracted.segments);
      job.resolve(message.extracted);
    }
    this.#dispatch();
  }

  // Articles waiting on a thread that stopped are segmented here instead.
  #stop(): void {
    this.#state = 'stopped';
    this.#settleReady(false);
    const jobs = [...this.#jobs.values(), ...this.#waiting.splice(0)];
    this.#jobs.clear();
    for (const job of jobs) settle(job);
  }
}

/** Segments a job's article on this thread. */
function settle(job: Job): void {
  try {
    job.resolve(segmentMarkdown(job.text, job.options));
  } catch (error) {
    job.reject(error as Error);
  }
}
