import PQueue from 'p-queue';
import type { ResolvedConfig } from '../config/resolve-config.ts';
import type { EngineName } from '../config/schema.ts';
import { createEngine } from '../engines/create-engine.ts';
import type { Engine } from '../engines/engine.ts';
import { SetupError } from '../errors.ts';
import type { LanguageSummary } from './run-report.ts';
import { TranslationQueue, type RetryPolicy } from './translation-queue.ts';

/** One target language of a run: its engine, its request queue and its figures. */
export interface Target {
  readonly language: string;
  readonly engine: Engine;
  readonly queue: TranslationQueue;
  readonly summary: LanguageSummary;
  /** When the first article of this language started, for the wall-clock figure. */
  startedAt?: number;
}

export interface TargetOptions {
  readonly languages: readonly string[];
  readonly engine?: EngineName;
  readonly isDryRun: boolean;
  readonly retry: RetryPolicy;
  readonly onSettled: () => void;
}

/** Creates one engine per engine name and one queue per language; checks every pair before any work. */
export async function prepareTargets(config: ResolvedConfig, options: TargetOptions): Promise<Target[]> {
  const engines = new Map<EngineName, { engine: Engine; requests: PQueue }>();
  const targets = options.languages.map((language): Target => {
    const name = options.engine ?? config.engineByLanguage[language]!;
    let shared = engines.get(name);
    if (!shared) {
      const engine = createEngine(name, config);
      const { concurrency, requestsPerSecond } = engine.limits;
      const rate = requestsPerSecond ? { intervalCap: requestsPerSecond, interval: 1000 } : {};
      engines.set(name, (shared = { engine, requests: new PQueue({ concurrency, ...rate }) }));
    }
    const pair = { source: config.sourceLanguage, target: language };
    return {
      language,
      engine: shared.engine,
      queue: new TranslationQueue({ engine: shared.engine, pair, requests: shared.requests, retry: options.retry, onSettled: options.onSettled }),
      summary: { language, engine: name, articles: 0, segments: 0, characters: 0, failedArticles: 0, failedSegments: 0, requests: 0, seconds: 0 },
    };
  });
  if (!options.isDryRun) {
    const problems = await Promise.all(targets.map((target) => target.engine.checkPair({ source: config.sourceLanguage, target: target.language })));
    if (problems.some(Boolean)) {
      await closeEngines(targets);
      throw new SetupError(problems.filter(Boolean).join('\n'));
    }
  }
  return targets;
}

/** Closes each engine once. */
export async function closeEngines(targets: readonly Target[]): Promise<void> {
  await Promise.all([...new Set(targets.map((target) => target.engine))].map((engine) => engine.close()));
}
