import { parseArgs } from 'node:util';

/** What one benchmark run measures and how big it is. */
export interface BenchOptions {
  readonly isQuick: boolean;
  /** Exit with code 1 when a target fails (for CI); otherwise the table says it and the exit code is 0. */
  readonly isStrict: boolean;
  readonly seed: number;
  /** Articles for the pipeline-overhead comparison. */
  readonly articles: number;
  readonly apertiumArticles: number;
  /** Articles of the DeepL and LLM sections. */
  readonly deeplArticles: number;
  readonly incrementalArticles: number;
  /** Articles for the re-runs with nothing or one paragraph changed. */
  readonly unchangedArticles: number;
  /** Corpus sizes for the memory and scale runs, smallest first. */
  readonly scaleArticles: readonly number[];
  /** Simulated DeepL and LLM latency per request. */
  readonly latencyMs: number;
  /** DeepL and LLM requests in flight at once. */
  readonly concurrency: number;
  /** Timed repetitions of each in-process measurement; the median is reported. */
  readonly repeats: number;
  /** Longest an in-process pipeline run may take before it is stopped and its rate extrapolated. */
  readonly runBudgetMs: number;
  /** Longest one scale run (a child process) may take. */
  readonly scaleBudgetMs: number;
  /** Sections to run; all when empty. */
  readonly sections: readonly string[];
}

/** Section names, in the order they run. */
export const sectionNames = ['startup', 'overhead', 'apertium', 'deepl', 'llm', 'incremental', 'unchanged', 'scale', 'long-line', 'workers'] as const;

/** The help text. */
export const benchUsage = `Usage: npm run bench -- [--quick] [--strict] [--articles N] [--apertium-articles N] [--deepl-articles N]
  [--incremental-articles N] [--unchanged-articles N] [--scale N,N] [--latency MS] [--concurrency N] [--repeats N] [--seed N]
  [--budget S] [--scale-budget S] [--only ${sectionNames.join(',')}]
Each option can also be set in the environment: BENCH_ARTICLES, BENCH_APERTIUM_ARTICLES, BENCH_DEEPL_ARTICLES,
BENCH_INCREMENTAL_ARTICLES, BENCH_UNCHANGED_ARTICLES, BENCH_SCALE, BENCH_LATENCY, BENCH_CONCURRENCY, BENCH_REPEATS, BENCH_SEED, BENCH_BUDGET,
BENCH_SCALE_BUDGET, BENCH_ONLY.`;

// Full sizes make each timed run last seconds, long enough for timer and GC noise to average out, and the median
// of five alternating rounds keeps a round that a busy moment of the machine slowed or sped up from deciding a ratio;
// quick sizes only prove the bench runs.
// Budgets bound a pathologically slow pipeline: a run past its budget is stopped and judged on its rate.
const defaults = {
  full: { articles: 200, apertiumArticles: 40, deeplArticles: 200, incrementalArticles: 100, unchangedArticles: 1000, scaleArticles: [1000, 10_000], repeats: 5, budget: 45, scaleBudget: 600 },
  quick: { articles: 30, apertiumArticles: 8, deeplArticles: 40, incrementalArticles: 20, unchangedArticles: 50, scaleArticles: [20, 200], repeats: 2, budget: 10, scaleBudget: 20 },
};

/** Reads options from argv and the environment (argv wins); throws with the usage text on a bad value. */
export function parseBenchOptions(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      quick: { type: 'boolean' },
      strict: { type: 'boolean' },
      articles: { type: 'string' },
      'apertium-articles': { type: 'string' },
      'deepl-articles': { type: 'string' },
      'incremental-articles': { type: 'string' },
      'unchanged-articles': { type: 'string' },
      scale: { type: 'string' },
      latency: { type: 'string' },
      concurrency: { type: 'string' },
      repeats: { type: 'string' },
      seed: { type: 'string' },
      budget: { type: 'string' },
      'scale-budget': { type: 'string' },
      only: { type: 'string' },
    },
  });
  const isQuick = values.quick ?? env['BENCH_QUICK'] === '1';
  const base = isQuick ? defaults.quick : defaults.full;
  const read = (name: keyof typeof values, envName: string) => {
    const value = values[name] ?? env[envName];
    return typeof value === 'string' ? value : undefined;
  };
  const count = (name: keyof typeof values, envName: string, fallback: number) => positiveInteger(read(name, envName), `--${name}`, fallback);
  const scale = read('scale', 'BENCH_SCALE');
  const sections = (read('only', 'BENCH_ONLY') ?? '').split(',').filter(Boolean);
  const unknown = sections.filter((name) => !(sectionNames as readonly string[]).includes(name));
  if (unknown.length > 0) throw new Error(`Expected --only to list sections of ${sectionNames.join(', ')}, got \`${unknown.join(',')}\`\n${benchUsage}`);
  return {
    isQuick,
    isStrict: values.strict ?? env['BENCH_STRICT'] === '1',
    seed: count('seed', 'BENCH_SEED', 1),
    articles: count('articles', 'BENCH_ARTICLES', base.articles),
    apertiumArticles: count('apertium-articles', 'BENCH_APERTIUM_ARTICLES', base.apertiumArticles),
    deeplArticles: count('deepl-articles', 'BENCH_DEEPL_ARTICLES', base.deeplArticles),
    incrementalArticles: count('incremental-articles', 'BENCH_INCREMENTAL_ARTICLES', base.incrementalArticles),
    unchangedArticles: count('unchanged-articles', 'BENCH_UNCHANGED_ARTICLES', base.unchangedArticles),
    scaleArticles: scale ? scale.split(',').map((part) => positiveInteger(part, '--scale', 0)).sort((a, b) => a - b) : base.scaleArticles,
    latencyMs: count('latency', 'BENCH_LATENCY', 150),
    concurrency: count('concurrency', 'BENCH_CONCURRENCY', 4),
    repeats: count('repeats', 'BENCH_REPEATS', base.repeats),
    runBudgetMs: count('budget', 'BENCH_BUDGET', base.budget) * 1000,
    scaleBudgetMs: count('scale-budget', 'BENCH_SCALE_BUDGET', base.scaleBudget) * 1000,
    sections,
  };
}

function positiveInteger(value: string | undefined, option: string, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new Error(`Expected \`${option}\` to be an integer ≥ 1, got \`${value}\`\n${benchUsage}`);
  return number;
}
