import type { ResolvedConfig } from '../config/resolve-config.ts';
import type { EngineEnvironment } from '../engines/create-engine.ts';
import { engineProfile } from './engine-profile.ts';

/** The engine profile a run would translate a language with, without starting the engine: `auto` is DeepL with a key, else Apertium. */
export function expectedEngineProfile(config: ResolvedConfig, language: string, env: EngineEnvironment): string {
  const choice = config.engineByLanguage[language]!;
  return engineProfile(choice === 'auto' ? (env.DEEPL_AUTH_KEY ? 'deepl' : 'apertium') : choice, config, language);
}
