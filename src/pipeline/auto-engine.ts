import type { ResolvedConfig } from '../config/resolve-config.ts';
import type { EngineEnvironment } from '../engines/create-engine.ts';

/**
 * The engine `auto` takes without asking any engine: DeepL when `DEEPL_AUTH_KEY` is set, else the LLM engine
 * when `llm.model` is set and either its key variable or a base URL (`llm.baseURL`, `OPENAI_BASE_URL`: a server
 * of your own needs no key) is; otherwise undefined, and `auto` takes Apertium where it has the pair.
 */
export function preferredAutoEngine(config: Pick<ResolvedConfig, 'llm'>, env: EngineEnvironment): 'deepl' | 'llm' | undefined {
  if (env.DEEPL_AUTH_KEY) return 'deepl';
  const { llm } = config;
  if (llm.model && (env[llm.apiKeyVariable] || llm.baseURL || env.OPENAI_BASE_URL)) return 'llm';
  return undefined;
}
