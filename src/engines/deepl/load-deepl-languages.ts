import * as deepl from 'deepl-node';
import type { DeeplLanguageList } from './check-deepl-pair.ts';
import { deeplSourceLanguages, deeplTargetLanguages } from './deepl-languages.ts';
import { keyRejected, withoutPrefix } from './to-engine-error.ts';

/** The built-in lists, for when the server cannot be asked. */
export const staticDeeplLanguages: DeeplLanguageList = {
  targets: new Map(deeplTargetLanguages.map((code) => [code, undefined])),
  sources: new Set(deeplSourceLanguages),
};

/**
 * Asks the server which languages it translates, which also proves the key before any text is sent.
 * Returns a setup problem when the key is rejected or the server cannot be reached at all; falls back
 * to the built-in lists when the server only has a passing problem (5xx, timeout, reset), because the
 * translate requests that follow are retried and may well succeed.
 */
export async function loadDeeplLanguages(client: deepl.Translator, scrub: (text: string) => string): Promise<DeeplLanguageList | string> {
  try {
    const [targets, sources] = await Promise.all([client.getTargetLanguages(), client.getSourceLanguages()]);
    return {
      targets: new Map(targets.map((language) => [language.code.toUpperCase(), language.supportsFormality])),
      sources: new Set(sources.map((language) => language.code.toUpperCase())),
    };
  } catch (error) {
    if (error instanceof deepl.AuthorizationError) {
      return `${keyRejected.message} ${keyRejected.hint}`;
    }
    if (error instanceof deepl.ConnectionError && !error.shouldRetry) {
      return `Could not reach DeepL: ${withoutPrefix(scrub(error.message))}; check the network, or DEEPL_SERVER_URL if you set it.`;
    }
    if (error instanceof deepl.DeepLError || error instanceof SyntaxError) return staticDeeplLanguages;
    throw error;
  }
}
