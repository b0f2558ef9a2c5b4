import type pg from 'pg';
import { endedJobs, failureMessage } from './queue-tables.ts';
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
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits for every job of `ids` to end, handing each to `onEnd` once, in the order they are seen to end. */
export async function awaitJobs(pool: pg.Pool, ids: readonly string[], onEnd: (id: string, end: JobEnd) => Promise<void>, options: AwaitJobsOptions): Promise<void> {
  const pending = new Set(ids);
  while (pending.size > 0) {
    if (options.whileAborted?.signal?.aborted) await options.whileAborted.cancel([...pending]);
    const ended = await endedJobs(pool, [...pending]);
    for (const job of ended) {
      pending.delete(job.id);
      if (job.state === 'completed') await onEnd(job.id, { kind: 'completed', result: job.output as JobResult });
      else if (job.state === 'failed') await onEnd(job.id, { kind: 'failed', message: failureMessage(job.output), tries: job.retryCount + 1 });
      else await onEnd(job.id, { kind: 'cancelled' });
    }
    if (pending.size > 0 && ended.length === 0) await sleep(options.pollMs);
  }
}
