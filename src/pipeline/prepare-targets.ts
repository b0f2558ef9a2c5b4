import PQueue from 'p-queue';
import type { ResolvedConfig } from '../config/resolve-config.ts';
import type { EngineChoice, EngineName } from '../config/engine-choices.ts';
import { createEngine, type EngineEnvironment } from '../engines/create-engine.ts';
import type { Engine, EngineReply, LanguagePair, TextHints } from '../engines/engine.ts';
import { SetupError } from '../errors.ts';
import { preferredAutoEngine } from './auto-engine.ts';
import { emptySummary, type LanguageSummary } from './run-report.ts';
import { TranslationQueue, type EngineState, type RetryPolicy } from './translation-queue.ts';
import { engineProfile } from './engine-profile.ts';

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
  /** Source texts a person changed in an output this run, with the article whose output it was. */
  readonly editedIn: Map<string, string>;
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
  readonly onChanged: () => void;
  readonly signal?: AbortSignal;
  /** How many answered texts each language's queue keeps for asking again (see `TranslationQueueOptions`). */
  readonly answersKept: number;
  /** Commits each answered request, before the next is scheduled. */
  readonly onTranslated: (target: Target, texts: readonly string[], translations: readonly string[]) => void | Promise<void>;
  /** Called with the texts whose replies failed the engine's checks on every try, before the target forgets them. */
  readonly onGivenUp?: (target: Target, texts: readonly string[]) => void | Promise<void>;
  /** Engines kept by the caller across runs (a worker's), which it closes itself; by default each run creates its own. */
  readonly engines?: EngineSource;
}

/** An engine with the request queue every language using it shares, so that its limits hold per engine. */
export interface SharedEngine {
  readonly engine: Engine<EngineReply>;
  readonly requests: PQueue;
  readonly state: EngineState;
}

/** Where a run gets the engine of a name. */
export type EngineSource = (name: EngineName) => Promise<SharedEngine>;

/** Gives an engine its request queue, with its concurrency and rate. */
export function shareEngine(engine: Engine<EngineReply>): SharedEngine {
  const { concurrency, requestsPerSecond } = engine.limits;
  const rate = requestsPerSecond ? { intervalCap: requestsPerSecond, interval: 1000 } : {};
  return { engine, requests: new PQueue({ concurrency, ...rate }), state: {} };
}

export interface PreparedTargets {
  readonly targets: Target[];
  /** Languages `auto` found no engine for, with the reason. */
  readonly skipped: { readonly language: string; readonly reason: string }[];
  /** What the engines' checks of their pairs want a person to know (a language list that could not be read). */
  readonly warnings: readonly string[];
}

/** Chooses and creates one engine per engine name and one queue per language; checks every pair before any work. */
export async function prepareTargets(config: ResolvedConfig, options: TargetOptions): Promise<PreparedTargets> {
  const engines = new Map<EngineName, SharedEngine>();
  const engineNamed = async (name: EngineName) => {
    if (options.engines) return options.engines(name);
    let shared = engines.get(name);
    if (!shared) engines.set(name, (shared = shareEngine(await createEngine(name, config, options.env))));
    return shared;
  };
  const targets: Target[] = [];
  const skipped: PreparedTargets['skipped'] = [];
  const warnings: string[] = [];
  try {
    for (const language of options.languages) {
      const pair = { source: config.sourceLanguage, target: language };
      const choice = options.engine ?? config.engineByLanguage[language]!;
      const name = choice === 'auto' ? await chooseAutomatically(pair, preferredAutoEngine(config, options.env), async (candidate) => (await engineNamed(candidate)).engine) : choice;
      if (typeof name === 'object') {
        skipped.push({ language, reason: name.reason });
        continue;
      }
      const { engine, requests, state } = await engineNamed(name);
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
          onChanged: options.onChanged,
          answersKept: options.answersKept,
          namesOf: (text) => target.names.get(text) ?? [],
          hintsOf: (text) => target.hints.get(text) ?? {},
          onTranslated: (texts, translations) => options.onTranslated(target, texts, translations),
          onGivenUp: async (texts) => {
            try {
              await options.onGivenUp?.(target, texts);
            } finally {
              forgetTexts(target, texts);
            }
          },
          engineState: state,
          // Counted as each request ends, not as each article does: a request shared with an article that failed
          // may end after the language's last article.
          onRequestEnded: ({ texts, billedCharacters }) => {
            const { summary } = target;
            summary.requests++;
            summary.translated += texts;
            summary.billedCharacters += billedCharacters;
            if (target.startedAt !== undefined) summary.seconds = (performance.now() - target.startedAt) / 1000;
          },
        }),
        summary: emptySummary(language, name),
        engineProfile: engineProfile(name, config, language, options.env),
        awaitingMemory: new Map(),
        names: new Map(),
        hints: new Map(),
        rejected: new Set(),
        editedIn: new Map(),
      };
      targets.push(target);
    }
    if (options.checkPairs) {
      const checks = await Promise.all(targets.map((target) => target.engine.checkPair({ source: config.sourceLanguage, target: target.language })));
      const problems = checks.filter((check) => typeof check === 'string');
      if (problems.length > 0) throw new SetupError([...new Set(problems)].join('\n'));
      warnings.push(...new Set(checks.flatMap((check) => (typeof check === 'object' ? [check.warning] : []))));
    }
  } catch (error) {
    await Promise.all([...engines.values()].map(({ engine }) => engine.close()));
    throw error;
  }
  return { targets, skipped, warnings };
}

/** Closes each engine once. */
export async function closeEngines(targets: readonly Target[]): Promise<void> {
  await Promise.all([...new Set(targets.map((target) => target.engine))].map((engine) => engine.close()));
}

// `auto`: DeepL or the LLM engine when set up (see `preferredAutoEngine`), else Apertium where it has the pair;
// never a silent pseudo-translation.
async function chooseAutomatically(pair: LanguagePair, preferred: EngineName | undefined, engineNamed: (name: EngineName) => Promise<Engine<EngineReply>>): Promise<EngineName | { reason: string }> {
  if (preferred) return preferred;
  const apertiumProblem = await (await engineNamed('apertium')).checkPair(pair);
  if (typeof apertiumProblem !== 'string') return 'apertium';
  return { reason: `engine "auto" found no DEEPL_AUTH_KEY for DeepL and no llm.model with a key or base URL for the LLM engine, and ${apertiumProblem}` };
}

// Paid engines say in their config how often a request may be tried; the LLM engine also how often a reply may fail its checks.
function retryFor(name: EngineName, config: ResolvedConfig, retry: RetryPolicy): RetryPolicy {
  if (name === 'deepl') return { ...retry, attempts: config.deepl.attempts };
  if (name === 'llm') return { ...retry, attempts: config.llm.attempts, replyAttempts: config.llm.replyAttempts };
  return retry;
}

/** Drops what a target kept about texts until their answers came: names, hints, and where to store them. */
export function forgetTexts(target: Target, texts: readonly string[]): void {
  for (const text of texts) {
    target.names.delete(text);
    target.hints.delete(text);
    target.awaitingMemory.delete(text);
  }
}
