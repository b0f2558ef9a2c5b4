/** Programmatic API of jialing. */
export { defineConfig } from './config/define-config.ts';
export type { UserConfig } from './config/schema.ts';
export type { ResolvedConfig } from './config/resolve-config.ts';
export type { Engine, LanguagePair } from './engines/engine.ts';
