import type { Formality, ModelType } from 'deepl-node';
import type { LanguagePair } from '../engine.ts';
import { toDeeplSource, toDeeplTarget } from './deepl-languages.ts';

/** DeepL options for one target language, as the config spells them. */
export interface DeeplLanguageOptions {
  readonly formality?: Formality;
  readonly modelType?: ModelType;
  /** DeepL's own code when it differs from the config's, e.g. `en-US` for `en`. */
  readonly targetCode?: string;
}

/** The languages a DeepL server accepts, upper-cased. */
export interface DeeplLanguageList {
  /** Target code → whether it takes `formality` (undefined when unknown). */
  readonly targets: ReadonlyMap<string, boolean | undefined>;
  readonly sources: ReadonlySet<string>;
}

/** The options for one target: its own entry over `default`, and the config key each came from. */
export function languageOptionsFor(languages: Readonly<Record<string, DeeplLanguageOptions>>, target: string): DeeplLanguageOptions & { formalityKey: string } {
  const own = languages[target] ?? {};
  return { ...languages['default'], ...own, formalityKey: own.formality === undefined ? 'default' : target };
}

/** Why DeepL cannot translate a pair with these options, or undefined when it can. */
export function checkDeeplPair(pair: LanguagePair, options: DeeplLanguageOptions & { formalityKey: string }, list: DeeplLanguageList): string | undefined {
  const source = toDeeplSource(pair.source);
  if (!list.sources.has(source)) {
    return `DeepL cannot translate from "${pair.source}" (sourceLanguage): expected one of ${[...list.sources].join(', ')}.`;
  }
  const target = toDeeplTarget(pair.target, options.targetCode);
  if (!list.targets.has(target)) return unsupportedTarget(pair.target, target, options, list);
  const { formality } = options;
  if ((formality === 'more' || formality === 'less') && list.targets.get(target) === false) {
    return `deepl.languages.${options.formalityKey}.formality: DeepL has no formality for ${target} ("${pair.target}"); use "prefer_${formality}", which applies it only where DeepL can.`;
  }
  return undefined;
}

function unsupportedTarget(language: string, target: string, options: DeeplLanguageOptions, list: DeeplLanguageList): string {
  const expected = `expected one of ${[...list.targets.keys()].join(', ')}`;
  if (options.targetCode) {
    return `deepl.languages.${language}.targetCode: "${options.targetCode}" is not a DeepL target language; ${expected}.`;
  }
  const base = toDeeplTarget(language.split('-')[0]!);
  const fix = list.targets.has(base)
    ? `set deepl.languages["${language}"].targetCode to "${base}" to use DeepL's ${base}, or choose another engine for "${language}"`
    : `choose another engine for "${language}"`;
  return `DeepL cannot translate into "${language}" (DeepL code ${target}): ${fix}; ${expected}.`;
}
