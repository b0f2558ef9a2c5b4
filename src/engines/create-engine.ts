import type { ResolvedConfig } from '../config/resolve-config.ts';
import type { EngineName } from '../config/engine-choices.ts';
import { createApertiumEngine } from './apertium/apertium-engine.ts';
import { createCopyEngine } from './copy-engine.ts';
import { createDeeplEngine } from './deepl/deepl-engine.ts';
import type { Engine, EngineReply } from './engine.ts';
import { createLlmEngine } from './llm/llm-engine.ts';
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

const factories: Record<EngineName, (config: ResolvedConfig, env: EngineEnvironment) => Engine<EngineReply>> = {
  apertium: (config) => createApertiumEngine({ pairs: config.apertiumPairs }),
  deepl: (config, env) => createDeeplEngine({ ...config.deepl, authKey: env.DEEPL_AUTH_KEY, serverUrl: env.DEEPL_SERVER_URL }),
  llm: (config, env) => createLlmEngine({ ...config.llm, baseURL: llmBaseUrl(config.llm, env), apiKey: env[config.llm.apiKeyVariable] || undefined }),
  pseudo: () => createPseudoEngine(),
  copy: () => createCopyEngine(),
};

/** Creates the engine a config names. */
export function createEngine(name: EngineName, config: ResolvedConfig, env: EngineEnvironment): Engine<EngineReply> {
  return factories[name](config, env);
}
