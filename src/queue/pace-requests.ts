import type pg from 'pg';
import { queueSchema } from './queue-names.ts';

/**
 * Waits for this process's turn to start a request under an engine key, shared with every worker on the database:
 * one statement books the next free slot (at least `1 / requestsPerSecond` after the last one booked, never in the
 * past), so that all workers together start at most `requestsPerSecond` requests in any second.
 */
export function createRequestPacer(pool: pg.Pool, key: string, requestsPerSecond: number, sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))): () => Promise<void> {
  const spacingMs = 1000 / requestsPerSecond;
  const book = `INSERT INTO ${queueSchema}.engine_pace AS pace (key, next_at) VALUES ($1, clock_timestamp() + $2 * interval '1 millisecond')
    ON CONFLICT (key) DO UPDATE SET next_at = greatest(pace.next_at, clock_timestamp()) + $2 * interval '1 millisecond'
    RETURNING extract(epoch FROM (pace.next_at - clock_timestamp())) * 1000 - $2 AS wait_ms`;
  return async () => {
    const { rows } = await pool.query<{ wait_ms: string }>(book, [key, spacingMs]);
    const waitMs = Number(rows[0]!.wait_ms);
    if (waitMs > 0) await sleep(waitMs);
  };
}
