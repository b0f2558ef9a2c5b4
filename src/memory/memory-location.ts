import path from 'node:path';
import { isPostgresUrl } from './postgres/mask-password.ts';

/** Where a project's memory is: a SQLite file, or a PostgreSQL database whose URL is given or read from the environment. */
export type MemoryLocation =
  | { readonly kind: 'sqlite'; readonly file: string }
  | { readonly kind: 'postgres'; readonly url: string | { readonly env: string } };

/** The location a `memory` setting names, relative paths against the config's folder. */
export function resolveMemoryLocation(setting: string | { readonly url: string | { readonly env: string } }, root: string): MemoryLocation {
  if (typeof setting !== 'string') return { kind: 'postgres', url: setting.url };
  return isPostgresUrl(setting) ? { kind: 'postgres', url: setting } : { kind: 'sqlite', file: path.resolve(root, setting) };
}

/** A memory named on the command line: a file path, a postgres:// URL, or `env:NAME` for a URL in an environment variable. */
export function parseMemoryLocation(argument: string, cwd: string): MemoryLocation {
  const variable = /^env:(\w+)$/.exec(argument);
  if (variable) return { kind: 'postgres', url: { env: variable[1]! } };
  return resolveMemoryLocation(argument, cwd);
}
