/** What a config file imports (`jialing/config`): only the types and their identity helper, so loading a config loads nothing else. */
export { defineConfig } from './define-config.ts';
export type { UserConfig } from './schema.ts';
