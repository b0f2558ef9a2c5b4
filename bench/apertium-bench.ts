import { translateArticles } from '../src/run.ts';
import { repoLocales, withBenchProject } from './bench-project.ts';
import type { BenchOptions } from './bench-options.ts';
import { corpusTexts } from './corpus-texts.ts';
import { checked, info, seconds, skipped, times, type Figure } from './figure.ts';
import { loadCorpus } from './load-corpus.ts';
import { compareMedians } from './measure.ts';
import { runCommand } from './run-command.ts';
import { writeCorpus } from './write-corpus.ts';

const section = '2 apertium';
const pair = 'eng-spa';
const maxRatio = 1.3;

/** The apertium engine through the whole pipeline against one raw `apertium -u eng-spa` call on the same plain text. */
export async function benchApertium(options: BenchOptions): Promise<{ figures: Figure[]; details: object }> {
  const problem = await checkApertium();
  if (problem) return { figures: [skipped(section, 'pipeline / raw apertium', problem)], details: { skipped: problem } };
  const folder = await writeCorpus(options.seed, options.apertiumArticles);
  const articles = await loadCorpus(folder);
  const texts = await corpusTexts(articles, repoLocales, ['title', 'description']);
  // Blank lines keep the segments apart as paragraphs, as the pipeline keeps them apart as frames.
  const plainText = `${texts.plain.join('\n\n')}\n`;
  let failures = 0;
  const timings = await compareMedians(
    {
      raw: async () => {
        const { code, stderr } = await runCommand('apertium', ['-u', pair], plainText);
        if (code !== 0) throw new Error(`apertium -u ${pair} failed (exit code ${code}): ${stderr.slice(0, 300)}`);
      },
      pipeline: () =>
        withBenchProject(folder, { engine: 'apertium' }, async ({ config }) => {
          const { report } = await translateArticles(config);
          failures = report.languages[0]!.failedSegments + report.languages[0]!.failedArticles;
        }),
    },
    options.repeats,
  );
  const ratio = timings.pipeline.median / timings.raw.median;
  const rate = (count: number, ms: number) => `${Math.round(count / (ms / 1000))} segments/s`;
  const kilobytes = Buffer.byteLength(plainText) / 1000;
  return {
    figures: [
      info(section, 'corpus', articles.length, `${articles.length} articles, ${texts.unique.length} unique segments, ${kilobytes.toFixed(0)} KB plain text`),
      info(section, `raw apertium -u ${pair}, one call`, timings.raw.median, `${seconds(timings.raw.median)} (${rate(texts.plain.length, timings.raw.median)}, ${(kilobytes / (timings.raw.median / 1000)).toFixed(0)} KB/s)`),
      info(section, 'translateArticles, engine apertium, es', timings.pipeline.median, `${seconds(timings.pipeline.median)} (${rate(texts.unique.length, timings.pipeline.median)})`),
      checked(section, 'pipeline / raw apertium', ratio, times(ratio), `≤ ${times(maxRatio)}`, ratio <= maxRatio),
      info(section, 'segments failed (formatting lost)', failures),
    ],
    details: { articles: articles.length, uniqueSegments: texts.unique.length, plainSegments: texts.plain.length, plainBytes: Buffer.byteLength(plainText), timingsMs: timings },
  };
}

async function checkApertium(): Promise<string | undefined> {
  try {
    const { stdout } = await runCommand('apertium', ['-l']);
    return stdout.split('\n').some((line) => line.trim() === pair) ? undefined : `the ${pair} pair is not installed (apt-get install apertium-eng-spa)`;
  } catch {
    return 'Apertium is not installed (apt-get install apertium apertium-eng-spa)';
  }
}
