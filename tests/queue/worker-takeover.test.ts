import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTempDir, writeProject, makeTempDir, runCli, type CliResult } from '../support/cli.ts';
import { startDeeplTestServer, type DeeplTestServer } from '../support/deepl-test-server.ts';
import { articleNames, articleOfText, numberedArticleFiles } from '../support/numbered-articles.ts';
import { startTestPostgres, type TestPostgres } from '../support/postgres.ts';
import { signalWhen } from '../support/signal-when.ts';
import { deeplKey, progressLines, QueueProject, workerLog } from './queue-project.ts';

// Four workers on 200 articles through a slow DeepL; one is killed while it has a request on its way.

const articles = 200;
const paragraphs = 3;

let postgres: TestPostgres;
let server: DeeplTestServer;
let project: QueueProject;

beforeAll(async () => {
  postgres = await startTestPostgres();
  server = await startDeeplTestServer({ authKey: deeplKey });
  server.set([{ fault: { type: 'delay', ms: 200 }, times: Infinity }]);
  // A short takeover, so the killed worker's job is given to another one within seconds.
  project = await QueueProject.create(postgres.url, server.url, { queue: { takeoverSeconds: 2, retryDelaySeconds: 1 } }, numberedArticleFiles(articles, paragraphs));
}, 120_000);

afterAll(async () => {
  await project?.remove();
  await server?.close();
  await postgres?.stop();
});

describe('a queued batch with four workers, one of them killed mid-job', () => {
  it('completes, writes every output once and as a local run does, and pays again only for the killed worker\'s texts in flight', async () => {
    const submitter = project.start(['translate', '--queue']);
    const workers = Array.from({ length: 4 }, () => project.startWorker(['--concurrency', '2']));
    const [victim, ...others] = workers;

    // Killed once it has finished a few jobs and the server holds a request of a job it has not finished.
    const inFlight = await signalWhen(victim!, 'SIGKILL', () => {
      const { took, done } = workerLog(victim!.output().stderr);
      if (done.length < 3) return undefined;
      const open = new Set(took.filter((job) => !done.includes(job)).map((job) => job.replace(/\.md \[de\]$/, '')));
      const pending = server.translateRequests().filter((request) => request.outcome === undefined && request.texts.some((text) => open.has(articleOfText(text))));
      return pending.length > 0 ? open : undefined;
    });

    const submitted = await submitter.result;
    for (const worker of others) worker.child.kill('SIGTERM');
    const stopped = await Promise.all(others.map((worker) => worker.result));
    expect(submitted.code, submitted.stderr).toBe(0);
    expect((await victim!.result).signal).toBe('SIGKILL');
    // A stopped worker finishes what it holds and says so; none is left running.
    for (const worker of stopped) expect(worker.stderr).toContain('worker: stopped after');

    // Every article written once: one progress line each, and each output as a single local run writes it.
    const lines = progressLines(submitted.stderr);
    expect(lines.sort()).toEqual(articleNames(articles).map((name) => `${name}.md [de]`).sort());
    expect(await project.outputs('de')).toEqual(await localRunOutputs());
    // The killed worker's unfinished jobs were done by the others. One it completed in the queue just before the
    // kill, without having logged it yet, is not among them.
    const doneByOthers = stopped.flatMap((worker) => workerLog(worker.stderr).done);
    const completed = await project.completedJobs();
    const unfinished = [...inFlight].map((name) => `${name}.md [de]`).filter((job) => !completed.get(job)?.endsWith(`:${victim!.child.pid}`));
    expect(unfinished.length).toBeGreaterThan(0);
    for (const job of unfinished) expect(doneByOthers).toContain(job);

    // Each text paid once, but those of the jobs the killed worker had on their way.
    const answered = server.translateRequests().filter((request) => request.outcome === 200).flatMap((request) => request.texts);
    const paidTwice = [...new Set(answered.filter((text, index) => answered.indexOf(text) !== index))];
    expect(new Set(answered).size).toBe(articles * (paragraphs + 1));
    for (const text of paidTwice) expect(inFlight).toContain(articleOfText(text));
    expect(await project.jobStates()).toEqual({ completed: articles });
    // As in a first local run, a batch into an empty memory looks for no suggestions among its own translations.
    expect(await project.rowCount('entries')).toBe(articles * (paragraphs + 1));
    expect(await project.rowCount('suggestions')).toBe(0);
  }, 300_000);
});

/** The outputs of a plain local run of the same articles (SQLite memory, a DeepL test server of its own). */
async function localRunOutputs(): Promise<Record<string, string>> {
  const dir = await makeTempDir('jialing-queue-local-');
  const local = await startDeeplTestServer({ authKey: deeplKey });
  try {
    await writeProject(dir, { 'pipeline.config.json': JSON.stringify({ sourceLanguage: 'en', targetLanguages: ['de'], engine: 'deepl' }), ...numberedArticleFiles(articles, paragraphs) });
    const result: CliResult = await runCli(['translate', '-q'], { cwd: dir, env: { DEEPL_AUTH_KEY: deeplKey, DEEPL_SERVER_URL: local.url }, killAfterMs: 240_000 });
    if (result.code !== 0) throw new Error(`The local run exited ${result.code}:\n${result.stderr}`);
    return await project.outputs('de', dir);
  } finally {
    await local.close();
    await removeTempDir(dir);
  }
}
