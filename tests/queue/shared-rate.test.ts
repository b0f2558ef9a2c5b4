import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDeeplTestServer, type DeeplTestServer } from '../support/deepl-test-server.ts';
import { numberedArticleFiles } from '../support/numbered-articles.ts';
import { startTestPostgres, type TestPostgres } from '../support/postgres.ts';
import { deeplKey, QueueProject } from './queue-project.ts';

// Three workers share one DeepL account's rate, kept in the database.

const requestsPerSecond = 4;
const articles = 16;

let postgres: TestPostgres;
let server: DeeplTestServer;
let project: QueueProject;

beforeAll(async () => {
  postgres = await startTestPostgres();
  server = await startDeeplTestServer({ authKey: deeplKey });
  project = await QueueProject.create(postgres.url, server.url, { queue: { requestsPerSecond } }, numberedArticleFiles(articles, 2));
}, 120_000);

afterAll(async () => {
  await project?.remove();
  await server?.close();
  await postgres?.stop();
});

describe('queue.requestsPerSecond', () => {
  it('holds for all workers together, as the engine sees the requests arrive', async () => {
    const submitter = project.start(['translate', '--queue', '-q']);
    await project.whenQueued();
    const workers = Array.from({ length: 3 }, () => project.startWorker(['--concurrency', '3', '--idle-exit', '3']));
    const [submitted] = await Promise.all([submitter.result, ...workers.map((worker) => worker.result)]);
    expect(submitted.code, submitted.stderr).toBe(0);

    // Each article is one request (one job each, its texts in one batch).
    const arrivals = server.translateRequests().map((request) => request.receivedAt).sort((a, b) => a - b);
    expect(arrivals).toHaveLength(articles);
    // In any second, at most the rate, give or take one request whose arrival the network moved across the window's edge.
    const mostInASecond = Math.max(...arrivals.map((start) => arrivals.filter((at) => at >= start && at < start + 1000).length));
    expect(mostInASecond).toBeLessThanOrEqual(requestsPerSecond + 1);
    // And over the whole batch, no faster than the rate: n requests take at least (n - 1) intervals, give or take
    // one for the first request, which may leave late from a worker busy starting its other jobs.
    const span = arrivals.at(-1)! - arrivals[0]!;
    expect(span).toBeGreaterThanOrEqual(((articles - 2) * 1000) / requestsPerSecond);
  }, 240_000);
});
