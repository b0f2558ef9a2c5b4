import type { LlmEngineOptions } from '../../src/engines/llm/llm-engine.ts';

/** Options of an LLM engine talking to a test server at `baseURL` without a key, with `overrides` over the config's defaults. */
export function llmEngineOptions(baseURL: string, overrides: Partial<LlmEngineOptions> = {}): LlmEngineOptions {
  return {
    baseURL,
    apiKeyVariable: 'OPENAI_API_KEY',
    model: 'test-model',
    temperature: 0,
    concurrency: 2,
    timeoutSeconds: 10,
    maxTextsPerRequest: 40,
    maxCharactersPerRequest: 8000,
    responseFormat: 'auto',
    languages: {},
    ...overrides,
  };
}
