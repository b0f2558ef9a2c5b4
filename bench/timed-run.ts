import type { ResolvedConfig } from '../src/config/resolve-config.ts';
import type { EngineEnvironment } from '../src/engines/create-engine.ts';
import type { RunReport } from '../src/pipeline/run-report.ts';
import { translateArticles } from '../src/run.ts';

/** How a budgeted run went: complete, or stopped at the budget with how far it got. */
export interface TimedRun {
  readonly ms: number;
  readonly articles: number;
  /** Articles written before the run ended or was stopped. */
  readonly articlesDone: number;
  readonly isComplete: boolean;
  readonly budgetMs: number;
  /** Wall-clock milliseconds per finished article, up to the last one finished. */
  readonly msPerArticle: number;
  readonly report: RunReport;
}

/**
 * Runs `translateArticles`, stopping it (through its abort signal) once `budgetMs` has passed, so a pathological
 * slowdown costs the benchmark a bounded time and still yields a per-article rate instead of hanging.
 */
export async function timedRun(
  config: ResolvedConfig,
  options: { readonly env?: EngineEnvironment; readonly budgetMs: number; readonly translate?: typeof translateArticles },
): Promise<TimedRun> {
  const translate = options.translate ?? translateArticles;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.budgetMs);
  let articles = 0;
  let articlesDone = 0;
  let lastDoneAt = 0;
  const start = performance.now();
  try {
    const { report } = await translate(config, {
      env: options.env,
      signal: controller.signal,
      onEvent: (event) => {
        if (event.type === 'start') articles = event.articles;
        if (event.type === 'article' && event.isOk) {
          articlesDone++;
          lastDoneAt = performance.now();
        }
      },
    });
    const ms = performance.now() - start;
    // The signal only stops articles from starting: a run may pass its budget and still finish every article.
    const isComplete = articlesDone === articles;
    // A stopped run reports its own interruption as an error; only an unhindered run must be clean.
    if (!controller.signal.aborted) throwOnProblem(report);
    return { ms, articles, articlesDone, isComplete, budgetMs: options.budgetMs, msPerArticle: (isComplete ? ms : lastDoneAt - start) / Math.max(1, articlesDone), report };
  } finally {
    clearTimeout(timer);
  }
}

/** The run's figures without its report, for results kept or printed. */
export function withoutReport({ report: _report, ...run }: TimedRun): Omit<TimedRun, 'report'> {
  return run;
}

/** How a run that did not finish reads in a table. */
export function describePartial(run: Pick<TimedRun, 'ms' | 'articles' | 'articlesDone' | 'msPerArticle' | 'budgetMs'>): string {
  return `stopped at its ${(run.budgetMs / 1000).toFixed(0)} s budget: ${run.articlesDone}/${run.articles} articles in ${(run.ms / 1000).toFixed(0)} s (${run.msPerArticle.toFixed(0)} ms/article)`;
}

// A benchmark of a run that failed its work would measure the wrong thing.
function throwOnProblem(report: RunReport): void {
  const error = report.problems.find((problem) => problem.severity === 'error');
  if (error) throw new Error(`The run reported a problem: ${error.message}`);
}
