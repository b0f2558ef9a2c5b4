import { startOpenAiTestServer, type OpenAiTestServer } from '../tests/support/openai-test-server.ts';
import { frontmatterKeys, repoLocales, withBenchProject } from './bench-project.ts';
import type { BenchOptions } from './bench-options.ts';
import { corpusTexts } from './corpus-texts.ts';
import { checked, info, seconds, type Figure } from './figure.ts';
import { loadCorpus } from './load-corpus.ts';
import { medianBy } from './measure.ts';
import { describePartial, timedRun, type TimedRun } from './timed-run.ts';
import { writeCorpus } from './write-corpus.ts';

const section = '3b llm';
const maxTexts = 40;
const maxCharacters = 8000;
const minShareOfIdeal = 0.9;

interface LlmRun {
  readonly run: Omit<TimedRun, 'report'>;
  readonly requests: number;
  readonly textsSent: number;
  readonly promptTokens: number;
  readonly completionTokens: number;
  /** Requests the run sent after the first, on the same project: a second run with nothing new. */
  readonly secondRunRequests: number;
}

/**
 * The LLM path against the OpenAI-compatible test server with a fixed latency: throughput against the ideal for the
 * concurrency, requests against the minimum packing of the corpus at the configured limits, and a second run.
 */
export async function benchLlm(options: BenchOptions): Promise<{ figures: Figure[]; details: object }> {
  const folder = await writeCorpus(options.seed, options.deeplArticles);
  const articles = await loadCorpus(folder);
  const { unique } = await corpusTexts(articles, repoLocales, frontmatterKeys);
  const server = await startOpenAiTestServer({ latencyMs: options.latencyMs });
  try {
    // Warm first, as the other sections measure: compiling the code and starting the segmenting thread are paid once.
    await runLlm(folder, server, options);
    const runs: LlmRun[] = [];
    for (let round = 0; round < options.repeats; round++) runs.push(await runLlm(folder, server, options));
    const result = medianBy(runs, (candidate) => candidate.run.ms);
    const minimum = minimumRequests(unique);
    const idealMs = Math.ceil(minimum / options.concurrency) * options.latencyMs;
    const ideal = unique.length / (idealMs / 1000);
    // A run stopped at its budget is judged on the texts it got answered in the time it ran.
    const share = (result.run.isComplete ? unique.length : result.textsSent) / (result.run.ms / 1000) / ideal;
    const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
    const figures: Figure[] = [
      info(section, 'corpus', unique.length, `${articles.length} articles, ${unique.length} unique texts`),
      info(section, 'test server', options.latencyMs, `${options.latencyMs} ms per request, concurrency ${options.concurrency}, ${maxTexts} texts or ${maxCharacters} bytes per request`),
      info(section, 'run time', result.run.ms, `${result.run.isComplete ? seconds(result.run.ms) : describePartial(result.run)} (ideal ${seconds(idealMs)})`),
      checked(section, 'achieved / ideal rate', share, `${Math.round(share * ideal)} / ${Math.round(ideal)} segments/s (${percent(share)})`, `≥ ${minShareOfIdeal * 100}%`, share >= minShareOfIdeal),
      checked(section, 'requests / minimum', result.requests, `${result.requests} / ${minimum}${result.run.isComplete ? '' : ' (run stopped)'} (${runs.map((run) => run.requests).join(', ')} in the ${runs.length} runs)`, '= minimum', runs.every((run) => run.run.isComplete && run.requests === minimum)),
      checked(section, 'texts sent / unique', result.textsSent, `${result.textsSent} / ${unique.length}`, '= unique', runs.every((run) => run.textsSent === unique.length)),
      checked(section, 'second run: requests', result.secondRunRequests, String(result.secondRunRequests), '= 0', runs.every((run) => run.secondRunRequests === 0)),
      info(section, 'tokens per segment', result.promptTokens / unique.length, `${(result.promptTokens / unique.length).toFixed(0)} prompt, ${(result.completionTokens / unique.length).toFixed(0)} completion`),
    ];
    return { figures, details: { articles: articles.length, uniqueTexts: unique.length, minimumRequests: minimum, idealMs, runs } };
  } finally {
    await server.close();
  }
}

async function runLlm(folder: string, server: OpenAiTestServer, options: BenchOptions): Promise<LlmRun> {
  const env = { OPENAI_BASE_URL: server.url };
  const llm = { model: 'bench-model', concurrency: options.concurrency, maxTextsPerRequest: maxTexts, maxCharactersPerRequest: maxCharacters };
  return withBenchProject(folder, { engine: 'llm', llm }, async (project) => {
    const before = server.requests.length;
    const { report, ...run } = await timedRun(project.config, { env, budgetMs: options.runBudgetMs });
    const sent = server.requests.slice(before);
    const afterFirst = server.requests.length;
    await timedRun(project.config, { env, budgetMs: options.runBudgetMs });
    const summary = report.languages[0];
    return {
      run,
      requests: sent.length,
      textsSent: sent.filter((request) => request.outcome === 200).flatMap((request) => request.texts).length,
      promptTokens: summary?.promptTokens ?? 0,
      completionTokens: summary?.completionTokens ?? 0,
      secondRunRequests: server.requests.length - afterFirst,
    };
  });
}

// Texts in the order the corpus first has them, each request filled until the next text would pass a limit.
function minimumRequests(texts: readonly string[]): number {
  let requests = 0;
  let count = maxTexts;
  let bytes = 0;
  for (const text of texts) {
    const size = Buffer.byteLength(text);
    if (count >= maxTexts || bytes + size > maxCharacters) {
      requests++;
      count = 0;
      bytes = 0;
    }
    count++;
    bytes += size;
  }
  return requests;
}
