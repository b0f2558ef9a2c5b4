import { translateArticles } from '../src/run.ts';
import { startDeeplTestServer, type DeeplRecordedRequest } from '../tests/support/deepl-test-server.ts';
import { withBenchProject, type BenchProject } from './bench-project.ts';
import { billedCharacters } from './corpus-texts.ts';
import { timeIt } from './measure.ts';

const authKey = 'secret-test-key-123';

/** What one run against the DeepL test server sent and how long it took. */
export interface DeeplRunResult {
  readonly ms: number;
  readonly requests: number;
  readonly textsSent: number;
  readonly distinctTextsSent: number;
  readonly billedCharacters: number;
  /** Mean requests in flight over the run, from the server's arrival times and the fixed latency. */
  readonly meanInFlight: number;
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
  /** Runs before each timed run on the same project, e.g. to edit an article after a first run. */
  readonly runs?: readonly ((project: BenchProject) => Promise<void>)[];
}

/** Runs the pipeline with engine deepl against a fresh test server with a fixed latency, once per entry of `runs`. */
export async function runDeepl(articlesDir: string, options: DeeplRunOptions): Promise<DeeplRunResult[]> {
  const server = await startDeeplTestServer({ authKey });
  server.set([{ fault: { type: 'delay', ms: options.latencyMs }, times: Infinity }]);
  const env = { DEEPL_AUTH_KEY: authKey, DEEPL_SERVER_URL: server.url };
  try {
    return await withBenchProject(articlesDir, { engine: 'deepl', deepl: { context: options.context, concurrency: options.concurrency } }, async (project) => {
      const results: DeeplRunResult[] = [];
      for (const prepare of options.runs ?? [async () => {}]) {
        await prepare(project);
        const before = server.translateRequests().length;
        const { result, ms } = await timeIt(() => translateArticles(project.config, { env }));
        const requests = server.translateRequests().slice(before);
        const summary = result.report.languages[0];
        results.push({ ...summarise(requests, ms, options.latencyMs), failedSegments: summary?.failedSegments ?? 0, fromMemory: summary?.fromMemory ?? 0 });
      }
      return results;
    });
  } finally {
    await server.close();
  }
}

function summarise(requests: readonly DeeplRecordedRequest[], ms: number, latencyMs: number): Omit<DeeplRunResult, 'failedSegments' | 'fromMemory'> {
  const texts = requests.flatMap((request) => request.texts);
  const failed = requests.filter((request) => request.outcome !== 200);
  if (failed.length > 0) throw new Error(`${failed.length} DeepL requests failed on the test server (first: ${failed[0]!.outcome}).`);
  return {
    ms,
    requests: requests.length,
    textsSent: texts.length,
    distinctTextsSent: new Set(texts).size,
    billedCharacters: texts.reduce((sum, text) => sum + billedCharacters(text), 0),
    meanInFlight: (requests.length * latencyMs) / ms,
    ...(texts.length <= 20 ? { sample: texts } : {}),
  };
}
