import type pg from 'pg';
import { queueSchema, translateQueue } from './queue-names.ts';

// pg-boss keeps its jobs in plain tables; these few statements read and change them where its API has no call
// for it (the states of many jobs at once, giving back only the jobs not yet started, a heartbeat).

/** A job that has ended: completed with its result, or failed (for good) or cancelled with why. */
export interface EndedJob {
  readonly id: string;
  readonly state: 'completed' | 'failed' | 'cancelled';
  readonly output: unknown;
  readonly retryCount: number;
}

/**
 * Those of `ids` that have ended; how many of the others a worker is running; and how many failed and wait out
 * their retry delay, which no worker may end early.
 */
export async function lookAtJobs(pool: pg.Pool, ids: readonly string[]): Promise<{ readonly ended: EndedJob[]; readonly running: number; readonly delayed: number }> {
  if (ids.length === 0) return { ended: [], running: 0, delayed: 0 };
  const { rows } = await pool.query<{ id: string; state: EndedJob['state'] | 'active' | 'retry'; output: unknown; retry_count: number }>(
    `SELECT id, state, CASE WHEN state IN ('active', 'retry') THEN NULL ELSE output END AS output, retry_count
       FROM ${queueSchema}.job WHERE name = $1 AND id = ANY($2::uuid[])
         AND (state IN ('active', 'completed', 'failed', 'cancelled') OR (state = 'retry' AND start_after > now()))`,
    [translateQueue, ids],
  );
  const ended: EndedJob[] = [];
  let running = 0;
  let delayed = 0;
  for (const row of rows) {
    if (row.state === 'active') running++;
    else if (row.state === 'retry') delayed++;
    else ended.push({ id: row.id, state: row.state, output: row.output, retryCount: row.retry_count });
  }
  return { ended, running, delayed };
}

/** Cancels those of `ids` no worker has started (or is about to retry); the ones running go on. */
export async function cancelWaitingJobs(pool: pg.Pool, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const { rowCount } = await pool.query(
    `UPDATE ${queueSchema}.job SET state = 'cancelled', completed_on = now() WHERE name = $1 AND id = ANY($2::uuid[]) AND state IN ('created', 'retry')`,
    [translateQueue, ids],
  );
  return rowCount ?? 0;
}

/**
 * Tells the queue a running job's worker is alive: pg-boss takes a job over once its start lies further back than
 * its expiry, so moving the start forward keeps a long job with its worker and a dead worker's job short-lived.
 */
export async function touchJob(pool: pg.Pool, id: string): Promise<void> {
  await pool.query(`UPDATE ${queueSchema}.job SET started_on = now() WHERE name = $1 AND id = $2 AND state = 'active'`, [translateQueue, id]);
}

/** Makes the coming failure of a job its last, with no retry left: for a job no worker may run. */
export async function endRetries(pool: pg.Pool, id: string): Promise<void> {
  await pool.query(`UPDATE ${queueSchema}.job SET retry_limit = retry_count WHERE name = $1 AND id = $2`, [translateQueue, id]);
}

/** The latest job of each article × language whose last try failed for good, with why: what `status` shows. */
export async function failedJobs(pool: pg.Pool): Promise<Map<string, string>> {
  const { rows: present } = await pool.query<{ job: string | null }>('SELECT to_regclass($1) AS job', [`${queueSchema}.job`]);
  if (!present[0]?.job) return new Map();
  const { rows } = await pool.query<{ file: string; language: string; state: string; output: { message?: string; value?: { message?: string } } | null }>(
    `SELECT DISTINCT ON (data->>'file', data->>'language') data->>'file' AS file, data->>'language' AS language, state, output
       FROM ${queueSchema}.job WHERE name = $1 ORDER BY data->>'file', data->>'language', created_on DESC`,
    [translateQueue],
  );
  return new Map(rows.filter((row) => row.state === 'failed').map((row) => [jobKey(row.file, row.language), failureMessage(row.output)]));
}

/** How `failedJobs` keys an article × language. */
export function jobKey(file: string, language: string): string {
  return `${language}\u0000${file}`;
}

/** Why a job failed, from what its last try left (ours, or pg-boss's own for a job taken from a dead worker). */
export function failureMessage(output: unknown): string {
  const value = output as { message?: unknown; value?: { message?: unknown } } | null;
  const message = value?.message ?? value?.value?.message;
  return typeof message === 'string' ? message : 'no reason was recorded';
}
