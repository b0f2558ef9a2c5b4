import { existsSync } from 'node:fs';
import type { ResolvedConfig } from '../config/resolve-config.ts';
import { ConfigError } from '../errors.ts';
import type { MemoryLocation } from './memory-location.ts';
import type { MemoryStore } from './memory-store.ts';
import { maskPassword } from './postgres/mask-password.ts';

/** Where credentials named in the config (`{ url: { env } }`) are read from; `process.env` by default. */
export interface MemoryEnvironment {
  readonly [name: string]: string | undefined;
}

/** Opens the project's translation memory; a SQLite file is created if needed, a PostgreSQL one must have been migrated. */
export async function openMemory(config: Pick<ResolvedConfig, 'memory'>, env: MemoryEnvironment = process.env): Promise<MemoryStore> {
  return openMemoryAt(config.memory, env);
}

/** Opens the memory at a location, as `openMemory` does; only the driver of that kind of memory is loaded. */
export async function openMemoryAt(location: MemoryLocation, env: MemoryEnvironment = process.env): Promise<MemoryStore> {
  if (location.kind === 'sqlite') {
    const { SqliteMemory } = await import('./sqlite/sqlite-memory.ts');
    return SqliteMemory.open(location.file);
  }
  const url = memoryUrl(location, env);
  const { PostgresMemory } = await import('./postgres/postgres-memory.ts');
  return PostgresMemory.open(url);
}

/** Whether the project's memory exists already, so that a read-only command need not create one; a database always does. */
export async function hasMemory(config: Pick<ResolvedConfig, 'memory'>): Promise<boolean> {
  return config.memory.kind === 'postgres' || existsSync(config.memory.file);
}

/** The URL of a PostgreSQL memory, read from the environment when the config names a variable; never printed unmasked. */
export function memoryUrl(location: Extract<MemoryLocation, { kind: 'postgres' }>, env: MemoryEnvironment): string {
  if (typeof location.url === 'string') return location.url;
  const url = env[location.url.env];
  if (!url) {
    throw new ConfigError(`memory.url: the environment variable ${location.url.env} is not set; it should hold the memory's postgres:// URL.`, {
      hint: `Set ${location.url.env} (e.g. from your CI's secrets) before running jialing.`,
    });
  }
  return url;
}

/** How messages name a memory: its file, or its URL with the password masked. */
export function describeMemory(location: MemoryLocation, env: MemoryEnvironment = process.env): string {
  if (location.kind === 'sqlite') return location.file;
  if (typeof location.url !== 'string' && !env[location.url.env]) return `$${location.url.env}`;
  return maskPassword(memoryUrl(location, env));
}
