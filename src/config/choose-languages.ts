import { UsageError } from '../errors.ts';
import type { ResolvedConfig } from './resolve-config.ts';

/** The target languages `--lang` asks for, each once, or all configured ones; `UsageError` for one not configured. */
export function chooseLanguages(config: ResolvedConfig, wanted: readonly string[] | undefined): readonly string[] {
  if (!wanted || wanted.length === 0) return config.targetLanguages;
  const unique = [...new Set(wanted)];
  const unknown = unique.filter((language) => !config.targetLanguages.includes(language));
  if (unknown.length > 0) {
    throw new UsageError(`--lang ${unknown.join(',')}: not in targetLanguages (${config.targetLanguages.join(', ')}) of ${config.configFile}.`, {
      hint: 'Add the language to targetLanguages in the config, or pick one of those listed.',
    });
  }
  return unique;
}
