import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBenchProject } from './bench-project.ts';
import type { BenchOptions } from './bench-options.ts';
import { checked, info, seconds, times, type Figure } from './figure.ts';
import { runCommand } from './run-command.ts';
import { describePartial } from './timed-run.ts';
import { writeCorpus } from './write-corpus.ts';

const section = '6 scale';
const benchDir = path.dirname(fileURLToPath(import.meta.url));
const bin = path.join(benchDir, '..', 'bin', 'jialing.js');
const usageScript = path.join(benchDir, 'process-usage.mjs');
// Linear within 10%; memory "bounded" when ten times the articles need at most half as much again.
const maxTimeSlack = 1.1;
const maxMemoryGrowth = 1.5;
const maxPeakRssMb = 300;

/** What one `jialing translate` of the scale section measured. */
interface ScaleResult {
  readonly articles: number;
  readonly articlesDone: number;
  readonly isComplete: boolean;
  readonly budgetMs: number;
  /** Wall time of the command, its start-up included. */
  readonly ms: number;
  readonly msPerArticle: number;
  /** CPU time of the process (every thread), which other load on the machine disturbs less than wall time. */
  readonly cpuMs: number;
  /** Peak RSS of the process, from the kernel's count. */
  readonly peakRssMb: number;
  /** Largest V8 heap seen, sampled every 100 ms. */
  readonly peakHeapMb: number;
}

interface ScaleRun {
  readonly count: number;
  readonly result?: ScaleResult;
  readonly failure?: string;
}

/** Time and peak RSS of `jialing translate` (pseudo-localisation) at growing corpus sizes, the command as a user runs it. */
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
    runs.push({ count, ...(await runTranslate(await writeCorpus(options.seed, count), count, options.scaleBudgetMs)) });
  }
  const figures = runs.map((run) => sizeFigure(run, options.scaleBudgetMs));
  const small = runs[0];
  const large = runs.at(-1);
  if (small?.result?.isComplete && large?.result && large !== small) figures.push(...growthFigures(small.result, large.result));
  if (large?.result?.isComplete) figures.push(checked(section, `peak RSS, ${large.count} articles`, large.result.peakRssMb, `${large.result.peakRssMb} MB`, `≤ ${maxPeakRssMb} MB`, large.result.peakRssMb <= maxPeakRssMb));
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

// Pseudo-localisation: output a real engine's shape, which the quality checks pass. With the copy engine every
// segment is an "untranslated" finding, and the report holds every finding: that would measure the findings, not the pipeline.
async function runTranslate(folder: string, articles: number, budgetMs: number): Promise<{ result?: ScaleResult; failure?: string }> {
  const project = await createBenchProject(folder, { engine: 'pseudo' });
  const usageFile = path.join(project.dir, 'usage.json');
  try {
    const killAfterMs = budgetMs * 2 + 60_000;
    const start = performance.now();
    // Past the budget the command is interrupted as Ctrl-C would, and keeps what it finished; the kill is for one
    // that cannot even wind down.
    const { stdout, stderr, code, isKilled, isInterrupted } = await runCommand(process.execPath, ['--import', usageScript, bin, 'translate', '--config', project.configFile, '--json'], {
      cwd: project.dir,
      env: { ...process.env, JIALING_BENCH_USAGE_FILE: usageFile },
      interruptAfterMs: budgetMs,
      killAfterMs,
    });
    const ms = performance.now() - start;
    if (isKilled) return { failure: `killed after ${seconds(killAfterMs)}` };
    const summary = parseSummary(stdout);
    if (!summary || (code !== 0 && !isInterrupted)) {
      const reason = /heap out of memory/i.test(stderr) ? 'JavaScript heap out of memory' : stderr.trim().split('\n').slice(-3).join(' ').slice(0, 300);
      return { failure: `exit code ${code}: ${reason}` };
    }
    const usage = JSON.parse(await readFile(usageFile, 'utf8')) as Pick<ScaleResult, 'cpuMs' | 'peakRssMb' | 'peakHeapMb'>;
    const articlesDone = summary.outcomes.written;
    return { result: { articles, articlesDone, isComplete: articlesDone === articles, budgetMs, ms, msPerArticle: ms / Math.max(1, articlesDone), ...usage } };
  } finally {
    await project.remove();
  }
}

function parseSummary(stdout: string): { outcomes: { written: number } } | undefined {
  try {
    return JSON.parse(stdout) as { outcomes: { written: number } };
  } catch {
    return undefined;
  }
}
