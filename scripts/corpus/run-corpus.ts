import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { CorpusDefect } from './check-documents.ts';
import { checkInWorkers } from './check-in-workers.ts';
import { collectReadmes } from './collect-readmes.ts';
import { compareRuns } from './compare-runs.ts';
import { createCorpusProject } from './create-corpus-project.ts';
import { UsageError, type CorpusOptions } from './parse-corpus-options.ts';
import { readOutputs, type CorpusOutputs } from './read-outputs.ts';
import { runJialing, type JialingRun } from './run-jialing.ts';
import { summariseCorpus, type CorpusSummary } from './summarise-corpus.ts';
import { writeDefects } from './write-defects.ts';

/** What a corpus check found. */
export interface CorpusResult {
  readonly summary: CorpusSummary;
  readonly defects: readonly CorpusDefect[];
  readonly runs: readonly JialingRun[];
  /** `defects.json`, when the projects were kept. */
  readonly defectsFile?: string;
}

/** Collects the corpus → runs jialing on it in fresh projects → checks the first run's outputs → compares runs. */
export async function runCorpus(options: CorpusOptions, nodeModules: string, log: (line: string) => void): Promise<CorpusResult> {
  if (options.keep) await checkKeepFolder(options.keep);
  const documents = await collectReadmes(nodeModules);
  log(`Corpus: ${documents.length} READMEs from ${nodeModules}`);
  const runs: JialingRun[] = [];
  const outputs: CorpusOutputs[] = [];
  for (let index = 0; index < options.runs; index += 1) {
    const project = await createFolder(options, index);
    try {
      await createCorpusProject(project, documents, options);
      log(`Run ${index + 1}/${options.runs}: jialing translate (${options.engine}, ${options.languages.join(', ')}) in ${project}`);
      const run = await runJialing(options.cliEntry, project);
      log(`Run ${index + 1}/${options.runs}: exit ${run.exitCode} after ${run.seconds.toFixed(1)} s`);
      runs.push(run);
      outputs.push(await readOutputs(project, documents, options.languages));
    } finally {
      if (!options.keep) await rm(project, { recursive: true, force: true });
    }
  }
  log('Checking the outputs');
  const started = performance.now();
  const defects = await checkInWorkers(documents, outputs[0]!, { engine: options.engine, problems: runs[0]!.problems ?? [] });
  log(`Checked in ${((performance.now() - started) / 1000).toFixed(1)} s: ${defects.length} defects`);
  const determinism = outputs.length > 1 ? compareRuns(outputs[0]!, outputs[1]!) : undefined;
  const summary = summariseCorpus({ engine: options.engine, languages: options.languages, documents, runs, defects, determinism });
  const defectsFile = options.keep ? await writeDefects(options.keep, defects) : undefined;
  return { summary, defects, runs, defectsFile };
}

async function checkKeepFolder(folder: string): Promise<void> {
  const entries = await readdir(folder).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  if (entries.length > 0) throw new UsageError(`Expected \`--keep\` to name a new or empty folder, got \`${folder}\`, which holds ${entries.length} entries`);
}

async function createFolder(options: CorpusOptions, index: number): Promise<string> {
  if (!options.keep) return mkdtemp(path.join(os.tmpdir(), 'jialing-corpus-'));
  const folder = options.runs > 1 ? path.join(options.keep, `run-${index + 1}`) : options.keep;
  await mkdir(folder, { recursive: true });
  return folder;
}
