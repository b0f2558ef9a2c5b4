import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { migratePostgresMemory } from '../../src/memory/postgres/migrate-postgres-memory.ts';
import { PostgresMemory } from '../../src/memory/postgres/postgres-memory.ts';
import { memoryKey } from '../../src/memory/memory-key.ts';
import { translateArticles } from '../../src/run.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import { loadGlossary } from '../../src/glossary/load-glossary.ts';
import { engineProfile } from '../../src/pipeline/engine-profile.ts';
import { makeTempDir, removeTempDir, startCli, writeProject } from '../support/cli.ts';
import { deeplKey } from '../support/deepl-project.ts';
import { startDeeplTestServer, type DeeplTestServer } from '../support/deepl-test-server.ts';
import { articleNames, numberedArticleFiles, numberedArticleTexts, numberedArticleTranslated } from '../support/numbered-articles.ts';
import { createTestDatabase, startTestPostgres, type TestPostgres } from '../support/postgres.ts';

// Runs on two "machines" (separate working folders, each with its own DeepL-compatible server) share one
// PostgreSQL memory: between them, every distinct text reaches an engine once.

const timeout = 240_000;
const articles = 40;
const paragraphs = 4;

let postgres: TestPostgres;
const cleanups: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  postgres = await startTestPostgres();
});

afterAll(async () => {
  await postgres?.stop();
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function machine(url: string): Promise<{ dir: string; server: DeeplTestServer; env: Record<string, string> }> {
  const dir = await makeTempDir('jialing-shared-run-');
  // Slow answers, so that the second run starts while the first one's texts are still on their way.
  const server = await startDeeplTestServer({ authKey: deeplKey });
  server.set([{ fault: { type: 'delay', ms: 1500 }, times: Infinity }]);
  cleanups.push(() => server.close(), () => removeTempDir(dir));
  await writeProject(dir, {
    'pipeline.config.json': JSON.stringify({ sourceLanguage: 'en', targetLanguages: ['de'], engine: 'deepl', memory: { url: { env: 'JIALING_DATABASE_URL' } } }),
    ...numberedArticleFiles(articles, paragraphs),
  });
  return { dir, server, env: { DEEPL_AUTH_KEY: deeplKey, DEEPL_SERVER_URL: server.url, JIALING_DATABASE_URL: url } };
}

const allTexts = articleNames(articles).flatMap((name) => numberedArticleTexts(name, paragraphs));

describe('runs sharing a PostgreSQL memory', () => {
  it(
    'two translate runs started at once send every distinct text once in total and write what a single run writes',
    async () => {
      const url = await createTestDatabase(postgres.url);
      await migratePostgresMemory(url);
      const machines = [await machine(url), await machine(url)];

      const runs = machines.map(({ dir, env }) => startCli(['translate', '--json'], { cwd: dir, env, killAfterMs: 200_000 }));
      const results = await Promise.all(runs.map((run) => run.result));

      for (const result of results) expect(result.code, result.stderr).toBe(0);
      const sent = machines.flatMap(({ server }) => server.translateRequests().flatMap((request) => request.texts));
      expect(sent.length).toBe(new Set(sent).size);
      expect(new Set(sent)).toEqual(new Set(allTexts));
      const summaries = results.map((result) => (JSON.parse(result.stdout) as { languages: { de: { translated: number; fromMemory: number } } }).languages.de);
      expect(summaries[0]!.translated + summaries[1]!.translated).toBe(allTexts.length);
      for (const summary of summaries) expect(summary.translated + summary.fromMemory).toBe(allTexts.length);
      for (const { dir } of machines) {
        for (const name of articleNames(articles)) {
          expect(await readFile(path.join(dir, 'articles', 'de', `${name}.md`), 'utf8')).toBe(numberedArticleTranslated(name, paragraphs));
        }
      }
    },
    timeout,
  );

  it(
    'a run takes over the texts of a run that died once its claims run out, and sends them itself',
    async () => {
      const url = await createTestDatabase(postgres.url);
      await migratePostgresMemory(url);
      const { dir, server, env } = await machine(url);
      server.set([]);
      // A run on another machine claimed the first article's texts and died: nobody renews its claims.
      const config = await loadConfig(undefined, dir);
      const glossary = await loadGlossary(config.localesDir, 'en', ['de']);
      const name = articleNames(1)[0]!;
      const keys = numberedArticleTexts(name, paragraphs).map((sourceText) =>
        memoryKey({ sourceText, sourceLanguage: 'en', targetLanguage: 'de', engineProfile: engineProfile('deepl', config, 'de', env), glossaryVersion: glossary.version([], 'de') }),
      );
      const memory = await PostgresMemory.open(url);
      const claimedAt = Date.now();
      expect((await memory.claim(keys, 'dead-machine:1:00000000', 1500)).size).toBe(keys.length);
      await memory.close();

      const { report } = await translateArticles(config, { env, claimTimes: { leaseMs: 60_000, pollMs: 50 } });

      expect(report.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
      const sent = server.translateRequests().flatMap((request) => request.texts);
      expect(sent.length).toBe(new Set(sent).size);
      expect(new Set(sent)).toEqual(new Set(allTexts));
      // Sent once the dead run's lease ran out, not before.
      const claimed = new Set(numberedArticleTexts(name, paragraphs));
      const takenOver = server.translateRequests().filter((request) => request.texts.some((text) => claimed.has(text)));
      expect(Math.min(...takenOver.map((request) => request.receivedAt))).toBeGreaterThanOrEqual(claimedAt + 1500);
      expect(await readFile(path.join(dir, 'articles', 'de', `${name}.md`), 'utf8')).toBe(numberedArticleTranslated(name, paragraphs));
    },
    timeout,
  );
});
