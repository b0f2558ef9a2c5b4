import os from 'node:os';
import { frontmatterKeys, withBenchProject } from './bench-project.ts';
import type { BenchOptions } from './bench-options.ts';
import { checked, info, seconds, times, type Figure } from './figure.ts';
import { loadCorpus } from './load-corpus.ts';
import { compareMedians, median, withCpu, type OwnTime } from './measure.ts';
import { bareRoundTrip, pipelineRoundTrip } from './round-trips.ts';
import { describePartial, timedRun, type TimedRun } from './timed-run.ts';
import { writeCorpus } from './write-corpus.ts';

const section = '1 overhead';
// The pieces alone must stay close to the baseline; the whole run may add at most this much to it.
const maxPiecesRatio = 1.5;
const maxRunRatio = 1.15;

/** Pipeline overhead: the pipeline's pieces and a full copy-engine run against a bare remark round trip of the same files. */
export async function benchOverhead(options: BenchOptions): Promise<{ figures: Figure[]; details: object }> {
  const folder = await writeCorpus(options.seed, options.articles);
  const articles = await loadCorpus(folder);
  // Warming up on the corpus's first articles (a corpus of its own) gets the JIT going without another full pass.
  const warmUpFolder = await writeCorpus(options.seed, Math.min(articles.length, 20));
  const warmUpArticles = await loadCorpus(warmUpFolder);
  let changedByPieces = 0;
  let lastRun: TimedRun | undefined;
  // CPU time of every thread: the run parses on a second one, so its wall time hides part of its cost.
  const cpu = { bare: [] as number[], run: [] as number[] };
  const timings = await compareMedians(
    {
      bare: () => withCpu(cpu.bare, () => bareRoundTrip(articles)),
      pieces: async () => (changedByPieces = await pipelineRoundTrip(articles, frontmatterKeys)),
      run: async (): Promise<OwnTime> => {
        lastRun = await withCpu(cpu.run, () => copyRun(folder, options.runBudgetMs));
        // A run stopped at its budget counts as its rate over the whole corpus.
        return { ownMs: lastRun.isComplete ? lastRun.ms : lastRun.msPerArticle * articles.length };
      },
    },
    {
      repeats: options.repeats,
      budgetMs: options.runBudgetMs * 2,
      warmUp: { bare: () => bareRoundTrip(warmUpArticles), pieces: () => pipelineRoundTrip(warmUpArticles, frontmatterKeys), run: () => copyRun(warmUpFolder, options.runBudgetMs) },
    },
  );
  const perArticle = (ms: number) => `${(ms / articles.length).toFixed(2)} ms/article`;
  const piecesRatio = timings.pieces.median / timings.bare.median;
  const runRatio = timings.run.median / timings.bare.median;
  const cpuRatio = median(cpu.run) / median(cpu.bare);
  const runShown = lastRun?.isComplete === false ? describePartial(lastRun) : `${seconds(timings.run.median)} (${perArticle(timings.run.median)})`;
  const figures = [
    info(section, 'corpus', articles.length, `${articles.length} articles, ${(articles.reduce((sum, article) => sum + article.text.length, 0) / 1e6).toFixed(1)} MB`),
    info(section, 'bare remark parse → stringify', timings.bare.median, `${seconds(timings.bare.median)} (${perArticle(timings.bare.median)})`),
    info(section, 'pieces: parse → segments → copy → rebuild', timings.pieces.median, `${seconds(timings.pieces.median)} (${perArticle(timings.pieces.median)})`),
    info(section, 'translateArticles, engine copy', timings.run.median, runShown),
    checked(section, 'pieces / bare', piecesRatio, times(piecesRatio), `≤ ${times(maxPiecesRatio)}`, piecesRatio <= maxPiecesRatio),
    checked(section, 'translateArticles / bare', runRatio, times(runRatio), `≤ ${times(maxRunRatio)}`, runRatio <= maxRunRatio),
    info(section, 'CPU time, translateArticles / bare', cpuRatio, `${times(cpuRatio)} (${seconds(median(cpu.run))} on ${os.availableParallelism()} cores, against ${seconds(median(cpu.bare))})`),
    checked(section, 'pieces: outputs differing from source', changedByPieces, String(changedByPieces), '0', changedByPieces === 0),
  ];
  return { figures, details: { articles: articles.length, timingsMs: timings, cpuMs: cpu, lastRun: lastRun && { ...lastRun, report: undefined } } };
}

/** A full run with the copy engine on a fresh project (the glossary's terms still get their target forms), stopped at the budget. */
async function copyRun(folder: string, budgetMs: number): Promise<TimedRun> {
  // A fresh project per run, so a translation memory filled by the previous run cannot make the next one cheaper.
  return withBenchProject(folder, { engine: 'copy' }, ({ config }) => timedRun(config, { budgetMs }));
}
