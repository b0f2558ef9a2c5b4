import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ResolvedConfig } from '../config/resolve-config.ts';
import type { EngineEnvironment } from '../engines/create-engine.ts';
import { JialingError } from '../errors.ts';
import { byteOrderMark } from '../io/byte-order-mark.ts';
import type { Glossary } from '../glossary/glossary.ts';
import { documentOutputPath, type FoundDocument } from '../io/find-documents.ts';
import { readOutput } from '../io/read-output.ts';
import type { MemoryStore } from '../memory/memory-store.ts';
import type { EngineSource } from '../pipeline/prepare-targets.ts';
import type { ClaimTimes } from '../pipeline/shared-claims.ts';
import type { ArticleOutcome } from '../pipeline/run-report.ts';
import { translateArticles } from '../run.ts';
import { identityMismatch, type JobIdentity } from './job-identity.ts';
import type { JobResult, TranslateJob } from './translate-job.ts';

/** What a worker brings to every job: its project, its engines and what it is. */
export interface WorkerContext {
  readonly config: ResolvedConfig;
  readonly identity: JobIdentity;
  /** The glossary the identity was taken from, which every job then uses. */
  readonly glossary: Glossary;
  readonly engines: EngineSource;
  /** The shared memory, open for the worker's lifetime. */
  readonly memory: MemoryStore;
  /** How long the claims of a job's texts outlive a worker that died: as long as its job does. */
  readonly claimTimes: ClaimTimes;
  readonly env: EngineEnvironment;
  /** Names the worker in results and logs. */
  readonly name: string;
}

/** A job this worker must never run, whatever the number of tries: it fails at once. */
export class JobRefusedError extends JialingError {}

/**
 * Runs the real pipeline for one article in one language. The source and the submitter's output go into a scratch
 * folder the run writes in, with the project's config, glossary and shared memory otherwise; the output it leaves
 * there is handed back for the submitter to write. So a worker needs no shared folder, and a job behaves exactly as
 * the same article would in a local run (hand edits, adopted outputs, unchanged articles, --frozen).
 */
export async function runJob(job: TranslateJob, worker: WorkerContext): Promise<JobResult> {
  const mismatch = identityMismatch(job.identity, worker.identity);
  if (mismatch) throw new JobRefusedError(`${job.file} [${job.language}] was refused by worker ${worker.name}: ${mismatch}`);
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'jialing-job-'));
  try {
    const outputPattern = path.join(scratch, 'out', '{lang}');
    const document = { relativePath: job.file, absolutePath: path.join(scratch, 'source', job.file), format: job.format, outputFolder: outputPattern, outputName: job.outputName } as FoundDocument;
    const outputPath = documentOutputPath(document, job.language);
    await writeText(document.absolutePath, job.hasByteOrderMark ? byteOrderMark + job.sourceText : job.sourceText);
    if (job.outputText !== undefined) await writeText(outputPath, job.outputText);
    const { report, findings } = await translateArticles(
      { ...worker.config, outputPattern, reportDir: path.join(scratch, 'report') },
      { languages: [job.language], engine: job.engine, frozen: job.isFrozen, overwrite: job.isOverwriting, env: worker.env, documents: [document], engines: worker.engines, memory: worker.memory, glossary: worker.glossary, isReportWritten: false, hasEarlierTranslations: job.hasEarlierTranslations, segmentInWorker: false, claimTimes: worker.claimTimes },
    );
    const written = await readOutput(outputPath, { keepByteOrderMark: true });
    const outcomes = Object.entries(report.outcomes ?? {}) as [ArticleOutcome, number][];
    return {
      ...(written !== undefined && written !== job.outputText && { outputText: written }),
      outcome: outcomes.find(([, count]) => count > 0)?.[0] ?? 'failed',
      ...(report.languages[0] && { summary: report.languages[0] }),
      problems: report.problems,
      findings,
      worker: worker.name,
    };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

async function writeText(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);
}
