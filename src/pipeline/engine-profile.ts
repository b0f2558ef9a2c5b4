import type { ResolvedConfig } from '../config/resolve-config.ts';
import type { EngineName } from '../config/engine-choices.ts';

/** Everything that changes what an engine returns for the same text, so a change means new translations. */
export function engineProfile(name: EngineName, config: ResolvedConfig, language: string): string {
  // The version counts how jialing talks to Apertium: names sent as proper nouns (2) changed its output, and so
  // did kept tokens sent as names, spans carried by every token and each segment tagged as if alone (3).
  if (name === 'apertium') return `apertium/3:${config.apertiumPairs[language] ?? 'default'}`;
  if (name !== 'deepl') return name;
  const { languages, context } = config.deepl;
  return `deepl:${JSON.stringify({ ...languages['default'], ...languages[language], context })}`;
}
