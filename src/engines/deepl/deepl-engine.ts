import * as deepl from 'deepl-node';
import { EngineError, SetupError } from '../../errors.ts';
import { taggedTextToPlain } from '../../markdown/tagged-text.ts';
import type { Engine, LanguagePair } from '../engine.ts';
import { checkDeeplPair, languageOptionsFor, type DeeplLanguageOptions } from './check-deepl-pair.ts';
import { deeplLanguagesListed, toDeeplSource, toDeeplTarget } from './deepl-languages.ts';
import { deeplMaxBodyBytes, deeplMaxContextLength, deeplMaxTextBytes, formBodyBytes } from './deepl-request-size.ts';
import { deeplTagOptions, normalizeDeeplReply } from './deepl-tags.ts';
import { loadDeeplLanguages, type LoadedDeeplLanguages } from './load-deepl-languages.ts';
import { observeResponses, type ObservedResponse } from './observe-responses.ts';
import { createKeyRedactor } from '../create-key-redactor.ts';
import { toEngineError } from './to-engine-error.ts';

export type { DeeplLanguageOptions } from './check-deepl-pair.ts';

/** The DeepL engine's options: the config's `deepl` section plus what the environment holds. */
export interface DeeplEngineOptions {
  /** From `DEEPL_AUTH_KEY`; without it the engine can only say that it is missing. */
  readonly authKey?: string;
  /** From `DEEPL_SERVER_URL`; by default deepl-node picks the Free or Pro API from the key. */
  readonly serverUrl?: string;
  readonly concurrency: number;
  readonly requestsPerSecond?: number;
  /** Attempts per request: made by the pipeline's queue, so the client itself makes one. */
  readonly attempts: number;
  readonly timeoutSeconds: number;
  /** Send the article's title as DeepL `context`. */
  readonly context: boolean;
  /** Options per target language, `default` for all. */
  readonly languages: Readonly<Record<string, DeeplLanguageOptions>>;
}

/** Translates tagged text with DeepL through deepl-node, one HTTP request per call and no retries of its own. */
export function createDeeplEngine(options: DeeplEngineOptions): Engine {
  const { authKey } = options;
  // deepl-node's own messages hold no key, but a server or proxy may echo it, or part of it.
  const scrub = createKeyRedactor(authKey, '[DEEPL_AUTH_KEY]');
  let client: deepl.DeepLClient | undefined;
  let languageList: Promise<LoadedDeeplLanguages | string> | undefined;
  // deepl-node picks the Free or Pro API from the key when no server is given.
  const serverUrl = options.serverUrl ?? (authKey?.endsWith(':fx') ? 'https://api-free.deepl.com' : 'https://api.deepl.com');

  const getClient = (language: string) => {
    if (!authKey) throw new SetupError(missingKey(language));
    // deepl-node counts attempts, not retries (0 and 1 both mean one): retries belong to the pipeline,
    // which reads Retry-After and shares its backoff across requests. Its default timeout (5 s) is too short for 50 texts.
    return (client ??= new deepl.DeepLClient(authKey, {
      serverUrl: options.serverUrl,
      maxRetries: 1,
      minTimeout: options.timeoutSeconds * 1000,
    }));
  };

  return {
    name: 'deepl',
    limits: {
      maxTexts: 50,
      maxBytes: deeplMaxTextBytes,
      concurrency: options.concurrency,
      ...(options.requestsPerSecond === undefined ? {} : { requestsPerSecond: options.requestsPerSecond }),
    },
    usesContext: options.context,

    async checkPair(pair) {
      if (!authKey) return missingKey(pair.target);
      const loaded = await (languageList ??= loadDeeplLanguages(languageClient(authKey, options), { scrub, serverUrl }));
      if (typeof loaded === 'string') return loaded;
      const problem = checkDeeplPair(pair, languageOptionsFor(options.languages, pair.target), loaded.list);
      if (loaded.fallbackReason === undefined) return problem;
      // The built-in list is older than the server may be: a language it lacks is tried rather than refused.
      if (problem !== undefined) {
        return { warning: `"${pair.target}" is not on the built-in list of DeepL languages (${deeplLanguagesListed}) and is sent anyway, since DeepL's own list could not be read (${loaded.fallbackReason}).` };
      }
      return { warning: `DeepL's language list could not be read (${loaded.fallbackReason}); the languages were checked against the built-in list (${deeplLanguagesListed}), which may be out of date.` };
    },

    async translate(texts, pair, { context, onBilled } = {}) {
      // deepl-node throws on an empty text, and texts of tags and spaces only have nothing to translate.
      const sent = texts.flatMap((text, index) => (taggedTextToPlain(text).trim() === '' ? [] : [index]));
      if (sent.length === 0) return [...texts];
      const batch = sent.map((index) => texts[index]!);
      const requestOptions = textOptions(batch, pair, options, context);
      checkBodySize(batch, requestOptions);

      const observed: ObservedResponse = {};
      let results: deepl.TextResult[];
      try {
        const { source, target } = deeplCodes(pair, options);
        results = await observeResponses(observed, () => getClient(pair.target).translateText(batch, source, target, requestOptions));
      } catch (error) {
        throw toEngineError(error, { response: observed, timeoutSeconds: options.timeoutSeconds, scrub, now: Date.now() });
      }
      if (results.length !== batch.length) throw new EngineError(`DeepL returned ${results.length} translations for ${batch.length} texts.`);
      // What DeepL bills, which its reply says per text: markup and context are free, so it is less than what was sent.
      if (results.every((result) => typeof result.billedCharacters === 'number')) onBilled?.(results.reduce((sum, result) => sum + result.billedCharacters!, 0));
      const translations = [...texts];
      sent.forEach((index, position) => (translations[index] = normalizeDeeplReply(results[position]!.text)));
      return translations;
    },

    // deepl-node's HTTP agent is its own module's and unrefs idle sockets: there is nothing to release.
    close: async () => {},
  };
}

// The language list is asked for once, before any text and so outside the queue: deepl-node retries it with its own
// backoff (429, 5xx, dropped connections), as many times as the queue may try a translation, since a run that cannot
// check its languages would have to guess.
function languageClient(authKey: string, options: DeeplEngineOptions): deepl.DeepLClient {
  return new deepl.DeepLClient(authKey, { serverUrl: options.serverUrl, maxRetries: options.attempts, minTimeout: options.timeoutSeconds * 1000 });
}

function textOptions(batch: readonly string[], pair: LanguagePair, options: DeeplEngineOptions, context: string | undefined): deepl.TranslateTextOptions {
  const { formality, modelType } = languageOptionsFor(options.languages, pair.target);
  return {
    tagHandling: 'xml',
    // Each text is one block already: outline detection could only split it at formatting tags.
    outlineDetection: false,
    // Segments are often fragments (a table cell, a list item): DeepL must not add a full stop or a capital.
    preserveFormatting: true,
    ...deeplTagOptions(batch),
    ...(formality && formality !== 'default' ? { formality } : {}),
    ...(modelType ? { modelType } : {}),
    ...(options.context && context ? { context: [...context].slice(0, deeplMaxContextLength).join('') } : {}),
  };
}

function deeplCodes(pair: LanguagePair, options: DeeplEngineOptions): { source: deepl.SourceLanguageCode; target: deepl.TargetLanguageCode } {
  const { targetCode } = languageOptionsFor(options.languages, pair.target);
  // deepl-node's code types are closed unions; the server's own list, checked in checkPair, is what decides.
  return { source: toDeeplSource(pair.source) as deepl.SourceLanguageCode, target: toDeeplTarget(pair.target, targetCode) as deepl.TargetLanguageCode };
}

function checkBodySize(batch: readonly string[], requestOptions: deepl.TranslateTextOptions): void {
  const tagList = (tags: deepl.TagList | undefined) => (Array.isArray(tags) ? tags.join(',') : tags);
  const bytes = formBodyBytes(batch, {
    context: requestOptions.context,
    non_splitting_tags: tagList(requestOptions.nonSplittingTags),
    ignore_tags: tagList(requestOptions.ignoreTags),
  });
  if (bytes > deeplMaxBodyBytes) {
    throw new EngineError(`A DeepL request would be ${bytes} bytes, above DeepL's limit of ${deeplMaxBodyBytes}; a segment is too long to send.`, {
      hint: 'Split the longest paragraph of the article into shorter ones.',
    });
  }
}

function missingKey(language: string): string {
  return `DEEPL_AUTH_KEY is not set: the DeepL engine (chosen for "${language}") needs an API key from your DeepL account in the environment, or choose another engine for "${language}".`;
}
