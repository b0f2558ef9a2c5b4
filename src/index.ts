/** Programmatic API of jialing. */
export { defineConfig } from './config/define-config.ts';
export { loadConfig } from './config/load-config.ts';
export { resolveConfig } from './config/resolve-config.ts';
export { translateArticles } from './run.ts';
export type { TranslateOptions, TranslateResult } from './run.ts';
export type { UserConfig } from './config/schema.ts';
export type { ResolvedConfig } from './config/resolve-config.ts';
export type { Engine, LanguagePair } from './engines/engine.ts';
export type { RunReport, RunEvent } from './pipeline/run-report.ts';
export type { Finding } from './qa/finding.ts';
