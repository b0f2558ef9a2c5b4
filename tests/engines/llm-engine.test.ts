import { inspect } from 'node:util';
import PQueue from 'p-queue';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EngineReply } from '../../src/engines/engine.ts';
import { createLlmEngine, type LlmEngineOptions } from '../../src/engines/llm/llm-engine.ts';
import { EngineError, SetupError } from '../../src/errors.ts';
import { TranslationQueue } from '../../src/pipeline/translation-queue.ts';
import { failure } from '../support/failure.ts';
import { llmEngineOptions } from '../support/llm-engine-options.ts';
import { startOpenAiTestServer, type OpenAiTestServer, type OpenAiTestServerOptions } from '../support/openai-test-server.ts';

const key = 'sk-test-secret-key-4242';
const enToDe = { source: 'en', target: 'de' };
let server: OpenAiTestServer;

async function serve(options: OpenAiTestServerOptions = {}): Promise<void> {
  await server?.close();
  server = await startOpenAiTestServer(options);
}

beforeEach(() => serve());
afterEach(() => server.close());

const engineFor = (overrides: Partial<LlmEngineOptions> = {}) => createLlmEngine(llmEngineOptions(server.url, overrides));

const failed = (reply: EngineReply | undefined) => (typeof reply === 'object' ? reply.failure : undefined);

describe('LLM engine: requests', () => {
  it('sends the segments as numbered tagged text with titles, neighbours, glossary terms and the style guide, and reads the reply', async () => {
    const engine = engineFor({
      languages: { default: { style: 'Plain and friendly.' }, de: { style: 'Formal: use "Sie".', examples: [{ source: 'Save', target: 'Speichern' }] } },
    });
    const replies = await engine.translate(['Read <g1>the guide</g1> first.', 'Visit <x2/> in <g1>autumn</g1>.'], enToDe, {
      hints: [
        { title: 'Getting started', before: 'Welcome.', after: 'Then install it.' },
        { title: 'Chongqing', terms: [{ id: 2, source: 'Liangjiang', target: 'Liangjiang-Neubezirk', note: 'a district' }] },
      ],
    });
    expect(replies).toEqual(['[DE] READ <g1>THE GUIDE</g1> FIRST.', '[DE] VISIT <x2/> IN <g1>AUTUMN</g1>.']);
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request!.body).toMatchObject({ model: 'test-model', temperature: 0 });
    expect(request!.format).toBe('json_schema');
    expect(request!.payload).toEqual({
      sourceLanguage: 'en',
      targetLanguage: 'de',
      titles: { 1: 'Getting started', 2: 'Chongqing' },
      style: 'Formal: use "Sie".',
      examples: [{ source: 'Save', target: 'Speichern' }],
      segments: [
        { id: '1', text: 'Read <g1>the guide</g1> first.', title: '1', context: { before: 'Welcome.', after: 'Then install it.' } },
        { id: '2', text: 'Visit <x2/> in <g1>autumn</g1>.', title: '2', terms: [{ placeholder: '<x2/>', source: 'Liangjiang', target: 'Liangjiang-Neubezirk', note: 'a district' }] },
      ],
    });
    expect(request!.body.messages![0]!.content).toMatch(/never translate them/);
  });

  it('takes the default style guide for a language without its own', async () => {
    await engineFor({ languages: { default: { style: 'Plain and friendly.', examples: [] } } }).translate(['Hello there.'], { source: 'en', target: 'fr' });
    expect(server.requests[0]!.payload.style).toBe('Plain and friendly.');
  });

  it('answers texts without words itself and sends none of them', async () => {
    const engine = engineFor();
    expect(await engine.translate(['', '<x1/>', ' 42 ', 'Hello'], enToDe)).toEqual(['', '<x1/>', ' 42 ', '[DE] HELLO']);
    expect(server.requests.map((request) => request.texts)).toEqual([['Hello']]);
  });

  it('declares the configured limits and that it reads hints', () => {
    const engine = engineFor({ maxTextsPerRequest: 7, maxCharactersPerRequest: 1234, concurrency: 3, requestsPerSecond: 2 });
    expect(engine.limits).toEqual({ maxTexts: 7, maxBytes: 1234, concurrency: 3, requestsPerSecond: 2 });
    expect(engine.usesHints).toBe(true);
  });

  it('sends the key as a bearer token, and a placeholder when there is none', async () => {
    await serve({ apiKey: key });
    expect(await engineFor({ apiKey: key }).translate(['Hello'], enToDe)).toEqual(['[DE] HELLO']);
    expect(server.requests[0]!.isAuthorized).toBe(true);
  });

  it('counts the tokens the server reports, per target language', async () => {
    const engine = engineFor();
    await engine.translate(['Hello world'], enToDe);
    await engine.translate(['Good morning'], enToDe);
    await engine.translate(['Hello world'], { source: 'en', target: 'fr' });
    const [first, second, third] = server.requests;
    expect(engine.usageOf!('de')).toEqual({ promptTokens: first!.promptTokens + second!.promptTokens, completionTokens: first!.completionTokens! + second!.completionTokens! });
    expect(engine.usageOf!('fr')).toEqual({ promptTokens: third!.promptTokens, completionTokens: third!.completionTokens });
  });

  it('estimates tokens from characters, close to what the server counts', async () => {
    const texts = ['The Liangjiang New Area is an important zone for industry in Chongqing.', 'Many factories and technology companies work there.'];
    const engine = engineFor({ maxTextsPerRequest: 2 });
    const estimate = engine.estimateUsage!(texts, 1);
    await engine.translate(texts, enToDe);
    const counted = server.requests[0]!;
    expect(Math.abs(estimate.promptTokens - counted.promptTokens) / counted.promptTokens).toBeLessThan(0.2);
    expect(Math.abs(estimate.completionTokens - counted.completionTokens!) / counted.completionTokens!).toBeLessThan(0.5);
  });
});

describe('LLM engine: response formats', () => {
  it('steps down to JSON mode when the server refuses a JSON schema, and stays there', async () => {
    await serve({ refusedFormats: ['json_schema'] });
    const engine = engineFor();
    expect(await engine.translate(['Hello'], enToDe)).toEqual(['[DE] HELLO']);
    expect(await engine.translate(['World'], enToDe)).toEqual(['[DE] WORLD']);
    expect(server.requests.map((request) => [request.format, request.outcome])).toEqual([['json_schema', 400], ['json_object', 200], ['json_object', 200]]);
  });

  it('steps down to JSON in the prompt alone, reading it out of a code fence', async () => {
    await serve({ refusedFormats: ['json_schema', 'json_object'] });
    expect(await engineFor().translate(['Hello'], enToDe)).toEqual(['[DE] HELLO']);
    expect(server.requests.map((request) => request.format)).toEqual(['json_schema', 'json_object', 'none']);
  });

  it('keeps a configured format and reports the refusal instead of stepping down', async () => {
    await serve({ refusedFormats: ['json_schema'] });
    const error = await failure(engineFor({ responseFormat: 'json_schema' }).translate(['Hello'], enToDe));
    expect(error).toBeInstanceOf(EngineError);
    expect(error.message).toMatch(/refused the request \(400\).*response_format/);
    expect(server.requests).toHaveLength(1);
  });

  it('keeps the JSON schema after a 400 that is not about the format, such as a content filter', async () => {
    server.set([{ fault: { type: 'status', status: 400, message: 'The response was filtered by the content policy.', code: 'content_filter' } }]);
    const engine = engineFor();
    expect(await failure(engine.translate(['Hello'], enToDe))).toBeInstanceOf(EngineError);
    expect(await engine.translate(['World'], enToDe)).toEqual(['[DE] WORLD']);
    expect(server.requests.map((request) => [request.format, request.outcome])).toEqual([['json_schema', 400], ['json_schema', 200]]);
  });

  it('asks for JSON in the prompt only when configured so', async () => {
    expect(await engineFor({ responseFormat: 'prompt' }).translate(['Hello'], enToDe)).toEqual(['[DE] HELLO']);
    expect(server.requests.map((request) => request.format)).toEqual(['none']);
  });
});

describe('LLM engine: checking replies', () => {
  it('accepts tags moved to another place, each still once', async () => {
    await serve({ reorderTags: true });
    expect(await engineFor().translate(['<g1>Fast</g1> and <g2>safe</g2>'], enToDe)).toEqual(['[DE] <g2>SAFE</g2> AND <g1>FAST</g1>']);
  });

  it('fails only the text a reply leaves out', async () => {
    server.set([{ fault: { type: 'fewer' } }]);
    const replies = await engineFor().translate(['One apple', 'Two pears'], enToDe);
    expect(replies[0]).toBe('[DE] ONE APPLE');
    expect(failed(replies[1])).toBe('the reply has no translation for it');
  });

  it.each([
    ['extra', /id "3", which was not asked for/],
    ['invalid-json', /not valid JSON/],
    ['truncated', /cut off at its output limit/],
  ] as const)('refuses a reply with %s as a whole, as a request to split', async (type, message) => {
    server.set([{ fault: { type } }]);
    const error = await failure(engineFor().translate(['One apple', 'Two pears'], enToDe));
    expect(error).toBeInstanceOf(EngineError);
    expect(error.message).toMatch(message);
    expect((error as EngineError).isSplittable).toBe(true);
  });

  it.each([
    ['drop-tag', 'Run <x1/> now, please', '<x1/> was lost'],
    ['duplicate-tag', 'Run <x1/> now, please', '<x1/> came back 2 times'],
    ['drop-tag', 'Read <g1>the guide</g1> first', '<g1> was lost'],
    ['untranslated', 'Read the guide first', 'the translation is the source text, untranslated'],
  ] as const)('fails a text whose reply has %s (%s)', async (type, text, problem) => {
    server.set([{ fault: { type }, match: text }]);
    const replies = await engineFor().translate([text, 'Good morning'], enToDe);
    expect(failed(replies[0])).toContain(problem);
    expect(replies[1]).toBe('[DE] GOOD MORNING');
  });
});

describe('LLM engine: errors', () => {
  it('turns 429 into a retryable error that waits as Retry-After says', async () => {
    server.set([{ fault: { type: 'status', status: 429, message: 'Rate limit reached', headers: { 'Retry-After': '7' } } }]);
    const error = (await failure(engineFor().translate(['Hello'], enToDe))) as EngineError;
    expect(error).toBeInstanceOf(EngineError);
    expect(error.message).toMatch(/rate-limiting requests \(429\): Rate limit reached/);
    expect(error).toMatchObject({ isRetryable: true, retryAfterMs: 7000 });
    expect(server.requests).toHaveLength(1);
  });

  it('waits for the x-ratelimit limit that is used up when there is no Retry-After', async () => {
    server.set([{ fault: { type: 'status', status: 429, headers: { 'x-ratelimit-remaining-requests': '5', 'x-ratelimit-reset-requests': '1s', 'x-ratelimit-remaining-tokens': '0', 'x-ratelimit-reset-tokens': '1m30s' } } }]);
    const error = (await failure(engineFor().translate(['Hello'], enToDe))) as EngineError;
    expect(error).toMatchObject({ isRetryable: true, retryAfterMs: 90_000 });
  });

  it('turns a used-up quota into an error that stops the language', async () => {
    server.set([{ fault: { type: 'status', status: 429, code: 'insufficient_quota', message: 'You exceeded your current quota' } }]);
    const error = await failure(engineFor().translate(['Hello'], enToDe));
    expect(error.constructor.name).toBe('QuotaExceededError');
  });

  it.each([
    ['a server error', { type: 'status', status: 500 } as const, /server error \(500\)/],
    ['a dropped connection', { type: 'reset' } as const, /connection to 127\.0\.0\.1:\d+ failed/],
  ])('turns %s into a retryable error', async (_, fault, message) => {
    server.set([{ fault }]);
    const error = (await failure(engineFor().translate(['Hello'], enToDe))) as EngineError;
    expect(error).toBeInstanceOf(EngineError);
    expect(error.message).toMatch(message);
    expect(error.isRetryable).toBe(true);
  });

  it('gives up a request after timeoutSeconds, as a retryable error', async () => {
    server.set([{ fault: { type: 'delay', ms: 3000 } }]);
    const error = (await failure(engineFor({ timeoutSeconds: 0.3 }).translate(['Hello'], enToDe))) as EngineError;
    expect(error.message).toMatch(/did not answer within 0\.3 s \(llm\.timeoutSeconds\)/);
    expect(error.isRetryable).toBe(true);
  });

  it('turns the context length error into a request to split', async () => {
    await serve({ contextTokens: 10 });
    const error = (await failure(engineFor().translate(['Hello'], enToDe))) as EngineError;
    expect(error.message).toMatch(/longer than the model's context/);
    expect(error).toMatchObject({ isSplittable: true, isRetryable: false });
  });

  it('stops the run when the key is refused, naming the variable and never the key', async () => {
    await serve({ apiKey: 'another-key' });
    const error = await failure(engineFor({ apiKey: key, apiKeyVariable: 'MY_LLM_KEY' }).translate(['Hello'], enToDe));
    expect(error).toBeInstanceOf(SetupError);
    expect(error.message).toMatch(/answered 401: the key in MY_LLM_KEY was refused/);
    expect((error as SetupError).hint).toMatch(/MY_LLM_KEY/);
    expect(inspect(error, { depth: 10 })).not.toContain(key);
  });

  it('says the key variable is not set when a server that needs a key answers 401', async () => {
    await serve({ apiKey: key });
    const error = await failure(engineFor().translate(['Hello'], enToDe));
    expect(error).toBeInstanceOf(SetupError);
    expect(error.message).toMatch(/OPENAI_API_KEY is not set/);
  });

  it('says that the model must be named, before any request', async () => {
    expect(await engineFor({ model: undefined }).checkPair(enToDe)).toMatch(/llm\.model is not set/);
    expect(await engineFor().checkPair(enToDe)).toBeUndefined();
    expect(server.requests).toHaveLength(0);
  });
});

/** A queue over the real LLM engine and client, as the pipeline builds it, recording its waits and what it hands to the memory. */
function queueFor(overrides: Partial<LlmEngineOptions> = {}, replyAttempts = 3) {
  const engine = createLlmEngine(llmEngineOptions(server.url, overrides));
  const waits: number[] = [];
  const stored: string[] = [];
  const queue = new TranslationQueue({
    engine,
    pair: { source: 'en', target: 'de' },
    requests: new PQueue({ concurrency: engine.limits.concurrency }),
    retry: { attempts: 5, baseDelayMs: 10, maxDelayMs: 60_000, replyAttempts },
    answersKept: 100,
    sleep: async (ms) => void waits.push(ms),
    random: () => 0.5,
    onTranslated: (texts) => stored.push(...texts),
  });
  const translate = async (texts: readonly string[]) => {
    const answered = queue.translate(texts);
    queue.flush();
    return answered;
  };
  return { queue, translate, waits, stored };
}

const sentences = (count: number) => Array.from({ length: count }, (_, index) => `Sentence number ${index + 1} about the park.`);
const fake = (text: string) => `[DE] ${text.toUpperCase()}`;

describe('LLM engine in the pipeline queue', () => {
  it('packs requests to maxTextsPerRequest', async () => {
    const { translate } = queueFor({ maxTextsPerRequest: 4 });
    const texts = sentences(10);
    expect(await translate(texts)).toEqual(texts.map(fake));
    expect(server.requests.map((request) => request.texts.length)).toEqual([4, 4, 2]);
  });

  it('packs requests to maxCharactersPerRequest', async () => {
    const texts = sentences(10);
    const { translate } = queueFor({ maxCharactersPerRequest: texts[0]!.length * 3 });
    await translate(texts);
    // Two requests are in flight at once, so they may arrive in either order.
    expect(server.requests.map((request) => request.texts.length).sort()).toEqual([1, 3, 3, 3]);
  });

  it('splits a request whose reply cannot be read and asks again for each half', async () => {
    server.set([{ fault: { type: 'invalid-json' } }]);
    const { translate, queue, stored } = queueFor();
    const texts = sentences(6);
    expect(await translate(texts)).toEqual(texts.map(fake));
    expect(server.requests.map((request) => request.texts.length)).toEqual([6, 3, 3]);
    expect(queue.stats.splits).toBe(1);
    expect(stored.sort()).toEqual([...texts].sort());
  });

  it('splits a request longer than the model’s context until each part fits', async () => {
    const texts = sentences(8);
    await serve({ contextTokens: 400 });
    const { translate } = queueFor();
    expect(await translate(texts)).toEqual(texts.map(fake));
    const answered = server.requests.filter((request) => request.outcome === 200);
    expect(answered.flatMap((request) => request.texts).sort()).toEqual([...texts].sort());
    expect(Math.max(...answered.map((request) => request.promptTokens))).toBeLessThanOrEqual(400);
    expect(server.requests.some((request) => request.outcome === 400 && request.texts.length === 8)).toBe(true);
  });

  it('asks again, alone, for a text whose reply failed the checks once', async () => {
    server.set([{ fault: { type: 'drop-tag' }, match: 'Run <x1/>' }]);
    const { translate, queue } = queueFor();
    expect(await translate(['Run <x1/> to start', 'Good morning'])).toEqual(['[DE] RUN <x1/> TO START', '[DE] GOOD MORNING']);
    expect(server.requests.map((request) => request.texts)).toEqual([['Run <x1/> to start', 'Good morning'], ['Run <x1/> to start']]);
    expect(queue.failureOf('Run <x1/> to start')).toBeUndefined();
  });

  it('gives a text up after replyAttempts failed replies: its source comes back, the memory never gets it', async () => {
    server.set([{ fault: { type: 'duplicate-tag' }, match: 'Run <x1/>', times: Infinity }]);
    const { translate, queue, stored } = queueFor({}, 3);
    expect(await translate(['Run <x1/> to start', 'Good morning'])).toEqual(['Run <x1/> to start', '[DE] GOOD MORNING']);
    expect(server.requests.filter((request) => request.texts.includes('Run <x1/> to start'))).toHaveLength(3);
    expect(queue.failureOf('Run <x1/> to start')).toBe('<x1/> came back 2 times');
    expect(stored).toEqual(['Good morning']);
    // Three requests, one text translated: a reply that failed its checks is no translation, however often asked.
    expect(queue.stats).toMatchObject({ requests: 3, texts: 1 });
  });

  it('gives up a single text whose reply cannot be read, after replyAttempts tries', async () => {
    server.set([{ fault: { type: 'invalid-json' }, times: Infinity }]);
    const { translate, queue, stored } = queueFor({}, 2);
    expect(await translate(['Good morning'])).toEqual(['Good morning']);
    expect(server.requests).toHaveLength(2);
    expect(queue.failureOf('Good morning')).toMatch(/not valid JSON/);
    expect(stored).toEqual([]);
  });

  it('waits as Retry-After says after a 429, then sends the same request again', async () => {
    server.set([{ fault: { type: 'status', status: 429, headers: { 'Retry-After': '2' } } }]);
    const { translate, waits, queue } = queueFor();
    expect(await translate(['Good morning'])).toEqual(['[DE] GOOD MORNING']);
    expect(waits).toEqual([2000]);
    expect(queue.stats).toMatchObject({ requests: 2, retries: 1 });
  });

  it('backs off after server errors and dropped connections', async () => {
    server.set([{ fault: { type: 'status', status: 503 } }, { fault: { type: 'reset' }, after: 1 }]);
    const { translate, waits } = queueFor();
    expect(await translate(['Good morning'])).toEqual(['[DE] GOOD MORNING']);
    expect(waits).toEqual([10, 20]);
    expect(server.requests.map((request) => request.outcome)).toEqual([503, 'reset', 200]);
  });
});
