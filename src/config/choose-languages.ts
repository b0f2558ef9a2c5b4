import { UsageError } from '../errors.ts';
import type { ResolvedConfig } from './resolve-config.ts';

/** The target languages `--lang` asks for, each once as the config spells it, or all configured ones; `UsageError` for one not configured. */
export function chooseLanguages(config: ResolvedConfig, wanted: readonly string[] | undefined): readonly string[] {
  if (!wanted || wanted.length === 0) return config.targetLanguages;
  // Language codes ignore case: `--lang ES` is the configured `es`, spelled as the config spells it.
  const spelling = new Map(config.targetLanguages.map((language) => [language.toLowerCase(), language]));
  const unknown = [...new Set(wanted)].filter((language) => !spelling.has(language.toLowerCase()));
  if (unknown.length > 0) {
    throw new UsageError(`--lang ${unknown.join(',')}: not in targetLanguages (${config.targetLanguages.join(', ')}) of ${config.configFile}.`, {
      hint: 'Add the language to targetLanguages in the config, or pick one of those listed.',
    });
  }
  return [...new Set(wanted.map((language) => spelling.get(language.toLowerCase())!))];
}
