import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { BenchOptions } from './bench-options.ts';
import { frontmatterKeys, repoLocales } from './bench-project.ts';
import { startDeeplServerProcess } from './deepl-server-client.ts';
import { checked, info, seconds, times, type Figure } from './figure.ts';
import { runCommand } from './run-command.ts';
import { writeCorpus } from './write-corpus.ts';

const section = '9 workers';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'bin', 'jialing.js');
const authKey = 'secret-test-key-123';
// The issue's figure: a paid engine answering in 200 ms, so that the workers' waiting is what they share out.
const latencyMs = 200;
const jobsPerWorker = 2;
const workerCounts = [1, 2, 4] as const;
const targets: Record<number, number> = { 2: 1.8, 4: 3.4 };

/**
 * Scale-out of queued batches: the same corpus through `translate --queue` with 1, 2 and 4 `jialing worker`
 * processes (each on a fresh database, so none finds the others' translations), throughput against 1 worker.
 */
export async function benchWorkers(options: BenchOptions): Promise<{ figures: Figure[]; details: object }> {
  const corpus = await writeCorpus(options.seed, options.deeplArticles);
  const postgres = await startPostgres();
  const server = await startDeeplServerProcess(authKey);
  await server.setLatency(latencyMs);
  const runs: { workers: number; seconds: number; jobs: number; jobsPerSecond: number; requests: number; workerCpuSeconds: number }[] = [];
  try {
    for (const workers of workerCounts) {
      const before = (await server.translateRequests()).length;
      const run = await runBatch(corpus, postgres.url, { DEEPL_AUTH_KEY: authKey, DEEPL_SERVER_URL: server.url }, workers, options.scaleBudgetMs);
      runs.push({ workers, ...run, jobsPerSecond: run.jobs / run.seconds, requests: (await server.translateRequests()).length - before });
    }
  } finally {
    await server.close();
    await postgres.stop();
  }
  const base = runs[0]!.jobsPerSecond;
  const figures: Figure[] = [
    info(section, 'corpus', runs[0]!.jobs, `${runs[0]!.jobs} jobs (articles × 1 language), ${latencyMs} ms per DeepL request, ${jobsPerWorker} jobs at once per worker`),
    ...runs.map((run) => {
      const ratio = run.jobsPerSecond / base;
      const cpu = `workers' CPU ${((run.workerCpuSeconds * 1000) / run.jobs).toFixed(0)} ms/job`;
      const shown = `${run.jobsPerSecond.toFixed(1)} jobs/s (${seconds(run.seconds * 1000)}, ${run.requests} requests, ${cpu})${run.workers > 1 ? `, ${times(ratio)} of 1 worker` : ''}`;
      const target = targets[run.workers];
      return target === undefined ? info(section, `${run.workers} worker`, run.jobsPerSecond, shown) : checked(section, `${run.workers} workers / 1`, ratio, shown, `≥ ${target}×`, ratio >= target);
    }),
  ];
  return { figures, details: { latencyMs, jobsPerWorker, runs, cpus: os.availableParallelism() } };
}

/** One queued batch: workers started and waiting, then the submitter timed from its jobs being queued to its exit. */
async function runBatch(corpus: string, serverUrl: string, engineEnv: Record<string, string>, workerCount: number, budgetMs: number): Promise<{ seconds: number; jobs: number; workerCpuSeconds: number }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'jialing-bench-workers-'));
  const databaseUrl = await createDatabase(serverUrl);
  const config = { sourceLanguage: 'en', targetLanguages: ['es'], articles: corpus, output: path.join(dir, 'out', '{lang}'), locales: repoLocales, frontmatter: frontmatterKeys, engine: 'deepl', deepl: { context: false }, memory: { url: { env: 'JIALING_DATABASE_URL' } }, report: path.join(dir, 'report'), resources: { namespaces: [] } };
  await writeFile(path.join(dir, 'pipeline.config.json'), JSON.stringify(config));
  const env = { ...process.env, ...engineEnv, JIALING_DATABASE_URL: databaseUrl, CI: 'true' };
  const workers: ChildProcess[] = [];
  try {
    const migrated = await runCommand(process.execPath, [cli, 'memory', 'migrate'], { cwd: dir, env });
    if (migrated.code !== 0) throw new Error(`memory migrate failed: ${migrated.stderr}`);
    const ready = Array.from({ length: workerCount }, () => {
      const worker = spawn(process.execPath, [cli, 'worker', '--concurrency', String(jobsPerWorker)], { cwd: dir, env, stdio: ['ignore', 'ignore', 'pipe'] });
      workers.push(worker);
      return untilLine(worker, 'worker: waiting for jobs');
    });
    await Promise.all(ready);
    const submitter = spawn(process.execPath, [cli, 'translate', '--queue'], { cwd: dir, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let log = '';
    submitter.stderr.on('data', (chunk: Buffer) => (log += chunk.toString('utf8')));
    const timer = setTimeout(() => submitter.kill('SIGKILL'), budgetMs);
    const queuedLine = await untilLine(submitter, 'Queued ');
    const queuedAt = performance.now();
    const code = await new Promise<number | null>((resolve) => submitter.on('close', resolve));
    clearTimeout(timer);
    if (code !== 0) throw new Error(`translate --queue with ${workerCount} workers exited ${code}:\n${log.split('\n').filter((line) => /^(error|warning):/.test(line)).join('\n')}`);
    const workerCpuSeconds = (await Promise.all(workers.map((worker) => cpuSecondsOf(worker.pid!)))).reduce((sum, value) => sum + value, 0);
    return { seconds: (performance.now() - queuedAt) / 1000, jobs: Number(/Queued (\d+) jobs/.exec(queuedLine)![1]), workerCpuSeconds };
  } finally {
    for (const worker of workers) worker.kill('SIGTERM');
    await Promise.all(workers.map((worker) => (worker.exitCode === null ? new Promise((resolve) => worker.on('close', resolve)) : undefined)));
    await rm(dir, { recursive: true, force: true });
    await dropDatabase(serverUrl, databaseUrl);
  }
}

// User and system CPU of a running process so far, from /proc (Linux); 0 where it cannot be read.
async function cpuSecondsOf(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return Number.isFinite(ticks) ? ticks / 100 : 0;
}

function untilLine(child: ChildProcess, start: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const onData = (chunk: Buffer) => {
      text += chunk.toString('utf8');
      const line = text.split('\n').find((candidate) => candidate.startsWith(start));
      if (line === undefined) return;
      child.stderr!.off('data', onData);
      // Keep draining, so a chatty process never blocks on a full pipe.
      child.stderr!.resume();
      resolve(line);
    };
    child.stderr!.on('data', onData);
    child.once('close', (code) => reject(new Error(`The process exited (${code}) before printing "${start}":\n${text}`)));
  });
}

/** The server CI started, or a throw-away cluster of our own. */
async function startPostgres(): Promise<{ url: string; stop: () => Promise<void> }> {
  const given = process.env.JIALING_TEST_DATABASE_URL;
  if (given) return { url: given, stop: async () => {} };
  const folder = await mkdtemp(path.join(os.tmpdir(), 'jialing-bench-postgres-'));
  const started = await runCommand('bash', [path.join(root, 'scripts', 'start-postgres.sh'), '0', folder]);
  if (started.code !== 0) throw new Error(`PostgreSQL could not be started: ${started.stderr}`);
  return { url: started.stdout.trim(), stop: async () => void (await runCommand('bash', [path.join(root, 'scripts', 'stop-postgres.sh'), folder])) };
}

let databases = 0;

async function createDatabase(serverUrl: string): Promise<string> {
  const name = `jialing_bench_${process.pid}_${++databases}`;
  await onServer(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function dropDatabase(serverUrl: string, databaseUrl: string): Promise<void> {
  await onServer(serverUrl, `DROP DATABASE IF EXISTS ${new URL(databaseUrl).pathname.slice(1)} WITH (FORCE)`);
}

async function onServer(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
