import { inspect } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDeeplEngine, type DeeplEngineOptions } from '../../src/engines/deepl/deepl-engine.ts';
import { EngineError, QuotaExceededError, SetupError } from '../../src/errors.ts';
import { startDeeplTestServer, type DeeplTestServer } from '../support/deepl-test-server.ts';
import { failure } from '../support/failure.ts';

const key = 'secret-test-key-123';
const enToDe = { source: 'en', target: 'de' };
let server: DeeplTestServer;

beforeEach(async () => {
  server = await startDeeplTestServer({ authKey: key });
});

afterEach(async () => {
  await server.close();
});

const engineFor = (overrides: Partial<DeeplEngineOptions> = {}) =>
  createDeeplEngine({ authKey: key, serverUrl: server.url, concurrency: 4, attempts: 5, timeoutSeconds: 10, context: false, languages: {}, ...overrides });

const field = (name: string, index = -1) => server.translateRequests().at(index)?.fields[name];
// deepl-node lower-cases the language part of codes (`de`, `zh-HANS`); DeepL reads them in any case.
const sentCode = (name: 'source_lang' | 'target_lang') => field(name)?.map((code) => code.toUpperCase());


describe('DeepL engine: requests', () => {
  it('declares DeepL limits: 50 texts, a byte bound that survives form encoding, concurrency from the config', () => {
    const engine = engineFor({ concurrency: 3, requestsPerSecond: 20, context: true });
    expect(engine.limits).toEqual({ maxTexts: 50, maxBytes: 40_000, concurrency: 3, requestsPerSecond: 20 });
    expect(engine.usesContext).toBe(true);
  });

  it('translates tagged text and returns it with the same pairs and atoms, in order', async () => {
    const translations = await engineFor().translate(['Read <g0>the <g1>guide</g1></g0> first.', 'Run <x0/> in <g1>the</g1> house &amp; <x2/>.'], enToDe);
    expect(translations).toEqual(['[DE] READ <g0>THE <g1>GUIDE</g1></g0> FIRST.', '[DE] RUN <x0/> IN <g1>THE</g1> HOUSE &amp; <x2/>.']);
    expect(server.translateRequests()).toHaveLength(1);
    expect(field('text')).toEqual(['Read <g0>the <g1>guide</g1></g0> first.', 'Run <x0/> in <g1>the</g1> house &amp; <x2/>.']);
    expect(field('tag_handling')).toEqual(['xml']);
    expect(field('outline_detection')).toEqual(['0']);
    expect(field('preserve_formatting')).toEqual(['1']);
    expect(field('non_splitting_tags')).toEqual(['g0,g1,x0,x2']);
    expect(field('ignore_tags')).toEqual(['x0,x2']);
    expect(sentCode('source_lang')).toEqual(['EN']);
    expect(sentCode('target_lang')).toEqual(['DE']);
  });

  it('keeps atoms that come back written as full empty elements', async () => {
    // The fake server keeps the input spelling, so send the long spelling to see it normalised.
    const [translation] = await engineFor().translate(['Run <x0></x0> now'], enToDe);
    expect(translation).toBe('[DE] RUN <x0/> NOW');
  });

  it('sends no empty texts and no texts without words, and answers those locally', async () => {
    const engine = engineFor();
    expect(await engine.translate(['', 'Hello', '<x0/>', ' <g1> </g1> ', 'World'], enToDe)).toEqual(['', '[DE] HELLO', '<x0/>', ' <g1> </g1> ', '[DE] WORLD']);
    expect(server.translateRequests().map((request) => request.texts)).toEqual([['Hello', 'World']]);
    expect(await engine.translate(['', '<x3/>'], enToDe)).toEqual(['', '<x3/>']);
    expect(server.translateRequests()).toHaveLength(1);
  });

  it.each([
    ['de', {}, 'DE'],
    ['fr', {}, 'FR'],
    ['ja', {}, 'JA'],
    ['zh', {}, 'ZH-HANS'],
    ['zh-TW', {}, 'ZH-HANT'],
    ['pt', {}, 'PT-PT'],
    ['pt-BR', {}, 'PT-BR'],
    ['en-US', {}, 'EN-US'],
    ['en', { en: { targetCode: 'en-US' } }, 'EN-US'],
  ] as const)('sends target %s as %s', async (target, languages, expected) => {
    const source = target.startsWith('en') ? 'de-DE' : 'en-US';
    const [translation] = await engineFor({ languages }).translate(['The house'], { source, target });
    expect(sentCode('target_lang')).toEqual([expected]);
    expect(sentCode('source_lang')).toEqual([source.slice(0, 2).toUpperCase()]);
    expect(translation).toBe(`[${expected}] THE HOUSE`);
  });

  it('sends formality and model type per language, with default under the language', async () => {
    const engine = engineFor({ languages: { default: { formality: 'prefer_less', modelType: 'latency_optimized' }, de: { formality: 'more' } } });
    await engine.translate(['Hello'], enToDe);
    expect([field('formality'), field('model_type')]).toEqual([['more'], ['latency_optimized']]);
    await engine.translate(['Hello'], { source: 'en', target: 'fr' });
    expect([field('formality'), field('model_type')]).toEqual([['prefer_less'], ['latency_optimized']]);
  });

  it('sends the context only when the config asks for it', async () => {
    await engineFor({ context: true }).translate(['Hello'], enToDe, { context: 'A guide to the city' });
    expect(field('context')).toEqual(['A guide to the city']);
    await engineFor({ context: false }).translate(['Hello'], enToDe, { context: 'A guide to the city' });
    expect(field('context')).toBeUndefined();
  });

  it('fits a full batch of the worst-encoding text under DeepL’s 128 KiB body limit', async () => {
    // 400 × "é" is 800 UTF-8 bytes; 50 of them fill maxBytes and triple on the wire.
    const texts = Array.from({ length: 50 }, (_, index) => `${index} ${'é'.repeat(399)}`);
    const translations = await engineFor({ context: true }).translate(texts, enToDe, { context: 'ü'.repeat(600) });
    expect(translations).toHaveLength(50);
    expect(server.translateRequests()[0]!.bodyBytes).toBeLessThanOrEqual(128 * 1024);
  });

  it('refuses to send a request above 128 KiB, before sending it', async () => {
    const error = await failure(engineFor().translate(['é'.repeat(30_000)], enToDe));
    expect(error).toBeInstanceOf(EngineError);
    expect((error as EngineError).isRetryable).toBe(false);
    expect(error.message).toMatch(/above DeepL's limit of 131072/);
    expect(server.translateRequests()).toHaveLength(0);
  });
});

describe('DeepL engine: checkPair', () => {
  it('says the key is missing, before any request', async () => {
    const problem = await engineFor({ authKey: undefined }).checkPair(enToDe);
    expect(problem).toMatch(/^DEEPL_AUTH_KEY is not set: /);
    expect(server.requests).toHaveLength(0);
  });

  it('accepts the pairs DeepL translates, asking the server once', async () => {
    const engine = engineFor();
    const problems = await Promise.all(['de', 'fr', 'zh', 'ja', 'pt-BR', 'en-GB'].map((target) => engine.checkPair({ source: 'en', target })));
    expect(problems).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
    expect(server.requests.map((request) => request.path)).toEqual(['/v2/languages', '/v2/languages']);
  });

  it('names a target DeepL does not have, and the targetCode that would fix it', async () => {
    const engine = engineFor();
    expect(await engine.checkPair({ source: 'en', target: 'fr-CA' })).toMatch(
      /^DeepL cannot translate into "fr-CA" \(DeepL code FR-CA\): set deepl\.languages\["fr-CA"\]\.targetCode to "FR"/,
    );
    expect(await engine.checkPair({ source: 'en', target: 'ca' })).toMatch(/^DeepL cannot translate into "ca" \(DeepL code CA\): choose another engine for "ca"/);
    expect(await engineFor({ languages: { de: { targetCode: 'de-XX' } } }).checkPair(enToDe)).toMatch(/^deepl\.languages\.de\.targetCode: "de-XX" is not a DeepL target language/);
    expect(await engine.checkPair({ source: 'eo', target: 'de' })).toMatch(/^DeepL cannot translate from "eo" \(sourceLanguage\)/);
    expect(server.translateRequests()).toHaveLength(0);
  });

  it('trusts the server’s list over its own', async () => {
    await server.close();
    server = await startDeeplTestServer({ authKey: key, targetLanguages: ['DE', 'EN-GB', 'EN-US'] });
    expect(await engineFor().checkPair({ source: 'en', target: 'ja' })).toMatch(/^DeepL cannot translate into "ja"/);
  });

  it('falls back to its own list when the server has a passing problem', async () => {
    server.set([{ fault: { type: 'status', status: 503 }, times: Infinity, path: '/v2/languages' }]);
    const engine = engineFor();
    expect(await engine.checkPair({ source: 'en', target: 'ja' })).toBeUndefined();
    expect(await engine.checkPair({ source: 'en', target: 'ca' })).toMatch(/^DeepL cannot translate into "ca"/);
  });

  it('refuses formality "more" where DeepL has none', async () => {
    const problem = await engineFor({ languages: { default: { formality: 'more' } } }).checkPair({ source: 'en', target: 'zh' });
    expect(problem).toMatch(/^deepl\.languages\.default\.formality: DeepL has no formality for ZH-HANS \("zh"\); use "prefer_more"/);
  });

  it('reports a rejected key as a setup problem, without the key', async () => {
    const problem = await engineFor({ authKey: 'wrong-key-456' }).checkPair(enToDe);
    expect(problem).toMatch(/^DeepL rejected the key \(403\)/);
    expect(problem).not.toContain('wrong-key-456');
  });

  it('reports a server that cannot be reached', async () => {
    const url = server.url;
    await server.close();
    expect(await createDeeplEngine({ authKey: key, serverUrl: url, concurrency: 1, attempts: 1, timeoutSeconds: 5, context: false, languages: {} }).checkPair(enToDe)).toMatch(
      /^Could not reach DeepL: .*ECONNREFUSED/,
    );
    server = await startDeeplTestServer({ authKey: key });
  });
});

describe('DeepL engine: errors', () => {
  it('turns 429 into a retryable error with the Retry-After the server sent, after one attempt', async () => {
    server.set([{ fault: { type: 'status', status: 429, retryAfter: '3' } }]);
    const error = await failure(engineFor().translate(['Hello'], enToDe));
    expect(error).toBeInstanceOf(EngineError);
    expect(error).toMatchObject({ isRetryable: true, retryAfterMs: 3000 });
    expect(error.message).toMatch(/rate-limiting this key \(429\)/);
    expect(server.translateRequests()).toHaveLength(1);
  });

  it('reads Retry-After given as an HTTP date', async () => {
    server.set([{ fault: { type: 'status', status: 429, retryAfter: new Date(Date.now() + 20_000).toUTCString() } }]);
    const error = (await failure(engineFor().translate(['Hello'], enToDe))) as EngineError;
    expect(error.retryAfterMs).toBeGreaterThan(15_000);
    expect(error.retryAfterMs).toBeLessThanOrEqual(20_000);
  });

  it('gives each of several parallel requests its own Retry-After', async () => {
    server.set([
      { fault: { type: 'status', status: 429, retryAfter: '7' } },
      { fault: { type: 'status', status: 429, retryAfter: '2' }, after: 1 },
    ]);
    const engine = engineFor();
    const errors = (await Promise.all([failure(engine.translate(['One'], enToDe)), failure(engine.translate(['Two'], enToDe))])) as EngineError[];
    const first = server.translateRequests()[0]!.texts[0];
    expect(errors.map((error) => error.retryAfterMs)).toEqual(first === 'One' ? [7000, 2000] : [2000, 7000]);
  });

  it.each([500, 502, 503, 504])('turns %i into a retryable error', async (status) => {
    server.set([{ fault: { type: 'status', status, retryAfter: status === 503 ? '4' : undefined } }]);
    const error = await failure(engineFor().translate(['Hello'], enToDe));
    expect(error).toBeInstanceOf(EngineError);
    expect(error).toMatchObject({ isRetryable: true, retryAfterMs: status === 503 ? 4000 : undefined });
    expect(error.message).toContain(`server error (${status})`);
    expect(server.translateRequests()).toHaveLength(1);
  });

  it('turns a reset connection into a retryable error', async () => {
    server.set([{ fault: { type: 'reset' } }]);
    const error = await failure(engineFor().translate(['Hello'], enToDe));
    expect(error).toBeInstanceOf(EngineError);
    expect((error as EngineError).isRetryable).toBe(true);
    expect(error.message).toBe('The connection to DeepL failed: socket hang up.');
    expect(server.translateRequests()).toHaveLength(1);
  });

  it('turns a server slower than timeoutSeconds into a retryable error', async () => {
    server.set([{ fault: { type: 'delay', ms: 2000 } }]);
    const error = await failure(engineFor({ timeoutSeconds: 0.3 }).translate(['Hello'], enToDe));
    expect(error).toBeInstanceOf(EngineError);
    expect(error).toMatchObject({ isRetryable: true, message: 'DeepL did not answer within 0.3 s (deepl.timeoutSeconds).' });
  });

  it('waits for a slow server within timeoutSeconds', async () => {
    server.set([{ fault: { type: 'delay', ms: 300 } }]);
    expect(await engineFor({ timeoutSeconds: 5 }).translate(['Hello'], enToDe)).toEqual(['[DE] HELLO']);
  });

  it('turns 456 into QuotaExceededError', async () => {
    server.set([{ fault: { type: 'status', status: 456, message: 'Quota exceeded' } }]);
    const error = await failure(engineFor().translate(['Hello'], enToDe));
    expect(error).toBeInstanceOf(QuotaExceededError);
    expect(error.message).toMatch(/quota for this billing period is used up \(456\)/);
  });

  it('turns 403 into SetupError so that the run stops with exit code 2', async () => {
    const error = await failure(engineFor({ authKey: 'wrong-key-456' }).translate(['Hello'], enToDe));
    expect(error).toBeInstanceOf(SetupError);
    expect(error).toMatchObject({ exitCode: 2 });
    expect(error.message).toMatch(/^DeepL rejected the key \(403\)/);
  });

  it('turns 400 into an error that is not retried', async () => {
    server.set([{ fault: { type: 'status', status: 400, message: "Value for 'target_lang' not supported." } }]);
    const error = await failure(engineFor().translate(['Hello'], enToDe));
    expect(error).toBeInstanceOf(EngineError);
    expect(error).toMatchObject({ isRetryable: false, message: "DeepL refused the request (400): Bad request, message: Value for 'target_lang' not supported." });
  });

  it('never lets the key into a message or an inspected error, even when the server echoes it', async () => {
    const engine = engineFor();
    const faults = [
      { type: 'status', status: 400, message: 'Bad key {key}' },
      { type: 'status', status: 500, message: 'Internal error for {key}' },
      { type: 'status', status: 429, message: 'Slow down, {key}' },
      { type: 'status', status: 403, message: 'Wrong key {key}' },
      { type: 'status', status: 456, message: 'Quota of {key} used up' },
      { type: 'reset' },
    ] as const;
    for (const fault of faults) {
      server.set([{ fault }]);
      const error = await failure(engine.translate(['Hello'], enToDe));
      expect(error).toBeInstanceOf(Error);
      expect(inspect(error, { depth: 10, showHidden: true })).not.toContain(key);
    }
    server.set([{ fault: faults[0] }]);
    expect((await failure(engine.translate(['Hello'], enToDe))).message).toContain('Bad key [DEEPL_AUTH_KEY]');
  });

  it('also scrubs a Free API key echoed URL-encoded', async () => {
    await server.close();
    server = await startDeeplTestServer({ authKey: 'free-key-789:fx' });
    server.set([{ fault: { type: 'status', status: 400, message: 'Bad key {key} (free-key-789%3Afx)' } }]);
    const error = await failure(engineFor({ authKey: 'free-key-789:fx' }).translate(['Hello'], enToDe));
    expect(error.message).toBe('DeepL refused the request (400): Bad request, message: Bad key [DEEPL_AUTH_KEY] ([DEEPL_AUTH_KEY]).');
  });
});
