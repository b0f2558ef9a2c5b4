import OpenAI from 'openai';
import type { ChatCompletion, ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';
import type { LlmResponseFormat } from '../../config/schema.ts';
import { EngineError } from '../../errors.ts';
import { taggedTextToPlain } from '../../markdown/tagged-text.ts';
import type { Engine, EngineReply, TokenUsage } from '../engine.ts';
import { checkTranslation } from './check-translation.ts';
import { estimateUsage } from './estimate-usage.ts';
import { buildMessages, replySchema, type ChatMessage, type LlmExample, type LlmFormat } from './llm-prompt.ts';
import { parseReply, UnreadableReply } from './parse-reply.ts';
import { styleOf } from './style-of.ts';
import { isContextLengthError, toLlmError } from './to-llm-error.ts';
import { createKeyRedactor } from '../create-key-redactor.ts';

/** Style guide of one target language. */
export interface LlmLanguageOptions {
  readonly style?: string;
  readonly examples?: readonly LlmExample[];
}

/** The LLM engine's options: the config's `llm` section with the base URL and key the environment decided. */
export interface LlmEngineOptions {
  readonly baseURL: string;
  /** From the variable `apiKeyVariable` names; a local server needs none. */
  readonly apiKey?: string;
  readonly apiKeyVariable: string;
  readonly model?: string;
  readonly temperature: number;
  readonly concurrency: number;
  readonly requestsPerSecond?: number;
  readonly timeoutSeconds: number;
  readonly maxTextsPerRequest: number;
  readonly maxCharactersPerRequest: number;
  readonly responseFormat: LlmResponseFormat;
  /** Per target language, `default` for all. */
  readonly languages: Readonly<Record<string, LlmLanguageOptions>>;
}

const hasWord = /\p{L}/u;
// Sent when no key is set: the client insists on one, and local servers ignore it.
const noKey = 'no-key';

/** Translates tagged text with a model behind an OpenAI-compatible Chat Completions API, checking every reply. */
export function createLlmEngine(options: LlmEngineOptions): Engine<EngineReply> {
  const { apiKey } = options;
  const host = new URL(options.baseURL).host;
  const scrub = createKeyRedactor(apiKey, `[${options.apiKeyVariable}]`);
  const usage = new Map<string, TokenUsage>();
  // Steps down, for the whole run, each time the server refuses a format with a 400.
  let format: LlmFormat = options.responseFormat === 'auto' ? 'json_schema' : options.responseFormat;
  let client: OpenAI | undefined;
  // Retries belong to the pipeline's queue, which reads Retry-After and shares its backoff across requests.
  const getClient = () => (client ??= new OpenAI({ apiKey: apiKey ?? noKey, baseURL: options.baseURL, maxRetries: 0, timeout: options.timeoutSeconds * 1000 }));

  const ask = async (messages: ChatMessage[]): Promise<ChatCompletion> => {
    for (;;) {
      const asked = format;
      try {
        return await getClient().chat.completions.create(requestBody(options, messages, asked));
      } catch (error) {
        const mayStepDown = options.responseFormat === 'auto' && asked !== 'prompt' && isFormatRefusal(error);
        if (!mayStepDown) {
          throw toLlmError(error, { apiKeyVariable: options.apiKeyVariable, hasKey: apiKey !== undefined, host, timeoutSeconds: options.timeoutSeconds, scrub, now: Date.now() });
        }
        if (format === asked) format = asked === 'json_schema' ? 'json_object' : 'prompt';
      }
    }
  };

  return {
    name: 'llm',
    limits: {
      maxTexts: options.maxTextsPerRequest,
      maxBytes: options.maxCharactersPerRequest,
      concurrency: options.concurrency,
      ...(options.requestsPerSecond === undefined ? {} : { requestsPerSecond: options.requestsPerSecond }),
    },
    usesHints: true,

    async checkPair(pair) {
      if (options.model) return undefined;
      return `llm.model is not set: the LLM engine (chosen for "${pair.target}") needs the name of the model to ask, such as "gpt-4.1-mini" or "qwen2.5:7b".`;
    },

    async translate(texts, pair, { hints } = {}) {
      const sent = texts.flatMap((text, index) => (hasWord.test(taggedTextToPlain(text)) ? [index] : []));
      const replies: EngineReply[] = [...texts];
      if (sent.length === 0) return replies;
      const batch = sent.map((index) => texts[index]!);
      const completion = await ask(buildMessages({ pair, texts: batch, hints: hints && sent.map((index) => hints[index]), ...styleOf(options, pair) }));
      countUsage(usage, pair.target, completion);
      const choice = completion.choices[0];
      if (choice?.finish_reason === 'length') throw new EngineError(`The model's reply was cut off at its output limit (${host}).`, { isSplittable: true });
      let translations: (string | undefined)[];
      try {
        translations = parseReply(choice?.message.content ?? '', batch.length);
      } catch (error) {
        if (!(error instanceof UnreadableReply)) throw error;
        throw new EngineError(`The model's reply could not be used: ${error.message}.`, { isSplittable: true });
      }
      sent.forEach((index, position) => {
        const translation = translations[position];
        const problems = translation === undefined ? ['the reply has no translation for it'] : checkTranslation(texts[index]!, translation);
        replies[index] = problems.length > 0 ? { failure: problems.join('; ') } : translation!;
      });
      return replies;
    },

    usageOf: (language) => usage.get(language) ?? { promptTokens: 0, completionTokens: 0 },
    estimateUsage,
    // The client keeps no process and its idle sockets do not hold the event loop open.
    close: async () => {},
  };
}

function requestBody(options: LlmEngineOptions, messages: ChatMessage[], format: LlmFormat): ChatCompletionCreateParamsNonStreaming {
  const responseFormat: Pick<ChatCompletionCreateParamsNonStreaming, 'response_format'> =
    format === 'json_schema'
      ? { response_format: { type: 'json_schema', json_schema: { name: 'translations', strict: true, schema: replySchema } } }
      : format === 'json_object'
        ? { response_format: { type: 'json_object' } }
        : {};
  return { model: options.model!, temperature: options.temperature, messages, ...responseFormat };
}

function countUsage(usage: Map<string, TokenUsage>, language: string, completion: ChatCompletion): void {
  let figures = usage.get(language);
  if (!figures) usage.set(language, (figures = { promptTokens: 0, completionTokens: 0 }));
  figures.promptTokens += completion.usage?.prompt_tokens ?? 0;
  figures.completionTokens += completion.usage?.completion_tokens ?? 0;
}

// Only a refusal of the reply format steps down: any other 400 (a content filter, an unknown parameter) is the
// request's own fault and must not weaken the format for the rest of the run.
function isFormatRefusal(error: unknown): boolean {
  if (!(error instanceof OpenAI.BadRequestError) || isContextLengthError(error)) return false;
  return error.param === 'response_format' || /response_format|json_schema|json_object/i.test(error.message);
}
