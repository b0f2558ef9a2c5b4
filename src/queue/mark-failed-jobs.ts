import type { ResolvedConfig } from '../config/resolve-config.ts';
import { memoryUrl, type MemoryEnvironment } from '../memory/open-memory.ts';
import { createPool } from '../memory/postgres/create-pool.ts';
import type { ArticleStatus } from '../status.ts';
import { failedJobs, jobKey } from './queue-tables.ts';

/**
 * Marks `failed-in-queue` the outputs whose latest queued job was dead-lettered, unless they are up to date
 * anyway (a later local run made them): what `status` says of a PostgreSQL project.
 */
export async function markFailedJobs(config: Pick<ResolvedConfig, 'memory'>, statuses: readonly ArticleStatus[], env: MemoryEnvironment): Promise<ArticleStatus[]> {
  if (config.memory.kind !== 'postgres') return [...statuses];
  const pool = createPool(memoryUrl(config.memory, env), { maxConnections: 1 });
  let failed: Map<string, string>;
  try {
    failed = await failedJobs(pool);
  } finally {
    await pool.end();
  }
  return statuses.map((status) => {
    const failure = failed.get(jobKey(status.file, status.language));
    return failure === undefined || status.state === 'up-to-date' ? status : { ...status, state: 'failed-in-queue', queueFailure: failure };
  });
}
