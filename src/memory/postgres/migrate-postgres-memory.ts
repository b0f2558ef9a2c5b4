import { createPool } from './create-pool.ts';
import { maskPassword } from './mask-password.ts';
import { toPostgresError } from './postgres-failure.ts';
import { migratePostgres } from './postgres-migrations.ts';

/** Connects to a PostgreSQL memory and brings its schema up to date; returns the versions before and after. */
export async function migratePostgresMemory(url: string): Promise<{ from: number; to: number }> {
  const location = maskPassword(url);
  const pool = createPool(url, { maxConnections: 1 });
  try {
    const client = await pool.connect();
    try {
      return await migratePostgres(client, location);
    } finally {
      client.release();
    }
  } catch (error) {
    throw toPostgresError(error, location);
  } finally {
    await pool.end();
  }
}
