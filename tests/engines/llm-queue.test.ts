import PQueue from 'p-queue';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLlmEngine, type LlmEngineOptions } from '../../src/engines/llm/llm-engine.ts';
import { TranslationQueue } from '../../src/pipeline/translation-queue.ts';
import { startOpenAiTestServer, type OpenAiTestServer, type OpenAiTestServerOptions } from '../support/openai-test-server.ts';

let server: OpenAiTestServer;

async function serve(options: OpenAiTestServerOptions = {}): Promise<void> {
  await server?.close();
  server = await startOpenAiTestServer(options);
}

beforeEach(() => serve());
afterEach(() => server.close());

/** A queue over the real LLM engine and client, as the pipeline builds it, recording its waits and what it hands to the memory. */
function queueFor(overrides: Partial<LlmEngineOptions> = {}, replyAttempts = 3) {
  const engine = createLlmEngine({
    baseURL: server.url,
    apiKeyVariable: 'OPENAI_API_KEY',
    model: 'test-model',
    temperature: 0,
    concurrency: 2,
    timeoutSeconds: 10,
    maxTextsPerRequest: 40,
    maxCharactersPerRequest: 8000,
    responseFormat: 'auto',
    languages: {},
    ...overrides,
  });
  const waits: number[] = [];
  const stored: string[] = [];
  const queue = new TranslationQueue({
    engine,
    pair: { source: 'en', target: 'de' },
    requests: new PQueue({ concurrency: engine.limits.concurrency }),
    retry: { attempts: 5, baseDelayMs: 10, maxDelayMs: 60_000, replyAttempts },
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
