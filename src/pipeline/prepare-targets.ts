import PQueue from 'p-queue';
import type { ResolvedConfig } from '../config/resolve-config.ts';
import type { EngineChoice, EngineName } from '../config/schema.ts';
import { createEngine, type EngineEnvironment } from '../engines/create-engine.ts';
import type { Engine, EngineReply, LanguagePair, TextHints } from '../engines/engine.ts';
import { llmBaseUrl } from '../engines/llm/llm-base-url.ts';
import { llmProfile } from '../engines/llm/llm-profile.ts';
import { SetupError } from '../errors.ts';
import { preferredAutoEngine } from './auto-engine.ts';
import type { LanguageSummary } from './run-report.ts';
import { TranslationQueue, type RetryPolicy } from './translation-queue.ts';

/** One target language of a run: its engine, its request queue and its figures. */
export interface Target {
  readonly language: string;
  readonly engine: Engine<EngineReply>;
  readonly queue: TranslationQueue;
  readonly summary: LanguageSummary;
  /** The engine and the options that shape its output, part of every memory key. */
  readonly engineProfile: string;
  /** Texts sent to the engine and how to store each in the memory once translated. */
  readonly awaitingMemory: Map<string, PendingMemoryEntry>;
  /** Ids of the glossary placeholders of each text sent and not yet answered. */
  readonly names: Map<string, readonly number[]>;
  /** What a context-aware engine is told about each text sent and not yet answered. */
  readonly hints: Map<string, TextHints>;
  /** Memory keys whose replies this run found broken and took out of the memory. */
  readonly rejected: Set<string>;
  /** When the first article of this language started, for the wall-clock figure. */
  startedAt?: number;
}

/** What the memory needs to store a translation that is on its way. */
export interface PendingMemoryEntry {
  readonly key: string;
  readonly glossaryVersion: string;
  readonly articlePath: string;
}

export interface TargetOptions {
  readonly languages: readonly string[];
  readonly engine?: EngineChoice;
  readonly env: EngineEnvironment;
  /** Ask each engine whether it can serve its pair before any work (not for dry or frozen runs). */
  readonly checkPairs: boolean;
  readonly retry: RetryPolicy;
  readonly onSettled: () => void;
  readonly signal?: AbortSignal;
  /** Commits each answered request, before the next is scheduled. */
  readonly onTranslated: (target: Target, texts: readonly string[], translations: readonly string[]) => void;
}

export interface PreparedTargets {
  readonly targets: Target[];
  /** Languages `auto` found no engine for, with the reason. */
  readonly skipped: { readonly language: string; readonly reason: string }[];
}

/** Chooses and creates one engine per engine name and one queue per language; checks every pair before any work. */
export async function prepareTargets(config: ResolvedConfig, options: TargetOptions): Promise<PreparedTargets> {
  const engines = new Map<EngineName, { engine: Engine<EngineReply>; requests: PQueue }>();
  const engineNamed = (name: EngineName) => {
    let shared = engines.get(name);
    if (!shared) {
      const engine = createEngine(name, config, options.env);
      const { concurrency, requestsPerSecond } = engine.limits;
      const rate = requestsPerSecond ? { intervalCap: requestsPerSecond, interval: 1000 } : {};
      engines.set(name, (shared = { engine, requests: new PQueue({ concurrency, ...rate }) }));
    }
    return shared;
  };
  const targets: Target[] = [];
  const skipped: PreparedTargets['skipped'] = [];
  try {
    for (const language of options.languages) {
      const pair = { source: config.sourceLanguage, target: language };
      const choice = options.engine ?? config.engineByLanguage[language]!;
      const name = choice === 'auto' ? await chooseAutomatically(pair, preferredAutoEngine(config, options.env), (candidate) => engineNamed(candidate).engine) : choice;
      if (typeof name === 'object') {
        skipped.push({ language, reason: name.reason });
        continue;
      }
      const { engine, requests } = engineNamed(name);
      const retry = retryFor(name, config, options.retry);
      const target: Target = {
        language,
        engine,
        queue: new TranslationQueue({
          engine,
          pair,
          requests,
          retry,
          signal: options.signal,
          onSettled: options.onSettled,
          namesOf: (text) => target.names.get(text) ?? [],
          hintsOf: (text) => target.hints.get(text) ?? {},
          onTranslated: (texts, translations) => options.onTranslated(target, texts, translations),
        }),
        summary: { language, engine: name, articles: 0, segments: 0, fromMemory: 0, translated: 0, characters: 0, billedCharacters: 0, failedArticles: 0, failedSegments: 0, requests: 0, seconds: 0 },
        engineProfile: engineProfile(name, config, language, options.env),
        awaitingMemory: new Map(),
        names: new Map(),
        hints: new Map(),
        rejected: new Set(),
      };
      targets.push(target);
    }
    if (options.checkPairs) {
      const problems = await Promise.all(targets.map((target) => target.engine.checkPair({ source: config.sourceLanguage, target: target.language })));
      if (problems.some(Boolean)) throw new SetupError([...new Set(problems.filter(Boolean))].join('\n'));
    }
  } catch (error) {
    await Promise.all([...engines.values()].map(({ engine }) => engine.close()));
    throw error;
  }
  return { targets, skipped };
}

/** Everything that changes what an engine returns for the same text, so a change means new translations. */
export function engineProfile(name: EngineName, config: ResolvedConfig, language: string, env: EngineEnvironment): string {
  // The version counts how jialing talks to Apertium: names sent as proper nouns (2) changed its output, and so
  // did kept tokens sent as names, spans carried by every token and each segment tagged as if alone (3).
  if (name === 'apertium') return `apertium/3:${config.apertiumPairs[language] ?? 'default'}`;
  if (name === 'llm') return llmProfile(config.llm, llmBaseUrl(config.llm, env), language);
  if (name !== 'deepl') return name;
  const { languages, context } = config.deepl;
  return `deepl:${JSON.stringify({ ...languages['default'], ...languages[language], context })}`;
}

/** Closes each engine once. */
export async function closeEngines(targets: readonly Target[]): Promise<void> {
  await Promise.all([...new Set(targets.map((target) => target.engine))].map((engine) => engine.close()));
}

// `auto`: DeepL or the LLM engine when set up (see `preferredAutoEngine`), else Apertium where it has the pair;
// never a silent pseudo-translation.
async function chooseAutomatically(pair: LanguagePair, preferred: EngineName | undefined, engineNamed: (name: EngineName) => Engine<EngineReply>): Promise<EngineName | { reason: string }> {
  if (preferred) return preferred;
  const apertiumProblem = await engineNamed('apertium').checkPair(pair);
  if (!apertiumProblem) return 'apertium';
  return { reason: `engine "auto" found no DEEPL_AUTH_KEY for DeepL and no llm.model with a key or base URL for the LLM engine, and ${apertiumProblem}` };
}

// Paid engines say in their config how often a request may be tried; the LLM engine also how often a reply may fail its checks.
function retryFor(name: EngineName, config: ResolvedConfig, retry: RetryPolicy): RetryPolicy {
  if (name === 'deepl') return { ...retry, attempts: config.deepl.attempts };
  if (name === 'llm') return { ...retry, attempts: config.llm.attempts, replyAttempts: config.llm.replyAttempts };
  return retry;
}
