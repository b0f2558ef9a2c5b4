import type pg from 'pg';
import PgBoss from 'pg-boss';
import type { ResolvedConfig } from '../config/resolve-config.ts';
import { SetupError } from '../errors.ts';
import { memoryUrl, type MemoryEnvironment } from '../memory/open-memory.ts';
import { createPool } from '../memory/postgres/create-pool.ts';
import { maskPassword } from '../memory/postgres/mask-password.ts';
import { toPostgresError } from '../memory/postgres/postgres-failure.ts';
import { queueSchema } from './queue-names.ts';

/** The job queue of a project, and the connections it and the pacing of engine requests share. */
export interface OpenQueue {
  readonly boss: PgBoss;
  readonly pool: pg.Pool;
  /** The database, its password masked, for messages. */
  readonly location: string;
  close(): Promise<void>;
}

/**
 * Opens the queue in the database of the project's memory. `isSupervising` runs pg-boss's upkeep (failing the
 * jobs of a worker that stopped giving signs of life, so another takes them over) at half the takeover delay.
 */
export async function openQueue(config: Pick<ResolvedConfig, 'memory' | 'queue' | 'configFile'>, env: MemoryEnvironment, options: { readonly isSupervising: boolean }): Promise<OpenQueue> {
  if (config.memory.kind !== 'postgres') {
    throw new SetupError(`The job queue lives in the PostgreSQL database of the translation memory, and the memory of ${config.configFile} is a SQLite file (${config.memory.file}).`, {
      hint: 'Set `memory: { url: { env: "JIALING_DATABASE_URL" } }` in the config, move the memory there with `jialing memory copy`, and run `jialing memory migrate`.',
    });
  }
  const url = memoryUrl(config.memory, env);
  const location = maskPassword(url);
  const pool = createPool(url, { maxConnections: 6 });
  try {
    const { rows } = await pool.query<{ job: string | null }>('SELECT to_regclass($1) AS job', [`${queueSchema}.job`]);
    if (!rows[0]?.job) throw new SetupError(`The database ${location} has no job queue yet.`, { hint: 'Run `jialing memory migrate` once, which sets up the memory and the queue.' });
  } catch (error) {
    await pool.end();
    throw toPostgresError(error, location);
  }
  const boss = new PgBoss({
    db: { executeSql: (text: string, values: unknown[]) => pool.query(text, values) },
    schema: queueSchema,
    migrate: false,
    schedule: false,
    supervise: options.isSupervising,
    maintenanceIntervalSeconds: Math.max(1, Math.floor(config.queue.takeoverSeconds / 2)),
  });
  // Upkeep failures (a dropped connection) are retried by pg-boss at the next interval; a job's own failures reach its worker.
  boss.on('error', () => {});
  await boss.start();
  return {
    boss,
    pool,
    location,
    close: async () => {
      await boss.stop({ graceful: false, close: false, wait: true, timeout: 1000 });
      await pool.end();
    },
  };
}
