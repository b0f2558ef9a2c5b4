import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createApertiumEngine } from '../src/engines/apertium/apertium-engine.ts';
import { integerScanLibrary } from '../src/engines/apertium/integer-scan-library.ts';
import { frontmatterKeys, repoLocales, withBenchProject } from './bench-project.ts';
import type { BenchOptions } from './bench-options.ts';
import { corpusTexts } from './corpus-texts.ts';
import { checked, info, seconds, skipped, times, type Figure } from './figure.ts';
import { busyCoresSince, coreTimes } from './machine-info.ts';
import { loadCorpus } from './load-corpus.ts';
import { compareMedians, median, type OwnTime } from './measure.ts';
import { runCommand } from './run-command.ts';
import { describePartial, timedRun, type TimedRun } from './timed-run.ts';
import { writeCorpus } from './write-corpus.ts';

const section = '2 apertium';
const pair = 'eng-spa';
const maxRatio = 1.1;

/**
 * The apertium engine through the whole pipeline against one raw `apertium -u eng-spa` call on the same plain text:
 * as Debian installs it, and started with the integer-scan library the engine preloads, which tells what the
 * pipeline adds apart from what the library saves.
 */
export async function benchApertium(options: BenchOptions): Promise<{ figures: Figure[]; details: object }> {
  const problem = await checkApertium();
  if (problem) return { figures: [skipped(section, 'pipeline / raw apertium', problem)], details: { skipped: problem } };
  const folder = await writeCorpus(options.seed, options.apertiumArticles);
  const articles = await loadCorpus(folder);
  const texts = await corpusTexts(articles, repoLocales, frontmatterKeys);
  // Blank lines keep the segments apart as paragraphs, as the pipeline keeps them apart as frames.
  const plainText = `${texts.plain.join('\n\n')}\n`;
  const work = await mkdtemp(path.join(os.tmpdir(), 'jialing-bench-apertium-'));
  const inputFile = path.join(work, 'input.txt');
  await writeFile(inputFile, plainText);
  const library = await integerScanLibrary();
  let lastRun: TimedRun | undefined;
  // Apertium is a pipeline of processes: when they keep every core busy, whatever the run does besides adds to its time.
  const rawBusyCores: number[] = [];
  const outputs: { raw?: string; rawWithLibrary?: string } = {};
  const timings = await compareMedians(
    {
      raw: async () => {
        const before = coreTimes();
        outputs.raw = await runApertium(pair, inputFile, plainText);
        rawBusyCores.push(busyCoresSince(before));
      },
      // A no-op where the library could not be compiled; not shown then.
      rawWithLibrary: async () => {
        if (library) outputs.rawWithLibrary = await runApertium(pair, inputFile, plainText, { ...process.env, LD_PRELOAD: library });
      },
      // The engine alone on the texts the pipeline would send: tells engine integration apart from pipeline work.
      engine: async () => {
        const engine = createApertiumEngine();
        try {
          await engine.translate(texts.unique, { source: 'en', target: 'es' });
        } finally {
          await engine.close();
        }
      },
      pipeline: () =>
        withBenchProject(folder, { engine: 'apertium' }, async ({ config }): Promise<OwnTime> => {
          const run = (lastRun = await timedRun(config, { budgetMs: options.runBudgetMs }));
          return { ownMs: run.isComplete ? run.ms : run.msPerArticle * articles.length };
        }),
    },
    { repeats: options.repeats, budgetMs: options.runBudgetMs * 2 },
  ).finally(() => rm(work, { recursive: true, force: true }));
  const failures = lastRun?.isComplete ? lastRun.report.languages[0]!.failedSegments : 0;
  const ratio = timings.pipeline.median / timings.raw.median;
  const rawWithLibrary = library && timings.rawWithLibrary.median;
  const isSameOutput = outputs.raw === outputs.rawWithLibrary;
  const rate = (count: number, ms: number) => `${Math.round(count / (ms / 1000))} segments/s`;
  const kilobytes = Buffer.byteLength(plainText) / 1000;
  return {
    figures: [
      info(section, 'corpus', articles.length, `${articles.length} articles, ${texts.unique.length} unique segments, ${kilobytes.toFixed(0)} KB plain text`),
      info(section, `raw apertium -u ${pair}, one call`, timings.raw.median, `${seconds(timings.raw.median)} (${rate(texts.plain.length, timings.raw.median)}, ${(kilobytes / (timings.raw.median / 1000)).toFixed(0)} KB/s)`),
      info(section, 'cores busy during the raw call', median(rawBusyCores), `${median(rawBusyCores).toFixed(2)} of ${os.cpus().length}`),
      info(section, 'translateArticles, engine apertium, es', timings.pipeline.median, lastRun?.isComplete === false ? describePartial(lastRun) : `${seconds(timings.pipeline.median)} (${rate(texts.unique.length, timings.pipeline.median)})`),
      info(section, 'apertium engine alone, same texts', timings.engine.median, `${seconds(timings.engine.median)} (${rate(texts.unique.length, timings.engine.median)}; ${times(timings.engine.median / timings.raw.median)} raw)`),
      checked(section, 'pipeline / raw apertium', ratio, times(ratio), `≤ ${times(maxRatio)}`, ratio <= maxRatio),
      ...(rawWithLibrary
        ? [
            info(section, 'raw apertium with the integer-scan library', rawWithLibrary, `${seconds(rawWithLibrary)} (${times(rawWithLibrary / timings.raw.median)} raw)`),
            checked(section, 'raw apertium, output differing with the library', Number(!isSameOutput), isSameOutput ? 'no' : 'yes', 'no', isSameOutput),
            info(section, 'pipeline / raw apertium, both with the library', timings.pipeline.median / rawWithLibrary, times(timings.pipeline.median / rawWithLibrary)),
          ]
        : [skipped(section, 'raw apertium with the integer-scan library', 'the library could not be compiled (is `cc` installed?)')]),
      info(section, 'segments failed (formatting lost)', failures),
    ],
    details: { articles: articles.length, uniqueSegments: texts.unique.length, plainSegments: texts.plain.length, plainBytes: Buffer.byteLength(plainText), timingsMs: timings, rawBusyCores },
  };
}

// From a file: apertium's shell script reads stdin through `cat /dev/stdin`, which fails on Node's pipes.
async function runApertium(pair: string, inputFile: string, plainText: string, env?: NodeJS.ProcessEnv): Promise<string> {
  const { code, stdout, stderr } = await runCommand('apertium', ['-u', pair, inputFile], { env });
  if (code !== 0 || stdout.length < plainText.length / 2) throw new Error(`apertium -u ${pair} failed (exit code ${code}): ${stderr.slice(0, 300)}`);
  return stdout;
}

async function checkApertium(): Promise<string | undefined> {
  try {
    const { stdout } = await runCommand('apertium', ['-l']);
    return stdout.split('\n').some((line) => line.trim() === pair) ? undefined : `the ${pair} pair is not installed (apt-get install apertium-eng-spa)`;
  } catch {
    return 'Apertium is not installed (apt-get install apertium apertium-eng-spa)';
  }
}
