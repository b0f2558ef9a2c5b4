import type { MemoryLocation } from './memory-location.ts';
import { memoryUrl, type MemoryEnvironment } from './open-memory.ts';
import { migratePostgresMemory } from './postgres/migrate-postgres-memory.ts';
import { SqliteMemory } from './sqlite/sqlite-memory.ts';
import { migrations } from './migrations.ts';

/**
 * Brings a memory's schema up to date and returns the versions before and after. A SQLite file migrates
 * whenever it is opened; a PostgreSQL database only here, since many runs and workers share it.
 */
export async function migrateMemory(location: MemoryLocation, env: MemoryEnvironment = process.env): Promise<{ from: number; to: number }> {
  if (location.kind === 'postgres') {
    const url = memoryUrl(location, env);
    const versions = await migratePostgresMemory(url);
    // The job queue of distributed batches lives in the same database, set up at the same single moment.
    const { installQueue } = await import('../queue/install-queue.ts');
    await installQueue(url);
    return versions;
  }
  const memory = SqliteMemory.open(location.file);
  await memory.close();
  return { from: migrations.length, to: migrations.length };
}
