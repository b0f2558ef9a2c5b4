import { cp, readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { listFiles, makeTempDir, removeTempDir, runCli, startCli, writeProject, type CliResult, type StartedCli } from '../support/cli.ts';
import { createTestDatabase } from '../support/postgres.ts';

/** The key the DeepL test server accepts. */
export const deeplKey = 'secret-test-key-123';

/** Generous: these tests start many Node processes on a possibly busy machine. */
const cliTimeoutMs = 240_000;

/**
 * A project whose memory and job queue are a fresh PostgreSQL database (named through JIALING_DATABASE_URL),
 * translated with DeepL through a test server; `translate --queue` and `worker` run as real CLI processes.
 */
export class QueueProject {
  readonly dir: string;
  readonly databaseUrl: string;
  readonly deeplUrl: string;

  private constructor(dir: string, databaseUrl: string, deeplUrl: string) {
    this.dir = dir;
    this.databaseUrl = databaseUrl;
    this.deeplUrl = deeplUrl;
  }

  /** Creates the project (config merged over a DeepL one, files) in a new database, migrated. */
  static async create(serverUrl: string, deeplUrl: string, config: Readonly<Record<string, unknown>>, files: Readonly<Record<string, string>>): Promise<QueueProject> {
    const project = new QueueProject(await makeTempDir('jialing-queue-'), await createTestDatabase(serverUrl), deeplUrl);
    await project.write({ 'pipeline.config.json': JSON.stringify({ sourceLanguage: 'en', targetLanguages: ['de'], engine: 'deepl', memory: { url: { env: 'JIALING_DATABASE_URL' } }, ...config }), ...files });
    const migrated = await project.run(['memory', 'migrate']);
    if (migrated.code !== 0) throw new Error(`memory migrate exited ${migrated.code}:\n${migrated.stderr}`);
    return project;
  }

  get env(): Record<string, string> {
    return { JIALING_DATABASE_URL: this.databaseUrl, DEEPL_AUTH_KEY: deeplKey, DEEPL_SERVER_URL: this.deeplUrl };
  }

  run(args: readonly string[], env: Readonly<Record<string, string | undefined>> = {}, cwd = this.dir): Promise<CliResult> {
    return runCli(args, { cwd, env: { ...this.env, ...env }, killAfterMs: cliTimeoutMs });
  }

  start(args: readonly string[], env: Readonly<Record<string, string | undefined>> = {}, cwd = this.dir): StartedCli {
    return startCli(args, { cwd, env: { ...this.env, ...env }, killAfterMs: cliTimeoutMs });
  }

  /** A `jialing worker` process in `cwd` (this project by default), taking jobs until it is stopped or idle. */
  startWorker(args: readonly string[] = [], env: Readonly<Record<string, string | undefined>> = {}, cwd = this.dir): StartedCli {
    return this.start(['worker', ...args], env, cwd);
  }

  /** A copy of the project in a folder of its own: another machine's checkout, sharing the database. */
  async copy(): Promise<string> {
    const dir = await makeTempDir('jialing-queue-checkout-');
    await cp(path.join(this.dir, 'pipeline.config.json'), path.join(dir, 'pipeline.config.json'));
    await cp(path.join(this.dir, 'articles', 'en'), path.join(dir, 'articles', 'en'), { recursive: true });
    return dir;
  }

  /** The outputs in a language, path → content. */
  async outputs(language: string, dir = this.dir): Promise<Record<string, string>> {
    const folder = path.join(dir, 'articles', language);
    const files = await listFiles(folder);
    return Object.fromEntries(await Promise.all(files.map(async (file) => [file, await readFile(path.join(folder, file), 'utf8')] as const)));
  }

  /**
   * Resolves once the submitter has queued a job. A worker started with --idle-exit before then could give up
   * waiting while the submitter is still starting.
   */
  async whenQueued(timeoutMs = 90_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Object.keys(await this.jobStates()).length === 0) {
      if (Date.now() > deadline) throw new Error(`No job was queued within ${timeoutMs / 1000} s.`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** The completed jobs, as `file [language]`, with the worker that completed each (`host:pid`). */
  async completedJobs(): Promise<Map<string, string>> {
    const rows = await this.query<{ job: string; worker: string }>(
      "SELECT (data ->> 'file') || ' [' || (data ->> 'language') || ']' AS job, output ->> 'worker' AS worker FROM jialing_queue.job WHERE name = 'translate' AND state = 'completed'",
    );
    return new Map(rows.map((row) => [row.job, row.worker]));
  }

  /** Job counts per state in the queue's tables. */
  async jobStates(): Promise<Record<string, number>> {
    const rows = await this.query<{ state: string; count: string }>("SELECT state, count(*) FROM jialing_queue.job WHERE name = 'translate' GROUP BY state");
    return Object.fromEntries(rows.map((row) => [row.state, Number(row.count)]));
  }

  /** Rows of a memory table. */
  async rowCount(table: 'suggestions' | 'entries'): Promise<number> {
    const [row] = await this.query<{ count: string }>(`SELECT count(*) FROM ${table}`);
    return Number(row!.count);
  }

  private async query<T extends pg.QueryResultRow>(statement: string): Promise<T[]> {
    const client = new pg.Client({ connectionString: this.databaseUrl });
    await client.connect();
    try {
      return (await client.query<T>(statement)).rows;
    } finally {
      await client.end();
    }
  }

  write(files: Readonly<Record<string, string>>, dir = this.dir): Promise<void> {
    return writeProject(dir, files);
  }

  remove(): Promise<void> {
    return removeTempDir(this.dir);
  }
}

/** The files and languages the submitter's progress lines (`de  guide01.md  4 segments`) name, one entry per line. */
export function progressLines(stderr: string): string[] {
  return stderr.split('\n').flatMap((line) => {
    const match = /^(\S+) {2}(\S+\.md) {2}\d+ segments/.exec(line);
    return match ? [`${match[2]} [${match[1]}]`] : [];
  });
}

/** Resolves once a started worker says it waits for jobs: from then on it takes each job at its next look. */
export async function whenWaiting(worker: StartedCli, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!worker.output().stderr.includes('worker: waiting for jobs')) {
    if (worker.child.exitCode !== null || Date.now() > deadline) throw new Error(`The worker did not start waiting for jobs:\n${worker.output().stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** What a worker's log says it took and finished, as `file [lang]`. */
export function workerLog(stderr: string): { took: string[]; done: string[]; failed: string[] } {
  const of = (verb: string) => stderr.split('\n').flatMap((line) => (line.startsWith(`worker: ${verb} `) ? [line.slice(`worker: ${verb} `.length).replace(/(\])(: .*)$/, '$1')] : []));
  return { took: of('took'), done: of('done'), failed: of('failed') };
}
