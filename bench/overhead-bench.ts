import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { outputFolder } from '../src/config/resolve-config.ts';
import { translateArticles } from '../src/run.ts';
import { withBenchProject } from './bench-project.ts';
import type { BenchOptions } from './bench-options.ts';
import { checked, info, seconds, times, type Figure } from './figure.ts';
import { loadCorpus, type CorpusArticle } from './load-corpus.ts';
import { compareMedians } from './measure.ts';
import { bareRoundTrip, pipelineRoundTrip } from './round-trips.ts';
import { writeCorpus } from './write-corpus.ts';

const section = '1 overhead';
const frontmatterKeys = ['title', 'description'];
const maxRatio = 1.5;

/** Pipeline overhead: the pipeline's pieces and a full copy-engine run against a bare remark round trip of the same files. */
export async function benchOverhead(options: BenchOptions): Promise<{ figures: Figure[]; details: object }> {
  const folder = await writeCorpus(options.seed, options.articles);
  const articles = await loadCorpus(folder);
  // Warming up on the corpus's first articles (a corpus of its own) gets the JIT going without another full pass.
  const warmUpFolder = await writeCorpus(options.seed, Math.min(articles.length, 20));
  const warmUpArticles = await loadCorpus(warmUpFolder);
  let changedByPieces = 0;
  let changedByRun = 0;
  const timings = await compareMedians(
    {
      bare: () => bareRoundTrip(articles),
      pieces: async () => (changedByPieces = await pipelineRoundTrip(articles, frontmatterKeys)),
      run: async () => (changedByRun = await copyRun(folder, articles)),
    },
    options.repeats,
    { bare: () => bareRoundTrip(warmUpArticles), pieces: () => pipelineRoundTrip(warmUpArticles, frontmatterKeys), run: () => copyRun(warmUpFolder, warmUpArticles) },
  );
  const perArticle = (ms: number) => `${(ms / articles.length).toFixed(2)} ms/article`;
  const piecesRatio = timings.pieces.median / timings.bare.median;
  const runRatio = timings.run.median / timings.bare.median;
  const figures = [
    info(section, `corpus`, articles.length, `${articles.length} articles, ${(articles.reduce((sum, article) => sum + article.text.length, 0) / 1e6).toFixed(1)} MB`),
    info(section, 'bare remark parse → stringify', timings.bare.median, `${seconds(timings.bare.median)} (${perArticle(timings.bare.median)})`),
    info(section, 'pieces: parse → segments → copy → rebuild', timings.pieces.median, `${seconds(timings.pieces.median)} (${perArticle(timings.pieces.median)})`),
    info(section, 'translateArticles, engine copy', timings.run.median, `${seconds(timings.run.median)} (${perArticle(timings.run.median)})`),
    checked(section, 'pieces / bare', piecesRatio, times(piecesRatio), `≤ ${times(maxRatio)}`, piecesRatio <= maxRatio),
    checked(section, 'translateArticles / bare', runRatio, times(runRatio), `≤ ${times(maxRatio)}`, runRatio <= maxRatio),
    checked(section, 'copy outputs differing from source', changedByPieces + changedByRun, `${changedByPieces} pieces, ${changedByRun} run`, '0', changedByPieces + changedByRun === 0),
  ];
  return { figures, details: { articles: articles.length, timingsMs: timings } };
}

/** A full run with the copy engine on a fresh project; returns how many outputs differ from their source. */
async function copyRun(folder: string, articles: readonly CorpusArticle[]): Promise<number> {
  // A fresh project per run, so a translation memory filled by the previous run cannot make the next one cheaper.
  return withBenchProject(folder, { engine: 'copy' }, async ({ config }) => {
    const { report } = await translateArticles(config);
    const error = report.problems.find((problem) => problem.severity === 'error');
    if (error) throw new Error(`The copy run reported a problem: ${error.message}`);
    return countChanged(articles, outputFolder(config.outputPattern, 'es'));
  });
}

async function countChanged(articles: readonly CorpusArticle[], outputDir: string): Promise<number> {
  let changed = 0;
  for (const { relativePath, text } of articles) {
    if ((await readFile(path.join(outputDir, relativePath), 'utf8').catch(() => '')) !== text) changed++;
  }
  return changed;
}
