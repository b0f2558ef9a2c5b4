import path from 'node:path';
import { afterAll, afterEach } from 'vitest';
import type { MemoryStore } from '../../../src/memory/memory-store.ts';
import { migratePostgresMemory } from '../../../src/memory/postgres/migrate-postgres-memory.ts';
import { PostgresMemory } from '../../../src/memory/postgres/postgres-memory.ts';
import { SqliteMemory } from '../../../src/memory/sqlite/sqlite-memory.ts';
import { createTestDatabase, startTestPostgres, type TestPostgres } from '../../support/postgres.ts';
import { makeTempDir, removeTempDir } from './memory-fixtures.ts';

/** A memory backend the shared suite runs against: `open` gives a new, empty memory each time. */
export interface MemoryBackend {
  readonly name: string;
  open(options?: { readonly now?: () => Date }): Promise<MemoryStore>;
}

const sqlite: MemoryBackend = {
  name: 'sqlite',
  async open(options = {}) {
    const dir = await makeTempDir();
    cleanups.push(() => removeTempDir(dir));
    return track(SqliteMemory.open(path.join(dir, 'nested', 'memory.sqlite'), options));
  },
};

// One server per test file, started on first use; each memory is a new database on it.
let server: Promise<TestPostgres> | undefined;

const postgres: MemoryBackend = {
  name: 'postgres',
  async open(options = {}) {
    server ??= startTestPostgres();
    const url = await createTestDatabase((await server).url);
    await migratePostgresMemory(url);
    return track(await PostgresMemory.open(url, options));
  },
};

/** Every backend; the suites in tests/memory run once per entry. */
export const memoryBackends: readonly MemoryBackend[] = [sqlite, postgres];

afterAll(async () => {
  await (await server)?.stop();
});

const cleanups: (() => Promise<unknown>)[] = [];

function track(memory: MemoryStore): MemoryStore {
  // Closed before its folder or database goes; closing twice is allowed.
  cleanups.unshift(() => memory.close());
  return memory;
}

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});
