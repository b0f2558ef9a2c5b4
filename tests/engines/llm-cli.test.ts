import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listFiles, stackFrames } from '../support/cli.ts';
import { LlmProject, llmKey } from '../support/llm-project.ts';

let project: LlmProject | undefined;

afterEach(async () => {
  await project?.dispose();
  project = undefined;
});

const twoParagraphs = {
  'articles/en/guide.md': '# Getting started\n\nRun `npm test` before you push the branch to the server.\n\nGood morning to everyone who reads this guide.\n',
};

describe('translate --engine llm', () => {
  it('translates the sample articles with every check passing, in packed requests, and a second run sends nothing', async () => {
    project = await LlmProject.create({ withSamples: true, config: { targetLanguages: ['es', 'ca'], llm: { maxTextsPerRequest: 12, maxCharactersPerRequest: 3000 } } });
    const run = await project.translate(['--engine', 'llm', '--strict']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const { summary } = run;
    expect(summary!.problems).toEqual([]);
    expect(summary!.findings.filter((finding) => finding.severity === 'error')).toEqual([]);
    const requests = project.server.requests;
    for (const request of requests) {
      expect(request.texts.length).toBeLessThanOrEqual(12);
      expect(Buffer.byteLength(request.texts.join(''))).toBeLessThanOrEqual(3000);
    }
    for (const language of ['es', 'ca']) {
      const figures = summary!.languages[language]!;
      expect(figures).toMatchObject({ engine: 'llm', failedArticles: 0, failedSegments: 0 });
      const sent = requests.filter((request) => request.payload.targetLanguage === language);
      expect(sent.flatMap((request) => request.texts)).toHaveLength(figures.translated);
      expect(figures.requests).toBe(sent.length);
      // No request holds 3000 bytes of these texts, so the minimum is set by the 12 texts a request may hold.
      expect(figures.requests).toBe(Math.ceil(figures.translated / 12));
      expect(figures.promptTokens).toBe(sent.reduce((sum, request) => sum + request.promptTokens, 0));
      expect(figures.completionTokens).toBe(sent.reduce((sum, request) => sum + request.completionTokens!, 0));
    }
    // The glossary's target forms travel with the placeholders; the words they stand for are never sent.
    const terms = requests.flatMap((request) => request.payload.segments!.flatMap((segment) => segment.terms ?? []));
    expect(terms).toContainEqual(expect.objectContaining({ source: 'Liangjiang New Area', target: 'Nueva Área de Liangjiang' }));
    expect(requests.flatMap((request) => request.texts).join('\n')).not.toContain('Liangjiang New Area');
    const written = await project.read('articles/es/liangjiang-digital-economy.md');
    expect(written).toContain('Nueva Área de Liangjiang');
    expect(written).toContain('[ES] ');
    const sources = await listFiles(path.join(project.dir, 'articles', 'en'));
    expect(await listFiles(path.join(project.dir, 'articles', 'ca'))).toEqual(sources);

    const before = requests.length;
    const again = await project.translate(['--engine', 'llm']);
    expect(again.code).toBe(0);
    expect(project.server.requests).toHaveLength(before);
    expect(again.summary!.languages['es']).toMatchObject({ translated: 0, requests: 0, promptTokens: 0 });
  });

  it('keeps the source of a segment whose replies fail the checks on every try, exits 1, and asks again next run', async () => {
    project = await LlmProject.create({ files: twoParagraphs });
    project.server.set([{ fault: { type: 'drop-tag' }, match: 'before you push', times: Infinity }]);
    const run = await project.translate();
    expect(run.code).toBe(1);
    expect(run.summary!.languages['es']).toMatchObject({ failedSegments: 1, failedArticles: 0 });
    expect(run.summary!.problems).toEqual([
      expect.objectContaining({ severity: 'error', file: 'guide.md', language: 'es', message: expect.stringMatching(/guide\.md:3 \[es\] .*failed the checks on every try \(<x1\/> was lost\); the source text was kept/) }),
    ]);
    const output = await project.read('articles/es/guide.md');
    expect(output).toContain('Run `npm test` before you push the branch to the server.');
    expect(output).toContain('[ES] GOOD MORNING');
    expect(project.server.requests.filter((request) => request.texts.some((text) => text.includes('before you push')))).toHaveLength(3);

    project.server.set([]);
    const mark = project.server.requests.length;
    const again = await project.translate();
    expect(again.code).toBe(0);
    expect(project.textsSentSince(mark)).toEqual(['Run <x1/> before you push the branch to the server.']);
    expect(await project.read('articles/es/guide.md')).toContain('[ES] RUN `npm test` BEFORE YOU PUSH');
  });

  it('stops paying for a segment whose replies failed the checks in three runs: the fourth sends nothing and says why', async () => {
    project = await LlmProject.create({ files: twoParagraphs });
    project.server.set([{ fault: { type: 'drop-tag' }, match: 'before you push', times: Infinity }]);
    const sentFor = () => project!.server.requests.filter((request) => request.texts.some((text) => text.includes('before you push'))).length;
    for (let run = 1; run <= 3; run++) {
      expect((await project.translate()).code).toBe(1);
      expect(sentFor()).toBe(run * 3);
    }
    const fourth = await project.translate();
    expect(fourth.code).toBe(1);
    expect(sentFor()).toBe(9);
    expect(fourth.summary!.problems).toEqual([
      expect.objectContaining({ severity: 'error', file: 'guide.md', language: 'es', message: expect.stringMatching(/guide\.md:3 \[es\] .*failed the checks 3 times, so it is no longer sent/) }),
    ]);
  });

  it('translates every segment when the server refuses structured output, a reply is unreadable and the first request is rate-limited', async () => {
    project = await LlmProject.create({ withSamples: true, server: { refusedFormats: ['json_schema'] } });
    project.server.set([
      { fault: { type: 'status', status: 429, headers: { 'Retry-After': '0.2' } } },
      { fault: { type: 'invalid-json' }, after: 2 },
      { fault: { type: 'status', status: 500 }, after: 4 },
    ]);
    const run = await project.translate();
    expect(run.code).toBe(0);
    expect(run.summary!.problems).toEqual([]);
    const outcomes = project.server.requests.map((request) => request.outcome);
    expect(outcomes).toContain(429);
    expect(outcomes).toContain(500);
    expect(new Set(project.server.requests.filter((request) => request.outcome === 200).map((request) => request.format))).toEqual(new Set(['json_object']));
  });

  it('stops with exit 2 naming the key variable when the key is refused, and writes the key nowhere', async () => {
    project = await LlmProject.create({ files: twoParagraphs, config: { llm: { apiKeyVariable: 'TEAM_LLM_KEY' } } });
    const wrongKey = 'sk-wrong-key-that-must-not-leak';
    const run = await project.translate([], { TEAM_LLM_KEY: wrongKey });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/error: .*answered 401: the key in TEAM_LLM_KEY was refused/);
    expect(run.stderr).toMatch(/hint: Set TEAM_LLM_KEY/);
    expect(stackFrames(run.stderr)).toEqual([]);
    const everything = [run.stdout, run.stderr, ...(await Promise.all((await listFiles(project.dir)).map((file) => readFile(path.join(project!.dir, file), 'latin1'))))].join('\n');
    expect(everything).not.toContain(wrongKey);
    expect(everything).not.toContain(wrongKey.replace(/^sk-/, ''));
    expect(everything).not.toContain(llmKey);
  });

  it('refuses with exit 2 an OPENAI_BASE_URL without a scheme, naming the variable, before sending anything', async () => {
    project = await LlmProject.create({ files: twoParagraphs });
    const run = await project.translate([], { OPENAI_BASE_URL: '127.0.0.1:9/v1' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('OPENAI_BASE_URL is "127.0.0.1:9/v1", which is not an http or https URL with a host.');
    expect(stackFrames(run.stderr)).toEqual([]);
    expect(project.server.requests).toHaveLength(0);
  });

  it('reports the cost from configured prices, and estimates tokens on a dry run without sending anything', async () => {
    project = await LlmProject.create({ files: twoParagraphs, config: { llm: { prices: { promptPerMillion: 2, completionPerMillion: 8 } } } });
    const dry = await project.translate(['--dry-run']);
    expect(dry.code).toBe(0);
    expect(project.server.requests).toHaveLength(0);
    const estimate = dry.summary!.languages['es']!;
    expect(estimate.promptTokens).toBeGreaterThan(0);

    const run = await project.translate();
    const figures = run.summary!.languages['es']!;
    expect(figures.cost).toBeCloseTo((figures.promptTokens! * 2 + figures.completionTokens! * 8) / 1e6, 10);
    expect(Math.abs(estimate.promptTokens! - figures.promptTokens!) / figures.promptTokens!).toBeLessThan(0.3);
    const table = await project.run(['translate'], ['--dry-run']);
    expect(table.stdout).toMatch(/es: about \d+ prompt and \d+ completion tokens, cost 0\.\d{4} \(estimated/);
  });

  it('translates anew when the model or the style guide changes, and status says the outputs are stale', async () => {
    project = await LlmProject.create({ files: twoParagraphs });
    expect((await project.translate()).code).toBe(0);
    const sent = project.server.requests.length;
    await project.writeConfig({ llm: { model: 'another-model' } });
    const status = await project.run(['status'], ['--json']);
    expect(JSON.parse(status.stdout)).toEqual([expect.objectContaining({ file: 'guide.md', language: 'es', state: 'stale', untranslated: 3 })]);
    expect((await project.translate()).code).toBe(0);
    expect(project.server.requests.length).toBeGreaterThan(sent);
    expect(project.server.requests.at(-1)!.body.model).toBe('another-model');
    const mark = project.server.requests.length;
    await project.writeConfig({ llm: { model: 'another-model', languages: { es: { style: 'Informal: tutea al lector.' } } } });
    expect((await project.translate()).code).toBe(0);
    expect(project.textsSentSince(mark)).toHaveLength(3);
    expect(project.server.requests.at(-1)!.payload.style).toBe('Informal: tutea al lector.');
  });

  it('is what `auto` takes when a model and a base URL are configured and DeepL has no key', async () => {
    project = await LlmProject.create({ files: twoParagraphs, config: { engine: 'auto' } });
    const run = await project.translate([], { DEEPL_AUTH_KEY: undefined });
    expect(run.code).toBe(0);
    expect(run.summary!.languages['es']!.engine).toBe('llm');
    expect(await readdir(path.join(project.dir, 'articles', 'es'))).toEqual(['guide.md']);
  });
});
