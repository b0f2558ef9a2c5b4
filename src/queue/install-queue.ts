import PgBoss from 'pg-boss';
import { createPool } from '../memory/postgres/create-pool.ts';
import { deadLetterQueue, queueSchema, translateQueue } from './queue-names.ts';

/** Sets up (or upgrades) the job queue and the table that paces engine requests; run by `jialing memory migrate`. */
export async function installQueue(url: string): Promise<void> {
  const pool = createPool(url, { maxConnections: 2 });
  try {
    const boss = new PgBoss({ db: { executeSql: (text: string, values: unknown[]) => pool.query(text, values) }, schema: queueSchema, migrate: true, schedule: false, supervise: false });
    boss.on('error', () => {});
    await boss.start();
    try {
      if (!(await boss.getQueue(deadLetterQueue))) await boss.createQueue(deadLetterQueue);
      if (!(await boss.getQueue(translateQueue))) await boss.createQueue(translateQueue, { name: translateQueue, deadLetter: deadLetterQueue });
    } finally {
      await boss.stop({ graceful: false, close: false, wait: true, timeout: 1000 });
    }
    // The next moment a request may start, per engine key; one row per key, updated in one statement per request.
    await pool.query(`CREATE TABLE IF NOT EXISTS ${queueSchema}.engine_pace (key text PRIMARY KEY, next_at timestamptz NOT NULL)`);
  } finally {
    await pool.end();
  }
}
