import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { chooseLanguages } from '../config/choose-languages.ts';
import type { ResolvedConfig } from '../config/resolve-config.ts';
import { JialingError } from '../errors.ts';
import { loadGlossary } from '../glossary/load-glossary.ts';
import { documentOutputPath, findDocuments, type FoundDocument } from '../io/find-documents.ts';
import { openMemory } from '../memory/open-memory.ts';
import { readArticle } from '../io/read-article.ts';
import { readOutput } from '../io/read-output.ts';
import { writeFileAtomic } from '../io/write-atomic.ts';
import { emptySummary, type ArticleOutcome, type ArticleOutcomes, type LanguageSummary, type Problem, type RunReport } from '../pipeline/run-report.ts';
import type { Finding } from '../qa/finding.ts';
import { writeRunReport } from '../qa/write-report.ts';
import { countOf } from '../report/count-of.ts';
import { translateArticles, type TranslateOptions, type TranslateResult } from '../run.ts';
import { jobIdentity } from './job-identity.ts';
import { openQueue } from './open-queue.ts';
import { translateQueue } from './queue-names.ts';
import { cancelWaitingJobs } from './queue-tables.ts';
import { awaitJobs, type JobEnd } from './await-jobs.ts';
import { addSummary } from './add-summary.ts';
import type { TranslateJob } from './translate-job.ts';

export interface QueueRunOptions extends TranslateOptions {
  /** Told how many jobs were queued, before the first ends. */
  readonly onQueued?: (jobs: number) => void;
  /** Milliseconds between looks at the jobs' states. */
  readonly pollMs?: number;
  /** Told each time the jobs have waited another `stallNoticeMs` (30 s by default) with none running or ending. */
  readonly onStalled?: (stall: { readonly seconds: number; readonly waiting: number; readonly queue: string; readonly workerCommand: string }) => void;
  readonly stallNoticeMs?: number;
}

const stallNoticeMs = 30_000;

/**
 * `translate --queue`: one job per article × language on the project's queue, run by `jialing worker` processes
 * anywhere; this run waits, writes each output as its job hands it back, and reports as a local run does.
 */
export async function translateInQueue(config: ResolvedConfig, options: QueueRunOptions = {}): Promise<TranslateResult> {
  const env = options.env ?? {};
  const queue = await openQueue(config, env, { isSupervising: true });
  try {
    // What would be sent is counted here as a local dry run counts it: nothing is queued.
    if (options.dryRun) return await translateArticles(config, options);
    return await submitAndWait(config, options, queue);
  } finally {
    await queue.close();
  }
}

async function submitAndWait(config: ResolvedConfig, options: QueueRunOptions, queue: Awaited<ReturnType<typeof openQueue>>): Promise<TranslateResult> {
  const env = options.env ?? {};
  const emit = options.onEvent ?? (() => {});
  const startedAt = performance.now();
  const languages = chooseLanguages(config, options.languages);
  const glossary = await loadGlossary(config.localesDir, config.sourceLanguage, config.targetLanguages);
  const identity = jobIdentity(config, glossary);
  const documents = await findDocuments(config);
  const resources = documents.filter((document) => document.format === 'i18next').length;
  const outcomes: ArticleOutcomes = { written: 0, failed: 0, untouched: 0, skipped: 0 };
  const summaries = new Map(languages.map((language) => [language, emptySummary(language, options.engine ?? config.engineByLanguage[language] ?? 'auto')]));
  const report: RunReport = { dryRun: false, articles: documents.length - resources, ...(resources > 0 && { resources }), outcomes, languages: [...summaries.values()], problems: [] };
  const findings: Finding[] = [];
  const addProblem = (problem: Problem) => {
    report.problems.push(problem);
    emit({ type: 'problem', problem });
  };

  // As in a local run, suggestions are looked for only where the memory held translations before the batch.
  const memory = await openMemory(config, env);
  const hasEarlierTranslations = await memory.hasEntries().finally(() => memory.close());
  const batch = randomUUID();
  const jobs = new Map<string, { document: FoundDocument; job: TranslateJob }>();
  for (const document of documents) {
    const file = document.relativePath;
    try {
      if (document.refused) throw new JialingError(`Refused ${file}: ${document.refused}.`);
      const { text, hasByteOrderMark } = await readArticle(document.absolutePath, file);
      for (const language of languages) {
        // A job carries the output as it is, for the worker's run to compare as a local run would; one that is there
        // but cannot be read is reported here rather than taken for missing and overwritten.
        const outputText = await readOutput(documentOutputPath(document, language), { keepByteOrderMark: true }).catch((error: NodeJS.ErrnoException) => {
          throw new JialingError(`${file} [${language}] was not queued: its output cannot be read (${error.code ?? error.message}).`);
        });
        const job: TranslateJob = { batch, file, format: document.format, outputName: document.outputName, language, sourceText: text, hasByteOrderMark, ...(outputText !== undefined && { outputText }), ...(options.engine && { engine: options.engine }), isFrozen: options.frozen ?? false, isOverwriting: options.overwrite ?? false, hasEarlierTranslations, identity };
        jobs.set(randomUUID(), { document, job });
      }
    } catch (error) {
      if (!(error instanceof JialingError)) throw error;
      addProblem({ severity: 'error', file, message: error.message });
      outcomes.skipped++;
    }
  }
  const { attempts, retryDelaySeconds, takeoverSeconds } = config.queue;
  const entries = [...jobs].map(([id, { job }]) => ({ id, name: translateQueue, data: job, retryLimit: attempts - 1, retryDelay: retryDelaySeconds, retryBackoff: true, expireInSeconds: takeoverSeconds }));
  for (let start = 0; start < entries.length; start += 500) await queue.boss.insert(entries.slice(start, start + 500));
  options.onQueued?.(entries.length);
  emit({ type: 'start', articles: report.articles, resources, languages });

  // An article's outcome is known once its every language has ended, as in a local run.
  const ended = new Map<string, ArticleOutcome[]>();
  const onEnd = async (id: string, end: JobEnd) => {
    const { document, job } = jobs.get(id)!;
    const outcome = await foldEnd(job, document, end, summaries.get(job.language)!, { addProblem, findings });
    if (outcome === 'cancelled') return;
    emit({ type: 'article', language: job.language, file: job.file, segments: end.kind === 'completed' ? (end.result.summary?.segments ?? 0) : 0, isOk: outcome === 'written' });
    const done = [...(ended.get(job.file) ?? []), outcome];
    ended.set(job.file, done);
    if (done.length === languages.length) outcomes[done.includes('failed') ? 'failed' : done.includes('untouched') ? 'untouched' : 'written']++;
  };
  // First Ctrl-C: jobs not yet started are cancelled, the ones running are waited for and written.
  const whileAborted = { signal: options.signal, cancel: (ids: readonly string[]) => cancelWaitingJobs(queue.pool, ids) };
  const { waitSeconds } = config.queue;
  const { gaveUp } = await awaitJobs(queue.pool, [...jobs.keys()], onEnd, {
    pollMs: options.pollMs ?? 250,
    whileAborted,
    ...(waitSeconds !== undefined && { giveUpAfterMs: waitSeconds * 1000 }),
    stallNoticeMs: options.stallNoticeMs ?? stallNoticeMs,
    onStalled: (stall) => options.onStalled?.({ ...stall, queue: queue.location, workerCommand: workerCommandFor(config) }),
  });
  const notTaken = jobs.size - [...ended.values()].reduce((sum, outcomes) => sum + outcomes.length, 0);
  if (gaveUp && notTaken > 0) {
    addProblem({
      severity: 'error',
      file: '',
      message: `No \`jialing worker\` ran or ended a job of this batch for ${waitSeconds} s (queue.waitSeconds): the ${countOf(notTaken, 'job')} not started were cancelled and their articles left as they were. Start workers with this project's config and database (\`${workerCommandFor(config)}\`, reaching ${queue.location}), then run again.`,
    });
  }
  for (const summary of summaries.values()) summary.seconds = (performance.now() - startedAt) / 1000;
  return finishQueueReport(config, report, findings, options.signal?.aborted ?? false, addProblem);
}

/** Writes what a job handed back and adds its figures and problems; says what became of the article in its language. */
async function foldEnd(job: TranslateJob, document: FoundDocument, end: JobEnd, summary: LanguageSummary, batch: { addProblem: (problem: Problem) => void; findings: Finding[] }): Promise<ArticleOutcome | 'cancelled'> {
  const { file, language } = job;
  if (end.kind === 'cancelled') return 'cancelled';
  if (end.kind === 'failed') {
    summary.failedArticles++;
    summary.deadLettered = (summary.deadLettered ?? 0) + 1;
    batch.addProblem({ severity: 'error', file, language, message: `${file} [${language}] failed in the queue after ${end.tries} ${end.tries === 1 ? 'try' : 'tries'} and was dead-lettered: ${end.message}` });
    return 'failed';
  }
  const { result } = end;
  if (result.summary) {
    addSummary(summary, result.summary);
    if (summary.engine === 'auto') (summary as { engine: string }).engine = result.summary.engine;
  }
  for (const problem of result.problems) batch.addProblem(problem);
  batch.findings.push(...result.findings);
  if (result.outputText === undefined) return result.outcome;
  try {
    await writeFileAtomic(documentOutputPath(document, language), result.outputText);
    return result.outcome;
  } catch (error) {
    summary.failedArticles++;
    batch.addProblem({ severity: 'error', file, language, message: `${file} [${language}] was translated but could not be written: ${(error as Error).message}` });
    return 'failed';
  }
}

async function finishQueueReport(config: ResolvedConfig, report: RunReport, findings: Finding[], isInterrupted: boolean, addProblem: (problem: Problem) => void): Promise<TranslateResult> {
  if (isInterrupted) {
    report.interrupted = true;
    addProblem({ severity: 'error', file: '', message: 'Interrupted: jobs not yet started were cancelled, finished ones were written, and every translation received is in the memory; run again to continue.' });
  }
  report.problems.sort((a, b) => a.file.localeCompare(b.file) || (a.language ?? '').localeCompare(b.language ?? ''));
  try {
    return { report, findings, reportFiles: await writeRunReport(config.reportDir, report, findings, { glossaryHits: {} }) };
  } catch (error) {
    addProblem({ severity: 'error', file: '', message: `The run report could not be written to ${config.reportDir}: ${(error as Error).message}. The outputs and the memory are up to date.` });
    return { report, findings };
  }
}

// The command a worker needs for this batch: the same config file, named as the person would type it here.
function workerCommandFor(config: ResolvedConfig): string {
  const relative = path.relative(process.cwd(), config.configFile);
  const shown = relative.startsWith('..') || path.isAbsolute(relative) ? config.configFile : relative;
  return `jialing worker --config ${/[\s'"$`\\]/.test(shown) ? JSON.stringify(shown) : shown}`;
}
