import { frontmatterKeys, repoLocales } from './bench-project.ts';
import type { BenchOptions } from './bench-options.ts';
import { billedCharacters, corpusTexts, type CorpusTexts } from './corpus-texts.ts';
import { runClientAlone, runDeepl, withDeeplServer, type DeeplRunResult } from './deepl-run.ts';
import { checked, info, seconds, type Figure } from './figure.ts';
import { loadCorpus } from './load-corpus.ts';
import { median, medianBy } from './measure.ts';
import { describePartial } from './timed-run.ts';
import { writeCorpus } from './write-corpus.ts';

const section = '3 deepl';
const textsPerRequest = 50;
const minShareOfIdeal = 0.95;

/** The DeepL path against the test server: throughput against the ideal, requests against the minimum, billing against what is new. */
export async function benchDeepl(options: BenchOptions): Promise<{ figures: Figure[]; details: object }> {
  const folder = await writeCorpus(options.seed, options.deeplArticles);
  const articles = await loadCorpus(folder);
  const texts = await corpusTexts(articles, repoLocales, frontmatterKeys);
  const { latencyMs, concurrency } = options;
  const budgetMs = options.runBudgetMs;
  const { offRuns, contextOn, clientAloneMs } = await withDeeplServer(async (server) => {
    // Measured warm, as the other sections are: a first run of the same corpus pays for compiling the code and
    // starting the segmenting thread, which a long run pays once and a run of this size would pay in full.
    await runDeepl(folder, { latencyMs, concurrency, context: false, budgetMs, server });
    // The rate checked is that of the median of several runs, as other sections take medians: one run moves by
    // a few percent with the machine's load.
    const offRuns: DeeplRunResult[] = [];
    for (let round = 0; round < options.repeats; round++) offRuns.push((await runDeepl(folder, { latencyMs, concurrency, context: false, budgetMs, server }))[0]!);
    const [contextOn] = await runDeepl(folder, { latencyMs, concurrency, context: true, budgetMs, server });
    const clientAloneMs = await runClientAlone(server, texts.unique, { latencyMs, concurrency, textsPerRequest, runs: Math.min(3, options.repeats) });
    return { offRuns, contextOn, clientAloneMs };
  });
  const contextOff = medianBy(offRuns, (result) => result.run.ms);
  const offMinimum = Math.ceil(texts.unique.length / textsPerRequest);
  const offIdealMs = idealMs(offMinimum, options);
  const onMinimum = minimumWithContext(texts);
  const newCharacters = texts.unique.reduce((sum, text) => sum + billedCharacters(text), 0);
  const figures: Figure[] = [
    info(section, 'corpus', articles.length, `${articles.length} articles, ${texts.unique.length} unique texts, ${newCharacters} characters`),
    info(section, 'test server', latencyMs, `${latencyMs} ms per request, concurrency ${concurrency}, ${textsPerRequest} texts per request`),
    ...runFigures('context off', offRuns, offMinimum, texts.unique.length, options, true),
    info(section, 'deepl-node alone, same requests: achieved / ideal rate', offIdealMs / median(clientAloneMs), `${((offIdealMs / median(clientAloneMs)) * 100).toFixed(1)}% (${seconds(median(clientAloneMs))}, median of ${clientAloneMs.length}): what this machine allows`),
    checked(section, 'context off: billed / new characters', contextOff.billedCharacters / newCharacters, `${contextOff.billedCharacters} / ${newCharacters}`, '= 1.00', offRuns.every((result) => result.billedCharacters === newCharacters)),
    ...runFigures('context on', [contextOn!], onMinimum, texts.unique.length, options, false),
  ];
  return { figures, details: { articles: articles.length, uniqueTexts: texts.unique.length, newCharacters, minimumRequests: { contextOff: offMinimum, contextOn: onMinimum }, contextOff, contextOffRuns: offRuns.map((result) => result.run.ms), contextOn, clientAloneMs } };
}

// Judged on the run of median time; every run must spend the minimum and send each text once.
function runFigures(label: string, runs: readonly DeeplRunResult[], minimumRequests: number, uniqueTexts: number, options: BenchOptions, isRateChecked: boolean): Figure[] {
  const result = medianBy(runs, (candidate) => candidate.run.ms);
  const { run } = result;
  const ideal = uniqueTexts / (idealMs(minimumRequests, options) / 1000);
  // A run stopped at its budget is judged on the texts it got answered in the time it ran.
  const shareOf = (candidate: DeeplRunResult) => (candidate.run.isComplete ? uniqueTexts : candidate.distinctTextsSent) / (candidate.run.ms / 1000) / ideal;
  const share = shareOf(result);
  const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
  const shares = runs.map(shareOf).sort((a, b) => a - b);
  const spread = runs.length > 1 ? `; ${percent(shares[0]!)}–${percent(shares.at(-1)!)} over ${runs.length} runs` : '';
  const rate = `${Math.round(share * ideal)} / ${Math.round(ideal)} segments/s (${percent(share)}${spread})`;
  const first = result.firstRequestMs === undefined ? 'no request' : `first request after ${seconds(result.firstRequestMs)}`;
  const time = run.isComplete ? seconds(run.ms) : describePartial(run);
  const requestsShown = `${result.requests} / ${minimumRequests}${run.isComplete ? '' : ' (run stopped)'}${runs.length > 1 ? ` (${runs.map((candidate) => candidate.requests).join(', ')} in the ${runs.length} runs)` : ''}`;
  const isEveryRunMinimal = runs.every((candidate) => candidate.run.isComplete && candidate.requests === minimumRequests);
  return [
    info(section, `${label}: run time`, run.ms, `${time} (ideal ${seconds(idealMs(minimumRequests, options))}; ${first}; ${result.meanInFlight.toFixed(1)} requests in flight on average; pipeline CPU ${seconds(result.cpuMs)})`),
    isRateChecked
      ? checked(section, `${label}: achieved / ideal rate`, share, rate, `≥ ${minShareOfIdeal * 100}%`, share >= minShareOfIdeal)
      : info(section, `${label}: achieved / ideal rate`, share, rate),
    checked(section, `${label}: requests / minimum`, result.requests, requestsShown, '= minimum', isEveryRunMinimal),
    checked(section, `${label}: texts sent / unique`, result.textsSent, `${result.textsSent} / ${uniqueTexts}`, '= unique', runs.every((candidate) => candidate.textsSent === uniqueTexts)),
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

// Ideal: every request full and `concurrency` of them always in flight, so the run lasts whole rounds of latency.
function idealMs(minimumRequests: number, options: Pick<BenchOptions, 'concurrency' | 'latencyMs'>): number {
  return Math.ceil(minimumRequests / options.concurrency) * options.latencyMs;
}
