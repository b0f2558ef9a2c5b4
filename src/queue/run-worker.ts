import os from 'node:os';
import type { ResolvedConfig } from '../config/resolve-config.ts';
import type { EngineEnvironment } from '../engines/create-engine.ts';
import { loadGlossary } from '../glossary/load-glossary.ts';
import { JialingError } from '../errors.ts';
import { openMemory } from '../memory/open-memory.ts';
import { jobIdentity } from './job-identity.ts';
import { openQueue } from './open-queue.ts';
import { translateQueue } from './queue-names.ts';
import { endRetries, touchJob } from './queue-tables.ts';
import { JobRefusedError, runJob, type WorkerContext } from './run-job.ts';
import type { JobFailure, TranslateJob } from './translate-job.ts';
import { createWorkerEngines } from './worker-engines.ts';

export interface WorkerOptions {
  /** Jobs run at once. */
  readonly concurrency: number;
  /** Stop once no job has been waiting for this many seconds; run until stopped when absent. */
  readonly idleExitSeconds?: number;
  readonly env: EngineEnvironment;
  /** Once aborted, no new job is taken; the running ones are finished and handed back. */
  readonly signal?: AbortSignal;
  /** One line per job taken and ended, for the worker's log. */
  readonly onLog?: (line: string) => void;
  /** Seconds between looks at an empty queue. */
  readonly pollSeconds?: number;
}

/** What a worker did, for its closing line. */
export interface WorkerSummary {
  completed: number;
  failed: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Takes article × language jobs from the project's queue and runs each through the pipeline until stopped or idle. */
export async function runWorker(config: ResolvedConfig, options: WorkerOptions): Promise<WorkerSummary> {
  const log = options.onLog ?? (() => {});
  const glossary = await loadGlossary(config.localesDir, config.sourceLanguage, config.targetLanguages);
  const queue = await openQueue(config, options.env, { isSupervising: true });
  const memory = await openMemory(config, options.env).catch(async (error: unknown) => {
    await queue.close();
    throw error;
  });
  const engines = createWorkerEngines(config, options.env, queue.pool);
  const worker: WorkerContext = { config, identity: jobIdentity(config, glossary), glossary, engines: engines.source, memory, claimTimes: { leaseMs: config.queue.takeoverSeconds * 1000, pollMs: 250 }, env: options.env, name: `${os.hostname()}:${process.pid}` };
  const summary: WorkerSummary = { completed: 0, failed: 0 };
  const heartbeatMs = Math.max(500, (config.queue.takeoverSeconds * 1000) / 3);
  const pollMs = (options.pollSeconds ?? 0.5) * 1000;
  let busy = 0;
  let lastBusyAt = Date.now();
  const isIdleLongEnough = () => options.idleExitSeconds !== undefined && busy === 0 && Date.now() - lastBusyAt >= options.idleExitSeconds * 1000;

  const runOne = async (id: string, job: TranslateJob) => {
    log(`took ${job.file} [${job.language}]`);
    const heartbeat = setInterval(() => void touchJob(queue.pool, id).catch(() => {}), heartbeatMs);
    try {
      const result = await runJob(job, worker);
      await queue.boss.complete(translateQueue, id, result);
      summary.completed++;
      log(`done ${job.file} [${job.language}]`);
    } catch (error) {
      if (error instanceof JobRefusedError) await endRetries(queue.pool, id);
      const failure: JobFailure = { message: error instanceof JialingError ? error.message : `${error instanceof Error ? `${error.name}: ${error.message}` : String(error)} (a bug in jialing; please report it)` };
      await queue.boss.fail(translateQueue, id, failure);
      summary.failed++;
      log(`failed ${job.file} [${job.language}]: ${failure.message}`);
    } finally {
      clearInterval(heartbeat);
    }
  };

  const slot = async () => {
    while (!options.signal?.aborted) {
      const [taken] = await queue.boss.fetch<TranslateJob>(translateQueue, { batchSize: 1 });
      if (!taken) {
        if (isIdleLongEnough()) return;
        await sleep(pollMs);
        continue;
      }
      busy++;
      try {
        await runOne(taken.id, taken.data);
      } finally {
        busy--;
        lastBusyAt = Date.now();
      }
    }
  };

  log(`waiting for jobs on ${queue.location} (${options.concurrency} at once)`);
  try {
    await Promise.all(Array.from({ length: options.concurrency }, slot));
  } finally {
    await engines.close();
    await memory.close();
    await queue.close();
  }
  return summary;
}
