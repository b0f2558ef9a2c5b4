import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchOptions } from './bench-options.ts';
import { checked, info, seconds, times, type Figure } from './figure.ts';
import { runCommand } from './run-command.ts';
import type { ScaleResult } from './scale-child.ts';
import { describePartial } from './timed-run.ts';
import { writeCorpus } from './write-corpus.ts';

const section = '6 scale';
const child = path.join(path.dirname(fileURLToPath(import.meta.url)), 'scale-child.ts');
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
// Linear within 10%; memory "bounded" when ten times the articles need at most half as much again.
const maxTimeSlack = 1.1;
const maxMemoryGrowth = 1.5;

interface ScaleRun {
  readonly count: number;
  readonly result?: ScaleResult;
  readonly failure?: string;
}

/** Time and peak RSS of pseudo-localisation runs at growing corpus sizes, each in a child process. */
export async function benchScale(options: BenchOptions): Promise<{ figures: Figure[]; details: object }> {
  const runs: ScaleRun[] = [];
  for (const count of options.scaleArticles) {
    // Once a size is cut short by its budget, a larger one would only repeat the same first articles.
    const previous = runs.at(-1);
    if (previous && !previous.result?.isComplete) {
      runs.push({ count, failure: `not run: the ${previous.count}-article run did not finish` });
      continue;
    }
    process.stderr.write(`  ${count} articles…\n`);
    runs.push({ count, ...(await runChild(await writeCorpus(options.seed, count), options.scaleBudgetMs)) });
  }
  const figures = runs.map((run) => sizeFigure(run, options.scaleBudgetMs));
  const small = runs[0];
  const large = runs.at(-1);
  if (small?.result?.isComplete && large?.result && large !== small) figures.push(...growthFigures(small.result, large.result));
  return { figures, details: { runs } };
}

function sizeFigure({ count, result, failure }: ScaleRun, budgetMs: number): Figure {
  if (!result) return checked(section, `${count} articles`, Number.NaN, failure ?? 'failed', 'completes', false);
  const time = result.isComplete ? `${seconds(result.ms)} (${result.msPerArticle.toFixed(1)} ms/article, CPU ${seconds(result.cpuMs)})` : describePartial(result);
  const shown = `${time}, peak RSS ${result.peakRssMb} MB, peak heap ${result.peakHeapMb} MB`;
  return result.isComplete ? info(section, `${count} articles`, result.ms, shown) : checked(section, `${count} articles`, result.ms, shown, `within ${seconds(budgetMs)}`, false);
}

// Per-article CPU time, so that a large run stopped at its budget still shows whether the cost per article grows.
function growthFigures(small: ScaleResult, large: ScaleResult): Figure[] {
  const scale = large.articles / small.articles;
  const perArticle = large.cpuMs / large.articlesDone / (small.cpuMs / small.articlesDone);
  const memoryRatio = large.peakRssMb / small.peakRssMb;
  const sizes = `${large.articles} / ${small.articles}`;
  const stopped = large.isComplete ? '' : ` at ${large.articlesDone}/${large.articles} articles`;
  const isMemoryKnown = large.isComplete || memoryRatio > maxMemoryGrowth;
  return [
    // CPU time, because other work on a shared machine moves wall time more than it moves CPU time.
    checked(section, `CPU time per article, ${sizes}`, perArticle, `${times(perArticle)}${stopped} (total ${times((large.cpuMs / small.cpuMs) * (large.isComplete ? 1 : large.articles / large.articlesDone))} for ${times(scale)} the articles)`, `≤ ${times(maxTimeSlack)} (linear)`, perArticle <= maxTimeSlack),
    isMemoryKnown
      ? checked(section, `peak RSS, ${sizes}`, memoryRatio, `${times(memoryRatio)} (${small.peakRssMb} → ${large.peakRssMb} MB${stopped})`, `≤ ${times(maxMemoryGrowth)} (bounded)`, memoryRatio <= maxMemoryGrowth)
      : info(section, `peak RSS, ${sizes}`, memoryRatio, `${times(memoryRatio)} (${small.peakRssMb} → ${large.peakRssMb} MB${stopped}; inconclusive until the run finishes)`),
  ];
}

async function runChild(folder: string, budgetMs: number): Promise<{ result?: ScaleResult; failure?: string }> {
  // The child stops itself at the budget; the kill is for a child that cannot even wind down.
  const killAfterMs = budgetMs * 2 + 60_000;
  const { stdout, stderr, code, isKilled } = await runCommand(process.execPath, ['--import', tsxLoader, child, folder, String(budgetMs)], { killAfterMs });
  const line = stdout.trim().split('\n').at(-1) ?? '';
  if (code === 0 && line.startsWith('{')) return { result: JSON.parse(line) as ScaleResult };
  if (isKilled) return { failure: `killed after ${seconds(killAfterMs)}` };
  const reason = /heap out of memory/i.test(stderr) ? 'JavaScript heap out of memory' : stderr.trim().split('\n').slice(-3).join(' ').slice(0, 300);
  return { failure: `exit code ${code}: ${reason}` };
}
