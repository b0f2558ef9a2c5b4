import * as deepl from 'deepl-node';
import { withBenchProject, type BenchProject } from './bench-project.ts';
import { billedCharacters } from './corpus-texts.ts';
import { startDeeplServerProcess, type DeeplServerProcess } from './deepl-server-client.ts';
import type { ServedRequest } from './deepl-server-process.ts';
import { timeWithCpu } from './measure.ts';
import { timedRun, type TimedRun } from './timed-run.ts';

const authKey = 'secret-test-key-123';

/** What one run against the DeepL test server sent and how long it took. */
export interface DeeplRunResult {
  readonly run: Omit<TimedRun, 'report'>;
  readonly requests: number;
  readonly textsSent: number;
  readonly distinctTextsSent: number;
  readonly billedCharacters: number;
  /** Mean requests in flight over the run, from the number of requests and the fixed latency. */
  readonly meanInFlight: number;
  /** CPU time of the pipeline's process over the run: near the wall time, the run waited on itself, not on DeepL. */
  readonly cpuMs: number;
  /** Milliseconds from the start of the run to the first translate request. */
  readonly firstRequestMs?: number;
  readonly failedSegments: number;
  /** Segments the run took from the translation memory, as its report counts them. */
  readonly fromMemory: number;
  /** The texts sent, when there are few enough to read. */
  readonly sample?: readonly string[];
}

export interface DeeplRunOptions {
  readonly latencyMs: number;
  readonly concurrency: number;
  readonly context: boolean;
  readonly budgetMs: number;
  /** Runs before each timed run on the same project, e.g. to edit an article after a first run. */
  readonly runs?: readonly ((project: BenchProject) => Promise<void>)[];
  /** A test server already running (see `withDeeplServer`); without one, the runs get a fresh one. */
  readonly server?: DeeplServerProcess;
}

/**
 * Runs `action` with one test server for all its runs. A fresh server process compiles its own code on its first
 * requests and answers them late: runs compared with the ideal, or with one another, share a server warmed up once.
 */
export async function withDeeplServer<T>(action: (server: DeeplServerProcess) => Promise<T>): Promise<T> {
  const server = await startDeeplServerProcess(authKey);
  try {
    return await action(server);
  } finally {
    await server.close();
  }
}

/** Runs the pipeline with engine deepl against the test server with a fixed latency, once per entry of `runs`. */
export async function runDeepl(articlesDir: string, options: DeeplRunOptions): Promise<DeeplRunResult[]> {
  if (!options.server) return withDeeplServer((server) => runDeepl(articlesDir, { ...options, server }));
  const { server } = options;
  await server.setLatency(options.latencyMs);
  const env = { DEEPL_AUTH_KEY: authKey, DEEPL_SERVER_URL: server.url };
  return withBenchProject(articlesDir, { engine: 'deepl', deepl: { context: options.context, concurrency: options.concurrency } }, async (project) => {
    const results: DeeplRunResult[] = [];
    for (const prepare of options.runs ?? [async () => {}]) {
      await prepare(project);
      const before = (await server.translateRequests()).length;
      const startedAt = Date.now();
      const { result: { report, ...run }, cpuMs } = await timeWithCpu(() => timedRun(project.config, { env, budgetMs: options.budgetMs }));
      const summary = report.languages[0];
      results.push({
        run,
        cpuMs,
        ...summarise((await server.translateRequests()).slice(before), run.ms, options.latencyMs, startedAt),
        failedSegments: summary?.failedSegments ?? 0,
        fromMemory: summary?.fromMemory ?? 0,
      });
    }
    return results;
  });
}

function summarise(requests: readonly ServedRequest[], ms: number, latencyMs: number, startedAt: number) {
  const answered = requests.filter((request) => request.outcome === 200);
  const texts = answered.flatMap((request) => request.texts);
  return {
    requests: requests.length,
    textsSent: texts.length,
    distinctTextsSent: new Set(texts).size,
    billedCharacters: texts.reduce((sum, text) => sum + billedCharacters(text), 0),
    meanInFlight: (requests.length * latencyMs) / ms,
    ...(requests[0] ? { firstRequestMs: requests[0].receivedAt - startedAt } : {}),
    ...(texts.length <= 20 ? { sample: texts } : {}),
  };
}

/**
 * deepl-node alone against the test server: the texts in requests of `textsPerRequest`, `concurrency` at a
 * time, nothing else done. What this machine allows the pipeline at best; returns each run's milliseconds.
 */
export async function runClientAlone(
  server: DeeplServerProcess,
  texts: readonly string[],
  options: { readonly latencyMs: number; readonly concurrency: number; readonly textsPerRequest: number; readonly runs: number },
): Promise<number[]> {
  await server.setLatency(options.latencyMs);
  const translator = new deepl.Translator(authKey, { serverUrl: server.url });
  const requests: string[][] = [];
  for (let start = 0; start < texts.length; start += options.textsPerRequest) requests.push(texts.slice(start, start + options.textsPerRequest));
  const runOnce = async () => {
    let next = 0;
    const started = performance.now();
    const sender = async () => {
      while (next < requests.length) await translator.translateText(requests[next++]!, 'en', 'es');
    };
    await Promise.all(Array.from({ length: options.concurrency }, sender));
    return performance.now() - started;
  };
  // The first run warms up the connections and the code, as the pipeline's runs are measured warm.
  await runOnce();
  const runs: number[] = [];
  for (let round = 0; round < options.runs; round++) runs.push(await runOnce());
  return runs;
}
