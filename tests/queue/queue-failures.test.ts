import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.ts';
import { maskPassword } from '../../src/memory/postgres/mask-password.ts';
import { translateInQueue } from '../../src/queue/translate-in-queue.ts';
import { makeTempDir, removeTempDir, runCli, stackFrames, writeProject } from '../support/cli.ts';
import { startDeeplTestServer, type DeeplTestServer } from '../support/deepl-test-server.ts';
import { numberedArticleFiles } from '../support/numbered-articles.ts';
import { startTestPostgres, type TestPostgres } from '../support/postgres.ts';
import { signalWhen } from '../support/signal-when.ts';
import { deeplKey, progressLines, QueueProject, whenWaiting, workerLog } from './queue-project.ts';

// What a queued batch does when its jobs cannot be done, and what it refuses to do.

const timeout = 240_000;

let postgres: TestPostgres;
let server: DeeplTestServer;
let project: QueueProject | undefined;
const dirs: string[] = [];

beforeAll(async () => {
  postgres = await startTestPostgres();
  server = await startDeeplTestServer({ authKey: deeplKey });
}, 120_000);

afterEach(async () => {
  await project?.remove();
  project = undefined;
  await Promise.all(dirs.splice(0).map((dir) => removeTempDir(dir)));
});

afterAll(async () => {
  await server?.close();
  await postgres?.stop();
});

interface QueueSummary {
  languages: Record<string, { deadLettered?: number; failedArticles: number; segments: number; translated: number }>;
  problems: { severity: string; file: string; message: string }[];
}

describe('translate --queue', () => {
  it('retries a job that fails, then dead-letters it; the summary, --json, the report and status show it', async () => {
    project = await QueueProject.create(postgres.url, server.url, { queue: { attempts: 2, retryDelaySeconds: 1 } }, numberedArticleFiles(1, 2));
    const submitter = project.start(['translate', '--queue', '--json']);
    await project.whenQueued();
    // A worker whose DeepL key is wrong: every try of the job fails.
    const worker = project.startWorker(['--idle-exit', '4'], { DEEPL_AUTH_KEY: 'wrong-key-456' });
    const [submitted, worked] = await Promise.all([submitter.result, worker.result]);

    expect(submitted.code).toBe(1);
    expect(workerLog(worked.stderr).failed).toEqual(['guide00.md [de]', 'guide00.md [de]']);
    const summary = JSON.parse(submitted.stdout) as QueueSummary;
    expect(summary.languages.de).toMatchObject({ deadLettered: 1, failedArticles: 1 });
    const problem = summary.problems.find((item) => item.file === 'guide00.md')!;
    expect(problem.message).toContain('failed in the queue after 2 tries and was dead-lettered');
    expect(problem.message).toContain('DeepL');
    expect(submitted.stdout + submitted.stderr + worked.stderr).not.toContain('wrong-key-456');
    const report = await readFile(path.join(project.dir, '.jialing', 'report', 'report.json'), 'utf8');
    expect(report).toContain('dead-lettered');
    expect(await project.jobStates()).toEqual({ failed: 1 });

    const status = await project.run(['status', '--json']);
    expect(status.code).toBe(1);
    expect(JSON.parse(status.stdout)).toMatchObject([{ file: 'guide00.md', language: 'de', state: 'failed-in-queue' }]);
    const table = await project.run(['status']);
    expect(table.stdout).toMatch(/guide00\.md +article +de +failed-in-queue/);
  }, timeout);

  it('has a job fail for good, on its first try, at a worker whose project differs, naming both sides', async () => {
    project = await QueueProject.create(postgres.url, server.url, { queue: { attempts: 3, retryDelaySeconds: 1 } }, numberedArticleFiles(1, 2));
    const checkout = await project.copy();
    dirs.push(checkout);
    await writeProject(checkout, { 'pipeline.config.json': JSON.stringify({ sourceLanguage: 'en', targetLanguages: ['de'], engine: 'deepl', memory: { url: { env: 'JIALING_DATABASE_URL' } }, qa: { severities: { 'length-ratio': 'error' } } }) });
    const submitter = project.start(['translate', '--queue', '--json']);
    await project.whenQueued();
    const worker = project.startWorker(['--idle-exit', '3'], {}, checkout);
    const [submitted, worked] = await Promise.all([submitter.result, worker.result]);

    expect(submitted.code).toBe(1);
    expect(workerLog(worked.stderr).failed).toHaveLength(1);
    const { problems } = JSON.parse(submitted.stdout) as QueueSummary;
    expect(problems[0]!.message).toContain('failed in the queue after 1 try');
    expect(problems[0]!.message).toMatch(/refused by worker .*: the worker's project differs from the submitter's: config \S+ \(submitter\) vs \S+ \(worker\)/);
    expect(server.translateRequests()).toEqual([]);
  }, timeout);

  it('fails the jobs needing the engine under --frozen, as a local frozen run does', async () => {
    project = await QueueProject.create(postgres.url, server.url, {}, numberedArticleFiles(2, 2));
    const before = server.translateRequests().length;
    const submitter = project.start(['translate', '--queue', '--frozen', '--json']);
    await project.whenQueued();
    const worker = project.startWorker(['--idle-exit', '3']);
    const [submitted] = await Promise.all([submitter.result, worker.result]);

    expect(submitted.code).toBe(1);
    const summary = JSON.parse(submitted.stdout) as QueueSummary;
    expect(summary.languages.de).toMatchObject({ failedArticles: 2, translated: 0 });
    expect(summary.languages.de!.deadLettered).toBeUndefined();
    expect(summary.problems.map((problem) => problem.message).join('\n')).toContain('--frozen forbids calling the engine');
    expect(server.translateRequests().length).toBe(before);
    expect(await project.outputs('de')).toEqual({});
  }, timeout);

  it('queues nothing on --dry-run and reports what would be sent', async () => {
    project = await QueueProject.create(postgres.url, server.url, {}, numberedArticleFiles(3, 2));
    const before = server.translateRequests().length;
    const result = await project.run(['translate', '--queue', '--dry-run', '--json']);

    expect(result.code, result.stderr).toBe(0);
    const summary = JSON.parse(result.stdout) as QueueSummary & { dryRun: boolean };
    expect(summary.dryRun).toBe(true);
    expect(summary.languages.de).toMatchObject({ segments: 9 });
    expect(await project.jobStates()).toEqual({});
    expect(server.translateRequests().length).toBe(before);
  }, timeout);
});

describe('translate --queue with no worker', () => {
  it('gives up after queue.waitSeconds without a job running: cancels the jobs, writes nothing, exits 1 and says what to start', async () => {
    project = await QueueProject.create(postgres.url, server.url, { queue: { waitSeconds: 2 } }, numberedArticleFiles(3, 2));
    const sentBefore = server.translateRequests().length;
    const result = await project.run(['translate', '--queue']);

    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Queued 3 jobs');
    expect(result.stderr).toMatch(/No `jialing worker` ran or ended a job of this batch for 2 s \(queue\.waitSeconds\): the 3 jobs not started were cancelled/);
    expect(result.stderr).toContain("Start workers with this project's config and database (`jialing worker --config pipeline.config.json`, reaching postgres://");
    expect(stackFrames(result.stderr)).toEqual([]);
    expect(await project.outputs('de')).toEqual({});
    expect(await project.jobStates()).toEqual({ cancelled: 3 });
    expect(server.translateRequests().length).toBe(sentBefore);
  }, timeout);

  it('tells, while it waits, how long no job has run and how many wait in which queue', async () => {
    project = await QueueProject.create(postgres.url, server.url, { queue: { waitSeconds: 3 } }, numberedArticleFiles(1, 1));
    const config = await loadConfig(undefined, project.dir);
    const stalls: { seconds: number; waiting: number; queue: string; workerCommand: string }[] = [];
    const { report } = await translateInQueue(config, { env: project.env, stallNoticeMs: 1000, onStalled: (stall) => stalls.push(stall) });

    // A notice a second, until it gives up at 3 s, when it says why instead.
    expect(stalls.length).toBeGreaterThanOrEqual(1);
    expect(stalls.map((stall) => stall.waiting)).toEqual(stalls.map(() => 1));
    expect(stalls[0]!.seconds).toBeGreaterThanOrEqual(1);
    expect(stalls.at(-1)!.seconds).toBeLessThan(3);
    // The queue is named as every message names the database: with any password masked.
    expect(stalls[0]!.queue).toBe(maskPassword(project.databaseUrl));
    // Named with the config file the batch was submitted with, which every worker needs.
    expect(stalls[0]!.workerCommand).toBe(`jialing worker --config ${path.join(project.dir, 'pipeline.config.json')}`);
    expect(report.problems.map((problem) => problem.severity === 'error' && problem.message.includes('queue.waitSeconds'))).toContain(true);
  }, timeout);

  it('keeps waiting while a failed job waits out a retry delay longer than queue.waitSeconds', async () => {
    project = await QueueProject.create(postgres.url, server.url, { queue: { waitSeconds: 1, attempts: 2, retryDelaySeconds: 2 } }, numberedArticleFiles(1, 1));
    // Waiting before the batch is queued, so that the first try starts within the second the submitter waits
    // for a worker, however long a worker takes to start on this machine.
    const worker = project.startWorker(['--idle-exit', '10'], { DEEPL_AUTH_KEY: 'wrong-key-789' });
    await whenWaiting(worker);
    const submitter = project.start(['translate', '--queue', '--json']);
    // Every try fails (a wrong key), and no worker may take the job again before its retry delay (2–4 s with
    // pg-boss's backoff) has passed: twice the wait for a worker and more.
    const [submitted, worked] = await Promise.all([submitter.result, worker.result]);

    expect(workerLog(worked.stderr).failed).toEqual(['guide00.md [de]', 'guide00.md [de]']);
    expect(submitted.stderr).not.toContain('queue.waitSeconds');
    const summary = JSON.parse(submitted.stdout) as QueueSummary;
    expect(summary.problems.find((item) => item.file === 'guide00.md')!.message).toContain('failed in the queue after 2 tries and was dead-lettered');
  }, timeout);

  it('keeps waiting while a worker runs a job longer than queue.waitSeconds', async () => {
    project = await QueueProject.create(postgres.url, server.url, { queue: { waitSeconds: 4 } }, numberedArticleFiles(2, 2));
    // Each job takes longer than the wait: a running job is a worker at work, not a missing one.
    server.set([{ fault: { type: 'delay', ms: 6000 }, times: Infinity }]);
    // Started first and waiting, so that the wait measures the jobs, not how long a worker takes to start.
    const worker = project.startWorker(['--concurrency', '1']);
    try {
      const submitted = await project.run(['translate', '--queue']);
      expect(submitted.stderr).not.toContain('queue.waitSeconds');
      expect(submitted.code).toBe(0);
      expect(Object.keys(await project.outputs('de'))).toHaveLength(2);
    } finally {
      server.set([]);
      worker.child.kill('SIGTERM');
      await worker.result;
    }
  }, timeout);
});

describe('Ctrl-C on translate --queue', () => {
  it('cancels the jobs not yet started, writes those that finished, and exits 130', async () => {
    project = await QueueProject.create(postgres.url, server.url, {}, numberedArticleFiles(12, 2));
    server.set([{ fault: { type: 'delay', ms: 300 }, times: Infinity }]);
    try {
      const submitter = project.start(['translate', '--queue']);
      await project.whenQueued();
      const worker = project.startWorker(['--concurrency', '1', '--idle-exit', '2']);
      await signalWhen(submitter, 'SIGINT', () => (progressLines(submitter.output().stderr).length >= 2 ? true : undefined));
      const [submitted, worked] = await Promise.all([submitter.result, worker.result]);

      expect(submitted.code).toBe(130);
      expect(submitted.stderr).toContain('Interrupted');
      const written = progressLines(submitted.stderr).map((line) => line.replace(' [de]', ''));
      expect(Object.keys(await project.outputs('de')).sort()).toEqual(written.sort());
      const states = await project.jobStates();
      expect(states.cancelled).toBeGreaterThan(0);
      expect(states.completed).toBe(workerLog(worked.stderr).done.length);
      expect((states.completed ?? 0) + states.cancelled!).toBe(12);
    } finally {
      server.set([]);
    }
  }, timeout);
});

describe('SIGTERM on a worker', () => {
  it('finishes the job it holds, takes no other, and exits; another worker does the rest', async () => {
    project = await QueueProject.create(postgres.url, server.url, {}, numberedArticleFiles(4, 2));
    server.set([{ fault: { type: 'delay', ms: 300 }, times: Infinity }]);
    try {
      const submitter = project.start(['translate', '--queue']);
      const first = project.startWorker(['--concurrency', '1']);
      await signalWhen(first, 'SIGTERM', () => (workerLog(first.output().stderr).took.length > 0 && server.translateRequests().some((request) => request.outcome === undefined) ? true : undefined));
      const stopped = await first.result;
      expect(stopped.code).toBe(130);
      const log = workerLog(stopped.stderr);
      expect(log.took).toHaveLength(1);
      expect(log.done).toEqual(log.took);

      const second = project.startWorker(['--idle-exit', '2']);
      const [submitted, rest] = await Promise.all([submitter.result, second.result]);
      expect(submitted.code, submitted.stderr).toBe(0);
      expect(workerLog(rest.stderr).done).toHaveLength(3);
      expect(Object.keys(await project.outputs('de'))).toHaveLength(4);
    } finally {
      server.set([]);
    }
  }, timeout);
});

describe('a queue with a SQLite memory', () => {
  it('is refused by translate --queue and worker with exit 2 and what to configure', async () => {
    const dir = await makeTempDir('jialing-queue-sqlite-');
    dirs.push(dir);
    await writeProject(dir, { 'pipeline.config.json': JSON.stringify({ targetLanguages: ['de'], engine: 'pseudo' }), ...numberedArticleFiles(1, 1) });
    for (const args of [['translate', '--queue'], ['worker', '--idle-exit', '0']]) {
      const result = await runCli(args, { cwd: dir });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('PostgreSQL database of the translation memory');
      expect(result.stderr).toContain('JIALING_DATABASE_URL');
      expect(stackFrames(result.stderr)).toEqual([]);
    }
  }, timeout);
});

describe('jialing worker options', () => {
  it('refuses a concurrency below 1 with exit 2 and what was expected', async () => {
    const dir = await makeTempDir('jialing-queue-options-');
    dirs.push(dir);
    const result = await runCli(['worker', '--concurrency', '0'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Expected `--concurrency` to be a whole number ≥ 1, got `0`');
    expect(stackFrames(result.stderr)).toEqual([]);
  }, timeout);
});
