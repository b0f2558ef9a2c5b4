import type { ResolvedConfig } from '../config/resolve-config.ts';
import type { EngineEnvironment } from '../engines/create-engine.ts';
import { preferredAutoEngine } from './auto-engine.ts';
import { engineProfile } from './engine-profile.ts';

/** The engine profile a run would translate a language with, without starting the engine (see `preferredAutoEngine` for `auto`). */
export function expectedEngineProfile(config: ResolvedConfig, language: string, env: EngineEnvironment): string {
  const choice = config.engineByLanguage[language]!;
  return engineProfile(choice === 'auto' ? (preferredAutoEngine(config, env) ?? 'apertium') : choice, config, language, env);
}
