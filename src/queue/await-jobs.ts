import type pg from 'pg';
import { cancelWaitingJobs, failureMessage, lookAtJobs } from './queue-tables.ts';
import type { JobResult } from './translate-job.ts';

/** How a job ended, as its submitter sees it. */
export type JobEnd =
  | { readonly kind: 'completed'; readonly result: JobResult }
  /** Every try failed: the job is dead-lettered. */
  | { readonly kind: 'failed'; readonly message: string; readonly tries: number }
  | { readonly kind: 'cancelled' };

export interface AwaitJobsOptions {
  readonly pollMs: number;
  /** Called at every look while it is set: jobs a dead worker gave back after a cancel are cancelled too. */
  readonly whileAborted?: { readonly signal?: AbortSignal; readonly cancel: (ids: readonly string[]) => Promise<unknown> };
  /** Once no job has run or ended for this long, the jobs not started are cancelled: no worker is taking them. */
  readonly giveUpAfterMs?: number;
  /** Told each time the jobs have waited another `stallNoticeMs` with none running or ending. */
  readonly onStalled?: (stall: { readonly seconds: number; readonly waiting: number }) => void;
  readonly stallNoticeMs?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits for every job of `ids` to end, handing each to `onEnd` once, in the order they are seen to end. Resolves
 * with whether it gave up on the jobs no worker took (see `giveUpAfterMs`).
 */
export async function awaitJobs(pool: pg.Pool, ids: readonly string[], onEnd: (id: string, end: JobEnd) => Promise<void>, options: AwaitJobsOptions): Promise<{ readonly gaveUp: boolean }> {
  const pending = new Set(ids);
  let lastActivity = Date.now();
  let notices = 0;
  let gaveUp = false;
  while (pending.size > 0) {
    if (options.whileAborted?.signal?.aborted) await options.whileAborted.cancel([...pending]);
    const { ended, running, delayed } = await lookAtJobs(pool, [...pending]);
    for (const job of ended) {
      pending.delete(job.id);
      if (job.state === 'completed') await onEnd(job.id, { kind: 'completed', result: job.output as JobResult });
      else if (job.state === 'failed') await onEnd(job.id, { kind: 'failed', message: failureMessage(job.output), tries: job.retryCount + 1 });
      else await onEnd(job.id, { kind: 'cancelled' });
    }
    // A running job is a worker at work, however long its article takes; a job waiting out its retry delay can be
    // taken by no worker until the delay has passed, so the wait for a worker starts again from then.
    if (ended.length > 0 || running > 0 || delayed > 0) {
      lastActivity = Date.now();
      notices = 0;
    }
    const stalledMs = Date.now() - lastActivity;
    if (!gaveUp && options.giveUpAfterMs !== undefined && pending.size > 0 && stalledMs >= options.giveUpAfterMs) {
      gaveUp = true;
      await cancelWaitingJobs(pool, [...pending]);
      continue;
    }
    if (!gaveUp && options.onStalled && options.stallNoticeMs && pending.size > 0 && stalledMs >= (notices + 1) * options.stallNoticeMs) {
      notices++;
      options.onStalled({ seconds: Math.floor(stalledMs / 1000), waiting: pending.size });
    }
    if (pending.size > 0 && ended.length === 0) await sleep(options.pollMs);
  }
  return { gaveUp };
}
