import OpenAI from 'openai';
import { EngineError, QuotaExceededError, SetupError } from '../../errors.ts';
import { rateLimitWait } from './rate-limit-wait.ts';

export interface LlmErrorContext {
  /** The environment variable the key comes from, to name it when the key is refused. */
  readonly apiKeyVariable: string;
  readonly hasKey: boolean;
  readonly host: string;
  readonly timeoutSeconds: number;
  /** Removes the key from any text that came from the server. */
  readonly scrub: (text: string) => string;
  readonly now: number;
}

const contextTooLong = /context[_ ]?(length|window|size)|maximum context|too many tokens|prompt is too long|reduce the length/i;

/** Whether a refused request was refused for holding more than the model can read at once. */
export function isContextLengthError(error: unknown): boolean {
  return error instanceof OpenAI.APIError && (error.status === 400 || error.status === 413) && (error.code === 'context_length_exceeded' || contextTooLong.test(error.message));
}

/**
 * Maps an error of the `openai` client to ours: a refused key stops the run (SetupError, exit 2), a used-up
 * quota stops every language of the engine, a context too long splits the request, 429, 5xx, timeouts and dropped connections
 * may be retried by the pipeline, anything else may not. The client's error is never passed on as `cause`:
 * it holds the request's headers, and with them the key.
 */
export function toLlmError(error: unknown, context: LlmErrorContext): Error {
  if (!(error instanceof OpenAI.APIError)) return error instanceof Error ? error : new Error(String(error));
  // The client puts the status before the server's words; our messages say it where it belongs.
  const reason = context.scrub(error.message).replace(/^\d{3} /, '').replace(/[.\s]+$/, '');
  if (error instanceof OpenAI.APIConnectionTimeoutError) {
    return new EngineError(`${context.host} did not answer within ${context.timeoutSeconds} s (llm.timeoutSeconds).`, { isRetryable: true });
  }
  if (error instanceof OpenAI.APIConnectionError) {
    return new EngineError(`The connection to ${context.host} failed: ${reason}.`, { isRetryable: true });
  }
  if (error.status === 401 || error.status === 403) {
    const key = context.hasKey ? `the key in ${context.apiKeyVariable} was refused` : `${context.apiKeyVariable} is not set`;
    return new SetupError(`${context.host} answered ${error.status}: ${key} (${reason}).`, {
      hint: `Set ${context.apiKeyVariable} to a key for this server, or name another variable in llm.apiKeyVariable.`,
    });
  }
  if (isContextLengthError(error)) {
    return new EngineError(`The request is longer than the model's context (${error.status}): ${reason}.`, { isSplittable: true });
  }
  if (error.status === 429 && error.code === 'insufficient_quota') {
    return new QuotaExceededError(`${context.host} says the account's quota is used up (429): ${reason}.`, {
      hint: 'Add credit or raise the limit in your account, then run again.',
    });
  }
  if (error.status === 429) {
    return new EngineError(`${context.host} is rate-limiting requests (429): ${reason}.`, { isRetryable: true, retryAfterMs: rateLimitWait(error.headers, context.now) });
  }
  if (error.status !== undefined && error.status >= 500) {
    return new EngineError(`${context.host} had a server error (${error.status}): ${reason}.`, { isRetryable: true, retryAfterMs: rateLimitWait(error.headers, context.now) });
  }
  if (error.status === 404) {
    return new SetupError(`${context.host} answered 404: ${reason}.`, { hint: 'Check llm.model and llm.baseURL (or OPENAI_BASE_URL): the base URL usually ends in /v1.' });
  }
  return new EngineError(`${context.host} refused the request${error.status ? ` (${error.status})` : ''}: ${reason}.`);
}
