import type { ResolvedConfig } from '../config/resolve-config.ts';
import type { EngineName } from '../config/schema.ts';
import { createApertiumEngine } from './apertium/apertium-engine.ts';
import { createCopyEngine } from './copy-engine.ts';
import { createDeeplEngine } from './deepl/deepl-engine.ts';
import type { Engine } from './engine.ts';
import { createPseudoEngine } from './pseudo-engine.ts';

/** What engines read from the environment: secrets and server overrides never live in the config. */
export interface EngineEnvironment {
  readonly DEEPL_AUTH_KEY?: string;
  readonly DEEPL_SERVER_URL?: string;
}

const factories: Record<EngineName, (config: ResolvedConfig, env: EngineEnvironment) => Engine> = {
  apertium: (config) => createApertiumEngine({ pairs: config.apertiumPairs }),
  deepl: (config, env) => createDeeplEngine({ ...config.deepl, authKey: env.DEEPL_AUTH_KEY, serverUrl: env.DEEPL_SERVER_URL }),
  pseudo: () => createPseudoEngine(),
  copy: () => createCopyEngine(),
};

/** Creates the engine a config names. */
export function createEngine(name: EngineName, config: ResolvedConfig, env: EngineEnvironment): Engine {
  return factories[name](config, env);
}
