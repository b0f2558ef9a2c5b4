import type { ResolvedConfig } from '../config/resolve-config.ts';
import type { EngineName } from '../config/engine-choices.ts';
import type { EngineEnvironment } from '../engines/create-engine.ts';
import { llmBaseUrl } from '../engines/llm/llm-base-url.ts';
import { llmProfile } from '../engines/llm/llm-profile.ts';

/** Everything that changes what an engine returns for the same text, so a change means new translations. */
export function engineProfile(name: EngineName, config: ResolvedConfig, language: string, env: EngineEnvironment): string {
  // The version counts how jialing talks to Apertium: names sent as proper nouns (2) changed its output, and so
  // did kept tokens sent as names, spans carried by every token and each segment tagged as if alone (3).
  if (name === 'apertium') return `apertium/3:${config.apertiumPairs[language] ?? 'default'}`;
  if (name === 'llm') return llmProfile(config.llm, llmBaseUrl(config.llm, env), language);
  if (name !== 'deepl') return name;
  const { languages, context } = config.deepl;
  return `deepl:${JSON.stringify({ ...languages['default'], ...languages[language], context })}`;
}
