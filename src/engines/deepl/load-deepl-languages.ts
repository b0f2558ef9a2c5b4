import * as deepl from 'deepl-node';
import type { DeeplLanguageList } from './check-deepl-pair.ts';
import { deeplSourceLanguages, deeplTargetLanguages } from './deepl-languages.ts';
import { observeResponses, type ObservedResponse } from './observe-responses.ts';
import { keyRejected, withoutPrefix } from './to-engine-error.ts';

/** The built-in lists, for when the server cannot be asked. */
export const staticDeeplLanguages: DeeplLanguageList = {
  targets: new Map(deeplTargetLanguages.map((code) => [code, undefined])),
  sources: new Set(deeplSourceLanguages),
};

/** The languages to check pairs against: the server's own, or the built-in ones with the reason the server's could not be read. */
export type LoadedDeeplLanguages = { readonly list: DeeplLanguageList; readonly fallbackReason?: string };

/**
 * Asks the server which languages it translates, which also proves the key and the server's address before any
 * text is sent. Returns a setup problem when the key is rejected, the server cannot be reached or refuses the
 * request itself (4xx: a wrong DEEPL_SERVER_URL); after a passing problem (429, 5xx, timeout, reset) that the
 * client's retries did not get past, the built-in lists with the reason, since the translate requests are retried too.
 */
export async function loadDeeplLanguages(client: deepl.Translator, options: { readonly scrub: (text: string) => string; readonly serverUrl: string }): Promise<LoadedDeeplLanguages | string> {
  const observed: ObservedResponse = {};
  try {
    // Both calls end before this returns, so neither is still being retried once the run has moved on.
    const [targets, sources] = await observeResponses(observed, async () => bothOrThrow(await Promise.allSettled([client.getTargetLanguages(), client.getSourceLanguages()])));
    return {
      list: {
        targets: new Map(targets.map((language) => [language.code.toUpperCase(), language.supportsFormality])),
        sources: new Set(sources.map((language) => language.code.toUpperCase())),
      },
    };
  } catch (error) {
    const reason = error instanceof Error ? withoutPrefix(options.scrub(error.message)).replace(/[.\s]+$/, '') : String(error);
    if (error instanceof deepl.AuthorizationError) {
      return `${keyRejected.message} ${keyRejected.hint}`;
    }
    if (error instanceof deepl.ConnectionError && !error.shouldRetry) {
      return `Could not reach DeepL at ${options.scrub(options.serverUrl)}: ${reason}; check the network, or DEEPL_SERVER_URL if you set it.`;
    }
    const { status } = observed;
    if (status !== undefined && status >= 400 && status < 500 && status !== 429) {
      return `DeepL at ${options.scrub(languagesUrl(options.serverUrl))} answered ${status} (${reason}) where it lists its languages, so no text was sent: check DEEPL_SERVER_URL, which is the server's address without /v2 (for example https://api.deepl.com).`;
    }
    if (error instanceof deepl.DeepLError || error instanceof SyntaxError) return { list: staticDeeplLanguages, fallbackReason: `${status ? `${status}, ` : ''}${reason}` };
    throw error;
  }
}

function bothOrThrow<A, B>([first, second]: [PromiseSettledResult<A>, PromiseSettledResult<B>]): [A, B] {
  if (first.status === 'rejected') throw first.reason;
  if (second.status === 'rejected') throw second.reason;
  return [first.value, second.value];
}

function languagesUrl(serverUrl: string): string {
  return `${serverUrl.replace(/\/+$/, '')}/v2/languages`;
}
