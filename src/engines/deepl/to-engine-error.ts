import * as deepl from 'deepl-node';
import { EngineError, QuotaExceededError, SetupError } from '../../errors.ts';
import type { ObservedResponse } from './observe-responses.ts';
import { parseRetryAfter } from '../parse-retry-after.ts';

export interface ErrorContext {
  /** What the HTTP layer saw of the failed response, if there was one. */
  readonly response: ObservedResponse;
  readonly timeoutSeconds: number;
  /** Removes the key from any text that came from deepl-node or the server. */
  readonly scrub: (text: string) => string;
  readonly now: number;
}

/** What a rejected key is reported as, at the pair check or mid-run. */
export const keyRejected = {
  message: 'DeepL rejected the key (403): the key in DEEPL_AUTH_KEY is wrong, revoked or belongs to another server.',
  hint: 'Copy the key again from your DeepL account (keys ending in ":fx" are for the Free API), and check DEEPL_SERVER_URL if you set it.',
};

const timeoutCodes = new Set(['ECONNABORTED', 'ETIMEDOUT']);

/**
 * Maps an error from deepl-node to ours: a rejected key stops the run (SetupError, exit 2), a used-up
 * quota stops every language of the engine (QuotaExceededError), 429, 5xx, timeouts and dropped connections may be
 * retried by the pipeline, anything else may not. Errors that are not deepl-node's are returned as they are.
 *
 * The result never carries the deepl-node error as `cause`: its `error` property is the axios error,
 * whose request config holds the Authorization header, and an inspected cause would print the key.
 */
export function toEngineError(error: unknown, context: ErrorContext): Error {
  if (!(error instanceof deepl.DeepLError)) return error instanceof Error ? error : new Error(String(error));
  const reason = context.scrub(error.message).replace(/[.\s]+$/, '');
  if (error instanceof deepl.AuthorizationError) {
    return new SetupError(keyRejected.message, { hint: keyRejected.hint });
  }
  if (error instanceof deepl.QuotaExceededError) {
    return new QuotaExceededError('DeepL says the character quota for this billing period is used up (456); no more text can be translated in this run.', {
      hint: 'Raise the cost limit or the plan in your DeepL account, or wait for the next billing period, then run again.',
    });
  }
  if (error instanceof deepl.ConnectionError) {
    const code = (error.error as { code?: string } | undefined)?.code;
    const message = code && timeoutCodes.has(code)
      ? `DeepL did not answer within ${context.timeoutSeconds} s (deepl.timeoutSeconds).`
      : `The connection to DeepL failed: ${withoutPrefix(reason)}.`;
    return new EngineError(message, { isRetryable: error.shouldRetry });
  }
  const status = context.response.status ?? statusFromMessage(error.message);
  const retryAfterMs = parseRetryAfter(context.response.retryAfter, context.now);
  if (error instanceof deepl.TooManyRequestsError || status === 429) {
    return new EngineError(`DeepL is rate-limiting this key (429): ${reason}.`, { isRetryable: true, retryAfterMs });
  }
  if (status !== undefined && status >= 500) {
    return new EngineError(`DeepL had a server error (${status}): ${reason}.`, { isRetryable: true, retryAfterMs });
  }
  if (status === 413) {
    return new EngineError(`DeepL refused a request as too large (413): ${reason}.`, {
      hint: 'A single segment is too long for one DeepL request; split the paragraph.',
    });
  }
  return new EngineError(`DeepL refused the request${status ? ` (${status})` : ''}: ${reason}.`);
}

/** A connection error's own words, without the "Connection failure: " deepl-node puts before them. */
export function withoutPrefix(message: string): string {
  return message.replace(/^Connection failure: /, '');
}

// Only a fallback for when the diagnostics channel saw nothing: deepl-node puts the status in these two messages.
function statusFromMessage(message: string): number | undefined {
  if (message.startsWith('Service unavailable')) return 503;
  const match = /^Unexpected status code: (\d{3})/.exec(message);
  return match ? Number(match[1]) : undefined;
}
