import type { UserConfig } from './schema.ts';

/** Identity helper that gives a config file types and completion. */
export function defineConfig(config: UserConfig): UserConfig {
  return config;
}
