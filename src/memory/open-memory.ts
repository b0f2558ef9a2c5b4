import { existsSync } from 'node:fs';
import type { ResolvedConfig } from '../config/resolve-config.ts';
import type { MemoryStore } from './memory-store.ts';
import { SqliteMemory } from './sqlite/sqlite-memory.ts';

/** Opens the project's translation memory, creating it if needed. */
export async function openMemory(config: Pick<ResolvedConfig, 'memoryFile'>): Promise<MemoryStore> {
  return SqliteMemory.open(config.memoryFile);
}

/** Whether the project's memory exists already, so that a read-only command need not create one. */
export async function hasMemory(config: Pick<ResolvedConfig, 'memoryFile'>): Promise<boolean> {
  return existsSync(config.memoryFile);
}
