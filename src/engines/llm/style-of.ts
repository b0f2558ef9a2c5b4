import type { LanguagePair } from '../engine.ts';
import type { LlmEngineOptions } from './llm-engine.ts';
import type { LlmExample } from './llm-prompt.ts';

// Apart from the engine so that an engine profile can be computed without loading the OpenAI client.
/** The style guide for a target language: its own entries, else `default`'s. */
export function styleOf(options: Pick<LlmEngineOptions, 'languages'>, pair: LanguagePair): { style?: string; examples?: readonly LlmExample[] } {
  const own = options.languages[pair.target];
  const fallback = options.languages['default'];
  const style = own?.style ?? fallback?.style;
  const examples = own?.examples?.length ? own.examples : fallback?.examples;
  return { ...(style ? { style } : {}), ...(examples?.length ? { examples } : {}) };
}
