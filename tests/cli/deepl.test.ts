import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listFiles, makeTempDir, removeTempDir, runCli, writeProject, type CliResult } from '../support/cli.ts';
import { startDeeplTestServer, type DeeplRecordedRequest, type DeeplTestServer } from '../support/deepl-test-server.ts';

const key = 'secret-test-key-123';
let dir: string;
let server: DeeplTestServer;

beforeEach(async () => {
  dir = await makeTempDir('jialing-deepl-');
  server = await startDeeplTestServer({ authKey: key });
});

afterEach(async () => {
  await server.close();
  await removeTempDir(dir);
});

const alpha = `---
title: The alpha guide
---

# Guide alpha

Paragraph 1 of alpha has *emphasis*, \`code\` and a [link](https://example.com/a/1).

- Item & more
`;

const alphaInGerman = `---
title: "[DE] THE ALPHA GUIDE"
---

# \\[DE] GUIDE ALPHA

\\[DE] PARAGRAPH 1 OF ALPHA HAS *EMPHASIS*, \`code\` AND A [LINK](https://example.com/a/1).

- \\[DE] ITEM & MORE
`;

/** An article of `count` segments, all unique to it: a heading and paragraphs with formatting. */
function article(name: string, count: number, shared = ''): string {
  const paragraphs = Array.from({ length: count - 1 }, (_, index) => `Paragraph ${index + 1} of ${name} is **bold** and has \`code ${index}\`.`);
  return [`# Guide ${name}`, ...paragraphs, shared].filter(Boolean).join('\n\n') + '\n';
}

function articles(count: number, segmentsEach: number, shared = ''): Record<string, string> {
  return Object.fromEntries(Array.from({ length: count }, (_, index) => [`articles/en/guide-${index}.md`, article(`g${index}`, segmentsEach, shared)]));
}

async function translate(config: object, files: Record<string, string>, env: Record<string, string> = {}): Promise<CliResult> {
  await writeProject(dir, { 'pipeline.config.json': JSON.stringify(config, null, 2), ...files });
  return runCli(['translate', '--config', path.join(dir, 'pipeline.config.json'), '--engine', 'deepl'], {
    cwd: dir,
    env: { DEEPL_AUTH_KEY: key, DEEPL_SERVER_URL: server.url, ...env },
  });
}

const read = (relativePath: string) => readFile(path.join(dir, relativePath), 'utf8');
const targetOf = (request: DeeplRecordedRequest) => request.fields['target_lang']?.[0]?.toUpperCase();
const answered = (target: string) => server.translateRequests().filter((request) => targetOf(request) === target && request.outcome === 200);

/** Fails if the key shows in the output or in any file of the project. */
async function expectKeyNowhere(result: CliResult, secret = key): Promise<void> {
  expect(result.stdout).not.toContain(secret);
  expect(result.stderr).not.toContain(secret);
  for (const file of await listFiles(dir)) expect(await read(file), file).not.toContain(secret);
}

describe('jialing translate --engine deepl', () => {
  it('translates into de, fr, zh and ja, each text once per language, written where the source is', async () => {
    const shared = 'Every guide ends with this paragraph.';
    const result = await translate(
      { sourceLanguage: 'en', targetLanguages: ['de', 'fr', 'zh', 'ja'], deepl: { context: false } },
      { 'articles/en/alpha.md': alpha, ...articles(3, 4, shared) },
    );

    expect(result.stderr).not.toContain('error');
    expect(result.code).toBe(0);
    expect(await read('articles/de/alpha.md')).toBe(alphaInGerman);
    expect(await read('articles/ja/guide-1.md')).toBe(
      ['# \\[JA] GUIDE G1', ...[1, 2, 3].map((n) => `\\[JA] PARAGRAPH ${n} OF G1 IS **BOLD** AND HAS \`code ${n - 1}\`.`), '\\[JA] EVERY GUIDE ENDS WITH THIS PARAGRAPH.'].join('\n\n') + '\n',
    );
    expect(await read('articles/zh/guide-2.md')).toContain('# \\[ZH-HANS] GUIDE G2');
    expect(await read('articles/fr/guide-0.md')).toContain('\\[FR] PARAGRAPH 3 OF G0');
    for (const language of ['de', 'fr', 'zh', 'ja']) {
      expect(await listFiles(path.join(dir, 'articles', language))).toEqual(['alpha.md', 'guide-0.md', 'guide-1.md', 'guide-2.md']);
    }
    // 4 (alpha) + 3 × 4 unique + 1 shared
    for (const target of ['DE', 'FR', 'ZH-HANS', 'JA']) {
      const sent = answered(target).flatMap((request) => request.texts);
      expect(sent).toHaveLength(17);
      expect(new Set(sent).size).toBe(17);
    }
    await expectKeyNowhere(result);
  });

  it('spends the minimum number of requests when context is off: ceil(unique texts / 50)', async () => {
    const result = await translate({ targetLanguages: ['de'], deepl: { context: false } }, articles(12, 10));

    expect(result.code).toBe(0);
    expect(server.translateRequests().map((request) => request.texts.length).sort((a, b) => b - a)).toEqual([50, 50, 20]);
  });

  it('survives 429 with Retry-After, 500 and reset connections, losing nothing', async () => {
    server.set([
      { fault: { type: 'status', status: 429, retryAfter: '2' } },
      { fault: { type: 'status', status: 500 }, after: 1 },
      { fault: { type: 'reset' }, after: 2 },
    ]);
    const result = await translate({ targetLanguages: ['de'], deepl: { context: false } }, articles(12, 10));

    expect(result.stderr).not.toContain('error');
    expect(result.code).toBe(0);
    expect(server.translateRequests().map((request) => request.outcome)).toEqual([429, 500, 'reset', 200, 200, 200]);
    // The retry of the rate-limited batch waited the 2 s the server asked for, not the 1 s default backoff.
    const [limited, ...later] = server.translateRequests();
    const retry = later.find((request) => request.texts[0] === limited!.texts[0])!;
    expect(retry.receivedAt - limited!.receivedAt).toBeGreaterThanOrEqual(1900);
    expect(answered('DE').flatMap((request) => request.texts)).toHaveLength(120);
    for (let index = 0; index < 12; index++) expect(await read(`articles/de/guide-${index}.md`)).toContain(`\\[DE] GUIDE G${index}`);
    await expectKeyNowhere(result);
  });

  it('gives a request up after deepl.attempts tries', async () => {
    server.set([{ fault: { type: 'status', status: 500 }, times: Infinity }]);
    const result = await translate({ targetLanguages: ['de'], deepl: { context: false, attempts: 2 } }, articles(1, 3));

    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/guide-0\.md \[de\] was not written: DeepL had a server error \(500\)/);
    expect(server.translateRequests()).toHaveLength(2);
  });

  it('keeps in the memory the answer of a request still on its way when its article failed on another', async () => {
    // One article of 60 texts: 50 in a slow request that succeeds, 10 in one refused at once.
    server.set([
      { fault: { type: 'delay', ms: 800 } },
      { fault: { type: 'status', status: 400, message: 'Bad request' }, after: 1 },
    ]);
    const failed = await translate({ targetLanguages: ['de'], deepl: { context: false } }, articles(1, 60));
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/guide-0\.md \[de\] was not written/);
    expect(server.translateRequests().map((request) => [request.texts.length, request.outcome])).toEqual([
      [50, 200],
      [10, 400],
    ]);

    server.set([]);
    const before = server.translateRequests().length;
    const again = await translate({ targetLanguages: ['de'], deepl: { context: false } }, articles(1, 60));
    expect(again.code).toBe(0);
    // Only the refused texts are sent again: the slow answer was stored although its article had failed.
    expect(server.translateRequests().slice(before).map((request) => request.texts.length)).toEqual([10]);
  });

  it('retries a request that outlasts deepl.timeoutSeconds', async () => {
    server.set([{ fault: { type: 'delay', ms: 3000 } }]);
    const result = await translate({ targetLanguages: ['de'], deepl: { context: false, timeoutSeconds: 0.5 } }, articles(2, 5));

    expect(result.stderr).not.toContain('error');
    expect(result.code).toBe(0);
    expect(server.translateRequests()).toHaveLength(2);
    expect(await read('articles/de/guide-1.md')).toContain('\\[DE] GUIDE G1');
  });

  it('stops at a used-up quota (456) with exit code 1, keeping what was translated and counting what was not', async () => {
    // 60 texts: the first request holds five whole articles, the second the sixth, refused.
    server.set([{ fault: { type: 'status', status: 456, message: 'Quota exceeded' }, after: 1, times: Infinity }]);
    const result = await translate({ targetLanguages: ['de'], deepl: { context: false } }, articles(6, 10));

    const sent = server.translateRequests().map((request) => [request.outcome, request.texts.length]);
    expect(result.code, JSON.stringify({ sent, stderr: result.stderr })).toBe(1);
    expect(await listFiles(path.join(dir, 'articles', 'de')), JSON.stringify({ sent, stderr: result.stderr })).toHaveLength(5);
    expect(`${result.stdout}${result.stderr}`).toMatch(/quota/i);
    expect(`${result.stdout}${result.stderr}`).toMatch(/\b10 segments\b.*left/);
    expect(server.translateRequests().map((request) => request.outcome)).toEqual([200, 456]);
    await expectKeyNowhere(result);
  });

  it('stops with exit code 2 when DeepL rejects the key, before translating anything', async () => {
    const wrongKey = 'wrong-key-456-abcdef';
    const result = await translate({ targetLanguages: ['de', 'fr'], deepl: { context: false } }, articles(2, 3), { DEEPL_AUTH_KEY: wrongKey });

    expect(result.code).toBe(2);
    expect(result.stderr.match(/DeepL rejected the key \(403\)/g), result.stderr).toHaveLength(1);
    expect(server.translateRequests()).toHaveLength(0);
    expect(await listFiles(path.join(dir, 'articles', 'de'))).toEqual([]);
    await expectKeyNowhere(result, wrongKey);
  });

  it('stops with exit code 2 when DeepL rejects the key in the middle of a run', async () => {
    server.set([{ fault: { type: 'status', status: 403, message: 'Key {key} was revoked' }, after: 1, times: Infinity }]);
    const result = await translate({ targetLanguages: ['de'], deepl: { context: false } }, articles(6, 10));

    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/DeepL rejected the key \(403\)/);
    expect(server.translateRequests().map((request) => request.outcome)).toEqual([200, 403]);
    await expectKeyNowhere(result);
  });

  it('stops with exit code 2 when no key is set', async () => {
    const result = await translate({ targetLanguages: ['de'] }, articles(1, 2), { DEEPL_AUTH_KEY: '' });

    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/DEEPL_AUTH_KEY is not set/);
    expect(server.requests).toHaveLength(0);
  });

  it('stops with exit code 2 for a target DeepL does not translate', async () => {
    const result = await translate({ targetLanguages: ['de', 'ca'] }, articles(1, 2));

    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/DeepL cannot translate into "ca"/);
    expect(server.translateRequests()).toHaveLength(0);
  });
});
