import { frontmatterKeys, repoLocales } from './bench-project.ts';
import type { BenchOptions } from './bench-options.ts';
import { billedCharacters, corpusTexts, type CorpusTexts } from './corpus-texts.ts';
import { runDeepl, type DeeplRunResult } from './deepl-run.ts';
import { checked, info, seconds, type Figure } from './figure.ts';
import { loadCorpus } from './load-corpus.ts';
import { describePartial } from './timed-run.ts';
import { writeCorpus } from './write-corpus.ts';

const section = '3 deepl';
const textsPerRequest = 50;
const minShareOfIdeal = 0.9;

/** The DeepL path against the test server: throughput against the ideal, requests against the minimum, billing against what is new. */
export async function benchDeepl(options: BenchOptions): Promise<{ figures: Figure[]; details: object }> {
  const folder = await writeCorpus(options.seed, options.deeplArticles);
  const articles = await loadCorpus(folder);
  const texts = await corpusTexts(articles, repoLocales, frontmatterKeys);
  const { latencyMs, concurrency } = options;
  const budgetMs = options.runBudgetMs;
  // Measured warm, as the other sections are: a first run of the same corpus pays for compiling the code and
  // starting the segmenting thread, which a long run pays once and a run of this size would pay in full.
  await runDeepl(folder, { latencyMs, concurrency, context: false, budgetMs });
  const [contextOff] = await runDeepl(folder, { latencyMs, concurrency, context: false, budgetMs });
  const [contextOn] = await runDeepl(folder, { latencyMs, concurrency, context: true, budgetMs });
  const offMinimum = Math.ceil(texts.unique.length / textsPerRequest);
  const onMinimum = minimumWithContext(texts);
  const newCharacters = texts.unique.reduce((sum, text) => sum + billedCharacters(text), 0);
  const figures: Figure[] = [
    info(section, 'corpus', articles.length, `${articles.length} articles, ${texts.unique.length} unique texts, ${newCharacters} characters`),
    info(section, 'test server', latencyMs, `${latencyMs} ms per request, concurrency ${concurrency}, ${textsPerRequest} texts per request`),
    ...runFigures('context off', contextOff!, offMinimum, texts.unique.length, options, true),
    checked(section, 'context off: billed / new characters', contextOff!.billedCharacters / newCharacters, `${contextOff!.billedCharacters} / ${newCharacters}`, '= 1.00', contextOff!.billedCharacters === newCharacters),
    ...runFigures('context on', contextOn!, onMinimum, texts.unique.length, options, false),
  ];
  return { figures, details: { articles: articles.length, uniqueTexts: texts.unique.length, newCharacters, minimumRequests: { contextOff: offMinimum, contextOn: onMinimum }, contextOff, contextOn } };
}

function runFigures(label: string, result: DeeplRunResult, minimumRequests: number, uniqueTexts: number, options: BenchOptions, isRateChecked: boolean): Figure[] {
  const { run } = result;
  // Ideal: every request full and `concurrency` of them always in flight, so the run lasts whole rounds of latency.
  const idealMs = Math.ceil(minimumRequests / options.concurrency) * options.latencyMs;
  // A run stopped at its budget is judged on the texts it got answered in the time it ran.
  const achieved = (run.isComplete ? uniqueTexts : result.distinctTextsSent) / (run.ms / 1000);
  const ideal = uniqueTexts / (idealMs / 1000);
  const share = achieved / ideal;
  const rate = `${Math.round(achieved)} / ${Math.round(ideal)} segments/s (${(share * 100).toFixed(0)}%)`;
  const first = result.firstRequestMs === undefined ? 'no request' : `first request after ${seconds(result.firstRequestMs)}`;
  const time = run.isComplete ? seconds(run.ms) : describePartial(run);
  const requestsShown = `${result.requests} / ${minimumRequests}${run.isComplete ? '' : ' (run stopped)'}`;
  return [
    info(section, `${label}: run time`, run.ms, `${time} (ideal ${seconds(idealMs)}; ${first}; ${result.meanInFlight.toFixed(1)} requests in flight on average; pipeline CPU ${seconds(result.cpuMs)})`),
    isRateChecked
      ? checked(section, `${label}: achieved / ideal rate`, share, rate, `≥ ${minShareOfIdeal * 100}%`, share >= minShareOfIdeal)
      : info(section, `${label}: achieved / ideal rate`, share, rate),
    checked(section, `${label}: requests / minimum`, result.requests, requestsShown, '= minimum', run.isComplete && result.requests === minimumRequests),
    checked(section, `${label}: texts sent / unique`, result.textsSent, `${result.textsSent} / ${uniqueTexts}`, '= unique', result.textsSent === uniqueTexts),
  ];
}

// With context on, texts of different titles cannot share a request: each title's new texts fill their own requests.
function minimumWithContext(texts: CorpusTexts): number {
  const seen = new Set<string>();
  const newByContext = new Map<string, number>();
  for (const { context, texts: articleTexts } of texts.articles) {
    const fresh = articleTexts.filter((text) => !seen.has(text));
    for (const text of fresh) seen.add(text);
    newByContext.set(context, (newByContext.get(context) ?? 0) + fresh.length);
  }
  return [...newByContext.values()].reduce((sum, count) => sum + Math.ceil(count / textsPerRequest), 0);
}
