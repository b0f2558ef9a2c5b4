import type { ResolvedConfig } from '../config/resolve-config.ts';
import type { EngineName } from '../config/engine-choices.ts';
import { createApertiumEngine } from './apertium/apertium-engine.ts';
import { createCopyEngine } from './copy-engine.ts';
import type { Engine, EngineReply } from './engine.ts';
import { llmBaseUrl } from './llm/llm-base-url.ts';
import { createPseudoEngine } from './pseudo-engine.ts';

/**
 * What engines read from the environment: secrets and server overrides never live in the config. The LLM
 * engine's key is in the variable `llm.apiKeyVariable` names, hence any name.
 */
export interface EngineEnvironment {
  readonly DEEPL_AUTH_KEY?: string;
  readonly DEEPL_SERVER_URL?: string;
  readonly OPENAI_BASE_URL?: string;
  readonly [name: string]: string | undefined;
}

// The clients of the paid engines (deepl-node, openai) are loaded only by a run that uses them: each costs
// a tenth of a second or more to load.
const factories: Record<EngineName, (config: ResolvedConfig, env: EngineEnvironment) => Promise<Engine<EngineReply>>> = {
  apertium: async (config) => createApertiumEngine({ pairs: config.apertiumPairs, integerScan: config.apertiumIntegerScan }),
  deepl: async (config, env) => {
    const { createDeeplEngine } = await import('./deepl/deepl-engine.ts');
    return createDeeplEngine({ ...config.deepl, authKey: env.DEEPL_AUTH_KEY, serverUrl: env.DEEPL_SERVER_URL });
  },
  llm: async (config, env) => {
    const baseURL = llmBaseUrl(config.llm, env);
    const { createLlmEngine } = await import('./llm/llm-engine.ts');
    return createLlmEngine({ ...config.llm, baseURL, apiKey: env[config.llm.apiKeyVariable] || undefined });
  },
  pseudo: async () => createPseudoEngine(),
  copy: async () => createCopyEngine(),
};

/** Creates the engine a config names. */
export function createEngine(name: EngineName, config: ResolvedConfig, env: EngineEnvironment): Promise<Engine<EngineReply>> {
  return factories[name](config, env);
}
