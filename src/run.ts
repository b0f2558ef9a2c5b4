import os from 'node:os';
import { outputFolder, type ResolvedConfig } from './config/resolve-config.ts';
import type { EngineChoice } from './config/engine-choices.ts';
import { chooseLanguages } from './config/choose-languages.ts';
import type { EngineEnvironment } from './engines/create-engine.ts';
import type { Glossary } from './glossary/glossary.ts';
import { loadGlossary } from './glossary/load-glossary.ts';
import { jialingVersion } from './jialing-version.ts';
import { createTermMatcher } from './glossary/match-terms.ts';
import { checkFoldersUsable } from './io/check-folders-usable.ts';
import { createFormats } from './formats/create-formats.ts';
import { findDocuments, type FoundDocument } from './io/find-documents.ts';
import { removeStaleTempFiles } from './io/remove-stale-temp-files.ts';
import type { MemoryStore } from './memory/memory-store.ts';
import { hasMemory, openMemory } from './memory/open-memory.ts';
import { segmentInThread, segmentInWorker, segmentWhenNeeded, type ArticleSegmenter, type WorkerSegmenterOptions } from './pipeline/article-segmenter.ts';
import { ArticleWindow } from './pipeline/article-window.ts';
import { stateBasis } from './pipeline/article-state.ts';
import { toMemoryEntry } from './pipeline/await-memory.ts';
import { checkOutputsOnDisk } from './pipeline/outputs-on-disk.ts';
import { closeEngines, forgetTexts, prepareTargets, type EngineSource, type Target } from './pipeline/prepare-targets.ts';
import { updateTokenFigures } from './pipeline/token-figures.ts';
import type { RunContext } from './pipeline/run-context.ts';
import { SharedClaims, type ClaimTimes } from './pipeline/shared-claims.ts';
import type { ArticleOutcomes, Problem, RunEvent, RunReport } from './pipeline/run-report.ts';
import { wasIdleSinceLastLook } from './pipeline/thread-load.ts';
import { translateArticle } from './pipeline/translate-article.ts';
import { ConsistencyTracker } from './qa/consistency-tracker.ts';
import type { Finding } from './qa/finding.ts';
import { writeRunReport } from './qa/write-report.ts';

export interface TranslateOptions {
  /** Target languages to run; all configured ones when absent. */
  readonly languages?: readonly string[];
  /** Engine for every language, overriding the config. */
  readonly engine?: EngineChoice;
  /** Where engines find their keys and server overrides. */
  readonly env?: EngineEnvironment;
  /** Count what would be translated without calling any engine or writing any file. */
  readonly dryRun?: boolean;
  /** Fail instead of calling an engine when anything needs translating (CI). */
  readonly frozen?: boolean;
  /** Replace outputs the memory has no record of (instead of adopting them) and hand edits that no longer line up. */
  readonly overwrite?: boolean;
  /** Stops the run: no new article or request starts, finished work is kept. */
  readonly signal?: AbortSignal;
  /** Most articles held in memory at once. */
  readonly maxArticles?: number;
  /** Whether to parse articles in a worker thread; by default, for runs of enough articles to repay starting one. */
  readonly segmentInWorker?: boolean;
  /** How long a claim on a text being sent holds, and how often a run waiting on another's claim looks again. */
  readonly claimTimes?: ClaimTimes;
  readonly onEvent?: (event: RunEvent) => void;
  /** The documents to translate, instead of those the config's folders hold (a worker's one job). */
  readonly documents?: readonly FoundDocument[];
  /** Engines the caller keeps and closes itself (a worker's, across its jobs). */
  readonly engines?: EngineSource;
  /** A memory the caller keeps open across runs and closes itself (a worker's); the config's is opened otherwise. */
  readonly memory?: MemoryStore;
  /** The config's glossary as the caller loaded it (a worker's, whose jobs must match it); read from the locales otherwise. */
  readonly glossary?: Glossary;
  /** Whether to write the report files; a worker's job hands its report back instead. True by default. */
  readonly isReportWritten?: boolean;
  /** Whether the memory held translations before the batch this run is part of (a worker's job); asked of the memory otherwise. */
  readonly hasEarlierTranslations?: boolean;
}

/** What a run did, with the quality findings and where its report was written. */
export interface TranslateResult {
  readonly report: RunReport;
  readonly findings: readonly Finding[];
  readonly reportFiles?: { readonly jsonPath: string; readonly htmlPath: string };
}

const retry = { attempts: 5, baseDelayMs: 1000, maxDelayMs: 60_000 };
// Texts waiting in the queues above which no further article is read.
const highWater = 4_000;
// Answered texts each queue keeps for asking again: enough for the texts repeated across the articles near one
// another (the same words around other glossary terms), so a text an article found missing in the memory is
// still there when the article asks for it. Bounded, so a run of any size holds a bounded number: keeping
// 20,000, a 10,000-article run peaked at 306 MB RSS instead of 294.
const answersKept = 2 * highWater;

/** The pipeline: load glossary → find articles → segment and mask → translate per language → rebuild → write → check → report. */
export async function translateArticles(config: ResolvedConfig, options: TranslateOptions = {}): Promise<TranslateResult> {
  const emit = options.onEvent ?? (() => {});
  const languages = chooseLanguages(config, options.languages);
  const glossary = options.glossary ?? (await loadGlossary(config.localesDir, config.sourceLanguage, config.targetLanguages));
  const articles = options.documents ?? (await findDocuments(config));
  // An output folder that cannot be written fails its own articles; the report would only fail once they are all done.
  if (!options.dryRun) await checkFoldersUsable([{ dir: config.reportDir, setting: 'report' }], config.configFile);
  let targets: Target[] = [];
  // Started before the memory and engines are set up, so that a worker thread gets ready meanwhile. This
  // thread parses too only while it has little else to do: it was idle at least half the time since it last
  // looked, and no engine request is in flight, whose answer it would hold up. Never for an engine across the
  // network: the worker parses far faster than such an engine translates, and an article parsed here (where
  // the parser's code is still cold) holds up the articles the worker has parsed, and with them the first
  // requests (on the DeepL bench, the first request left after 41–69 ms instead of 78–110).
  const wasThreadIdle = wasIdleSinceLastLook(0.5);
  const mayParseHere = () => wasThreadIdle() && targets.every((target) => target.engine.isLocal && target.queue.inFlight === 0);
  // After a run that kept article states, most articles may need no parse at all.
  const isRerun = !options.dryRun && (await hasMemory(config));
  const givesWay = () => !targets.every((target) => target.engine.runsInProcess);
  const choose = () => chooseSegmenter(config, { articles: articles.length, inWorker: options.segmentInWorker, mayParseHere, givesWay });
  const segmenter = isRerun ? segmentWhenNeeded(choose) : choose();
  const isDryRun = options.dryRun ?? false;
  const window = new ArticleWindow({
    maxArticles: options.maxArticles ?? 64,
    highWater,
    queues: () => targets.map((target) => target.queue),
  });
  // A dry run reads an existing memory to count what would be billed, but never creates one.
  const memory = options.memory ?? (!isDryRun || (await hasMemory(config)) ? await openMemory(config, options.env ?? {}) : undefined);
  const closeMemory = async () => (options.memory ? undefined : memory?.close());
  const prepared = await prepareTargets(config, {
    languages,
    engine: options.engine,
    env: options.env ?? {},
    // Neither a dry run nor a frozen one may reach an engine, not even to check its languages.
    checkPairs: !isDryRun && !options.frozen,
    retry,
    answersKept,
    onChanged: () => window.notify(),
    signal: options.signal,
    onTranslated: (target, texts, translations) => storeTranslations(memory, config.sourceLanguage, target, texts, translations),
    onGivenUp: (target, texts) => rejectGivenUp(memory, target, texts),
    engines: options.engines,
  }).catch(async (error: unknown) => {
    segmenter.close();
    await closeMemory();
    throw error;
  });
  targets = prepared.targets;

  const outcomes: ArticleOutcomes = { written: 0, failed: 0, untouched: 0, skipped: 0 };
  const resources = articles.filter((document) => document.format === 'i18next').length;
  const report: RunReport = {
    dryRun: isDryRun,
    articles: articles.length - resources,
    ...(resources > 0 && { resources }),
    ...(isDryRun ? {} : { outcomes }),
    languages: targets.map((target) => target.summary),
    problems: [],
  };
  const findings: Finding[] = [];
  // A memory that cannot say what it wrote fails the articles that need it, each in its turn.
  const outputs = memory && !isDryRun ? await checkOutputsOnDisk(memory, targets.map((target) => target.language), articles).catch(() => undefined) : undefined;
  const run: RunContext = {
    config,
    targets,
    glossary,
    matcher: createTermMatcher(glossary.terms),
    formats: createFormats(config, segmenter),
    isDryRun,
    isFrozen: options.frozen ?? false,
    isOverwriting: options.overwrite ?? false,
    memory,
    hasEarlierTranslations: options.hasEarlierTranslations ?? (await memory?.hasEntries()) ?? false,
    signal: options.signal,
    emit,
    addProblem: (problem: Problem) => {
      report.problems.push(problem);
      emit({ type: 'problem', problem });
    },
    addFindings: (found) => findings.push(...found),
    countArticle: (outcome) => outcomes[outcome]++,
    consistency: new ConsistencyTracker(config.qaSeverities),
    // A frozen run sends nothing, so it claims nothing: it fails where a text is missing. Only texts for an engine
    // that is not local are claimed (see recallArticle): a run without one has no claims to keep alive.
    claims: memory && !isDryRun && !options.frozen && targets.some((target) => !target.engine.isLocal) ? new SharedClaims(memory, options.claimTimes, options.signal) : undefined,
    basis: memory && !isDryRun ? stateBasis(config, glossary, jialingVersion()) : undefined,
    outputs,
    glossaryHits: {},
  };
  if (!isDryRun) await Promise.all(targets.map((target) => removeStaleTempFiles(outputFolder(config.outputPattern, target.language))));
  emit({ type: 'start', articles: report.articles, resources: report.resources ?? 0, languages: targets.map((target) => target.language) });
  for (const { language, reason } of prepared.skipped) run.addProblem({ severity: 'warning', file: '', language, message: `Skipped "${language}": ${reason}` });
  for (const warning of prepared.warnings) run.addProblem({ severity: 'warning', file: '', message: warning });
  let enginesClosed: Promise<void> = Promise.resolve();
  try {
    try {
      // Articles with an output changed by hand go first, so that the others find its edits in the memory.
      const isChanged = (article: FoundDocument) => outputs?.changed.has(article.relativePath) === true;
      const changed = articles.filter(isChanged);
      const ordered = changed.length === 0 ? articles : [...changed, ...articles.filter((article) => !isChanged(article))];
      for (const [index, article] of ordered.entries()) {
        if (index > 0 && index === changed.length) await window.settle();
        if (options.signal?.aborted || !(await window.admit())) break;
        window.start((held) => translateArticle(run, article, held));
      }
      await window.finish();
    } finally {
      segmenter.close();
      // An article can fail while another of its texts is still on its way (an interruption, a failed request):
      // the answers still coming are stored before the memory closes. Its texts may also still wait in a partial
      // request, which the window flushes in a later turn: sent now, they are counted and kept like the others,
      // instead of leaving after the figures are taken and the memory is closed.
      for (const target of targets) target.queue.flush();
      await Promise.all(targets.map((target) => target.queue.drained()));
      // Taken once every request has ended: one may end after the language's last article.
      if (!isDryRun) for (const target of targets) updateTokenFigures(target.summary, target.engine, config.llm.prices);
      // Engine processes take a while to end: they do so while the report is written.
      enginesClosed = options.engines ? Promise.resolve() : closeEngines(targets);
      enginesClosed.catch(() => {}); // Rethrown below, once the report is written.
      // Claims go before the memory closes; a memory that fails here has failed the run already.
      await run.claims?.close().catch(() => {});
      await closeMemory();
    }
    return await finishReport(run, report, findings, { isInterrupted: options.signal?.aborted ?? false, isWritten: options.isReportWritten ?? true });
  } finally {
    await enginesClosed;
  }
}

/** Completes the report of a run whose articles are all done, and writes it unless the run was a dry one. */
async function finishReport(run: RunContext, report: RunReport, findings: Finding[], { isInterrupted, isWritten }: { isInterrupted: boolean; isWritten: boolean }): Promise<TranslateResult> {
  if (isInterrupted) report.interrupted = true;
  if (isInterrupted) run.addProblem({ severity: 'error', file: '', message: 'Interrupted: finished articles were written and every translation received is in the memory; run again to continue.' });
  reportQuotaShortfall(report, run.addProblem);
  // Articles finish in any order; the report lists problems in a stable one.
  report.problems.sort((a, b) => a.file.localeCompare(b.file) || (a.language ?? '').localeCompare(b.language ?? ''));
  if (run.isDryRun) {
    run.consistency.close();
    return { report, findings };
  }
  findings.push(...run.consistency.findings());
  if (!isWritten) return { report, findings };
  try {
    const reportFiles = await writeRunReport(run.config.reportDir, report, findings, { glossaryHits: run.glossaryHits });
    return { report, findings, reportFiles };
  } catch (error) {
    // The outputs are written by now: a report that cannot be (disk full) must not hide the summary of the run.
    const reason = (error as NodeJS.ErrnoException).code === 'ENOSPC' ? 'the disk is full' : (error as Error).message;
    run.addProblem({ severity: 'error', file: '', message: `The run report could not be written to ${run.config.reportDir}: ${reason}. The outputs and the memory are up to date; free some space and run again to get the report.` });
    return { report, findings };
  }
}

// A worker thread takes about half a second to start, as long as parsing some 40 articles: a run parses on
// its own thread below half as many again, and on a single core, where the worker would only take turns with it.
const articlesForWorker = 64;

function chooseSegmenter(
  config: ResolvedConfig,
  run: { readonly articles: number; readonly inWorker?: boolean } & Required<Pick<WorkerSegmenterOptions, 'mayParseHere' | 'givesWay'>>,
): ArticleSegmenter {
  const inWorker = run.inWorker ?? (run.articles >= articlesForWorker && os.availableParallelism() > 1);
  return inWorker ? segmentInWorker(config.segmentOptions, run) : segmentInThread(config.segmentOptions);
}

// Called as each request is answered, before the next request leaves and before the articles waiting on it go on:
// paid work is on disk before anything else can happen to the process.
async function storeTranslations(memory: MemoryStore | undefined, sourceLanguage: string, target: Target, texts: readonly string[], translations: readonly string[]): Promise<void> {
  const entries = texts.flatMap((text, index) => {
    const pending = target.awaitingMemory.get(text);
    return pending ? [toMemoryEntry(sourceLanguage, target, text, translations[index]!, pending)] : [];
  });
  forgetTexts(target, texts);
  if (entries.length > 0) await memory?.store(entries);
}

// A text whose replies failed the engine's own checks on every try counts as a broken reply in the memory, as one
// the rebuild rejects does: after `maxBrokenReplies` runs it is no longer sent, so a paid engine is not asked forever.
async function rejectGivenUp(memory: MemoryStore | undefined, target: Target, texts: readonly string[]): Promise<void> {
  const rejections = texts.flatMap((text) => {
    const pending = target.awaitingMemory.get(text);
    return pending ? [{ key: pending.key, targetText: `(no usable reply: ${target.queue.failureOf(text) ?? 'failed the checks'})` }] : [];
  });
  await memory?.reject(rejections);
}

function reportQuotaShortfall(report: RunReport, addProblem: (problem: Problem) => void): void {
  for (const { language, engine, unsentSegments } of report.languages) {
    if (!unsentSegments) continue;
    addProblem({
      severity: 'error',
      file: '',
      language,
      message: `${engine} quota exceeded: ${unsentSegments} segments of "${language}" are left untranslated; everything translated before was written. Raise the quota or wait for it to reset, then run again.`,
    });
  }
}
