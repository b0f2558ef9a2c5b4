// What a DeepL run counts, checks and stops at, against a DeepL-compatible server that misbehaves.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DeeplProject } from '../support/deepl-project.ts';

let project: DeeplProject | undefined;
afterEach(async () => {
  await project?.dispose();
  project = undefined;
});

const paragraphs = (count: number, prefix: string) => Array.from({ length: count }, (_, index) => `${prefix} sentence number ${index + 1} is here.`).join('\n\n');

describe('DeepL run accounting', () => {
  it('counts every request, billed character and second, also of a batch that retries after its article failed', async () => {
    // 60 segments: a full batch of 50, refused (400), which fails the article at once, and a batch of 10 that
    // meets three 429s a second apart before it is answered, long after the article (the only one) ended.
    project = await DeeplProject.create({ files: { 'articles/en/a.md': `${paragraphs(60, 'The')}\n` } });
    project.server.set([
      { fault: { type: 'status', status: 400, message: 'Refused' } },
      { fault: { type: 'status', status: 429, retryAfter: '1' }, after: 1, times: 3 },
    ]);
    const started = Date.now();
    const run = await project.translate();
    const wallSeconds = (Date.now() - started) / 1000;
    expect(run.code).toBe(1);
    const sent = project.translateRequests();
    expect(sent.map((request) => request.outcome)).toEqual([400, 429, 429, 429, 200]);
    const figures = run.summary!.languages['de']!;
    expect(figures.requests).toBe(5);
    expect(figures.translated).toBe(10);
    expect(figures.billedCharacters).toBe(sent[4]!.billedCharacters);
    const serverSeconds = (sent[4]!.receivedAt - sent[0]!.receivedAt) / 1000;
    expect(figures.seconds).toBeGreaterThanOrEqual(serverSeconds);
    expect(figures.seconds).toBeLessThanOrEqual(wallSeconds);
  });

  it('takes the billed characters from DeepL\'s replies', async () => {
    // A server with a minimum charge per text, so that its figure differs from the characters sent.
    project = await DeeplProject.create({ files: { 'articles/en/a.md': 'Read **the guide** first.\n\nThen run it.\n' }, server: { billing: (text) => Math.max(50, text.length) } });
    const summary = await project.translateOk();
    const [request] = project.translateRequests();
    expect(request!.texts).toHaveLength(2);
    expect(summary.languages['de']!.billedCharacters).toBe(100);
  });
});

describe('a used-up DeepL quota', () => {
  it('lets no request leave after the first 456, for any language', async () => {
    const files = Object.fromEntries(Array.from({ length: 4 }, (_, index) => [`articles/en/a${index}.md`, `${paragraphs(60, `Article ${index}`)}\n`]));
    project = await DeeplProject.create({ files, config: { targetLanguages: ['de', 'fr'], deepl: { concurrency: 1 } } });
    project.server.set([{ fault: { type: 'status', status: 456, message: 'Quota exceeded' }, after: 1, times: Infinity }]);
    const run = await project.translate();
    expect(run.code).toBe(1);
    expect(project.translateRequests().map((request) => request.outcome)).toEqual([200, 456]);
    const figures = run.summary!.languages;
    expect(figures['de']!.requests + figures['fr']!.requests).toBe(2);
  });
});

describe('the DeepL language check', () => {
  it('asks again after a 503 and accepts a language the server lists', async () => {
    project = await DeeplProject.create({
      files: { 'articles/en/a.md': 'Hello world, how are you.\n' },
      config: { targetLanguages: ['ca'], deepl: { attempts: 2 } },
      server: { targetLanguages: ['CA', 'DE'] },
    });
    project.server.set([{ fault: { type: 'status', status: 503 }, path: '/v2/languages' }]);
    const summary = await project.translateOk();
    expect(summary.problems).toEqual([]);
    expect(await project.read('articles/ca/a.md')).toBe('\\[CA] HELLO WORLD, HOW ARE YOU.\n');
  });

  it('goes on with a warning when the list cannot be read, and refuses no language for missing from the built-in list', async () => {
    project = await DeeplProject.create({
      files: { 'articles/en/a.md': 'Hello world, how are you.\n' },
      config: { targetLanguages: ['ca', 'xx'], deepl: { attempts: 2 } },
      server: { targetLanguages: ['CA', 'XX'] },
    });
    project.server.set([{ fault: { type: 'status', status: 503 }, path: '/v2/languages', times: Infinity }]);
    const run = await project.translate();
    expect(run.code, run.stderr).toBe(0);
    expect(run.summary!.problems.map(({ severity, message }) => [severity, message])).toEqual([
      ['warning', expect.stringMatching(/^DeepL's language list could not be read \(503, .*\); the languages were checked against the built-in list/)],
      ['warning', expect.stringMatching(/^"xx" is not on the built-in list of DeepL languages .* and is sent anyway, since DeepL's own list could not be read \(503, /)],
    ]);
    expect(await project.read('articles/xx/a.md')).toBe('\\[XX] HELLO WORLD, HOW ARE YOU.\n');
    // Two calls (targets and sources), each tried twice.
    expect(project.server.requests.filter((request) => request.path === '/v2/languages')).toHaveLength(4);
  });

  it('stops with a setup error, naming the URL, when the server refuses the list (DEEPL_SERVER_URL ending in /v2)', async () => {
    project = await DeeplProject.create({ files: { 'articles/en/a.md': 'Hello world.\n' } });
    const url = `${project.server.url}/v2`;
    const run = await project.translate([], { DEEPL_SERVER_URL: url });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`DeepL at ${url}/v2/languages answered 404`);
    expect(run.stderr).toContain('DEEPL_SERVER_URL');
    expect(run.stderr).not.toContain(project.key);
    expect(project.translateRequests()).toHaveLength(0);
  });
});

describe('the DeepL key', () => {
  it('never leaves the program, nor any long part of it, when a server echoes the part before ":fx"', async () => {
    const key = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d:fx';
    project = await DeeplProject.create({ key, files: { 'articles/en/a.md': 'Hello world.\n' } });
    project.server.set([{ fault: { type: 'status', status: 400, message: 'Key {keyBeforeFx} may not translate' }, times: Infinity }]);
    const plain = await project.run(['translate']);
    const json = await project.translate();
    expect(plain.code).toBe(1);
    expect(json.summary!.problems[0]!.message).toContain('Key [DEEPL_AUTH_KEY] may not translate');
    const reports = await Promise.all(['report.html', 'report.json'].map((file) => readFile(path.join(project!.dir, '.jialing', 'report', file), 'utf8')));
    for (const output of [plain.stdout, plain.stderr, json.stdout, json.stderr, ...reports]) {
      for (const secret of [key, key.replace(':fx', ''), 'a1b2c3d4', '0e1f2a3b4c5d']) expect(output).not.toContain(secret);
    }
  });
});
