import { cp, mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BenchOptions } from './bench-options.ts';
import { frontmatterKeys, repoLocales } from './bench-project.ts';
import { billedCharacters, corpusTexts } from './corpus-texts.ts';
import { runDeepl } from './deepl-run.ts';
import { editParagraph } from './edit-paragraph.ts';
import { measureMemoryPenalty } from './memory-penalty.ts';
import { checked, info, seconds, times, type Figure } from './figure.ts';
import { loadCorpus, type CorpusArticle } from './load-corpus.ts';
import { describePartial } from './timed-run.ts';
import { writeCorpus } from './write-corpus.ts';

const section = '4 incremental';
// With nothing to translate, a re-run is local work only; half the first run's time is a lenient bar for that.
const maxTimeRatio = 0.5;
// New articles may cost a little more with a filled memory (more lookups hit), not a multiple.
const maxMemoryPenalty = 1.2;

/** A second DeepL run after one paragraph changed: what it sends and how long it takes, against the first run. */
export async function benchIncremental(options: BenchOptions): Promise<{ figures: Figure[]; details: object }> {
  const corpus = await writeCorpus(options.seed, options.incrementalArticles);
  const work = await mkdtemp(path.join(os.tmpdir(), 'jialing-bench-edit-'));
  try {
    const articlesDir = path.join(work, 'articles');
    await cp(corpus, articlesDir, { recursive: true });
    const articles = await loadCorpus(articlesDir);
    const edited = path.join(articlesDir, articles[0]!.relativePath);
    let memoryBytes = 0;
    const [first, second] = await runDeepl(articlesDir, {
      latencyMs: options.latencyMs,
      concurrency: options.concurrency,
      context: false,
      budgetMs: options.runBudgetMs,
      runs: [
        async () => {},
        async ({ config }) => {
          memoryBytes = (await stat(config.memoryFile).catch(() => undefined))?.size ?? 0;
          await editParagraph(edited, 'The new district also opens a small park for local families.');
        },
      ],
    });
    const newTexts = await changedTexts(articles, await loadCorpus(articlesDir));
    const newCharacters = newTexts.reduce((sum, text) => sum + billedCharacters(text), 0);
    const [firstMs, secondMs] = [first!.run.ms, second!.run.ms];
    const timeRatio = secondMs / firstMs;
    const isComplete = first!.run.isComplete && second!.run.isComplete;
    const figures: Figure[] = [
      info(section, 'corpus', articles.length, `${articles.length} articles; one paragraph of ${articles[0]!.relativePath} changed`),
      info(section, 'first run', firstMs, `${first!.run.isComplete ? seconds(firstMs) : describePartial(first!.run)}, ${first!.textsSent} texts in ${first!.requests} requests`),
      info(section, 'translation memory after the first run', memoryBytes, memoryBytes > 0 ? `${(memoryBytes / 1024).toFixed(0)} KB` : 'no file written'),
      info(section, 'second run: segments from the memory', second!.fromMemory),
      checked(section, 'second run: texts sent / changed', second!.textsSent, `${second!.textsSent} / ${newTexts.length}`, '= changed', isComplete && second!.textsSent === newTexts.length),
      checked(section, 'second run: requests', second!.requests, String(second!.requests), `= ${Math.ceil(newTexts.length / 50)}`, second!.requests === Math.ceil(newTexts.length / 50)),
      checked(section, 'second run: billed / new characters', second!.billedCharacters, `${second!.billedCharacters} / ${newCharacters}`, '= new', second!.billedCharacters === newCharacters),
      checked(section, 'second run: time / first run', timeRatio, `${times(timeRatio)} (${second!.run.isComplete ? seconds(secondMs) : describePartial(second!.run)})`, `≤ ${times(maxTimeRatio)}`, isComplete && timeRatio <= maxTimeRatio),
    ];
    const penalty = await measureMemoryPenalty(options.seed, options.incrementalArticles, { budgetMs: options.runBudgetMs, repeats: options.repeats });
    const penaltyRatio = penalty.filledMemory.msPerArticle / penalty.emptyMemory.msPerArticle;
    const perArticle = (run: typeof penalty.emptyMemory) => (run.isComplete ? `${run.msPerArticle.toFixed(0)} ms/article` : describePartial(run));
    figures.push(
      checked(section, `${penalty.articles} new articles, memory holding ${penalty.articles} others / empty memory`, penaltyRatio, `${times(penaltyRatio)} (${perArticle(penalty.filledMemory)} vs ${perArticle(penalty.emptyMemory)}, engine copy)`, `≤ ${times(maxMemoryPenalty)}`, penaltyRatio <= maxMemoryPenalty),
    );
    return { figures, details: { articles: articles.length, first, second, newTexts, memoryBytes, penalty } };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function changedTexts(before: readonly CorpusArticle[], after: readonly CorpusArticle[]): Promise<string[]> {
  const known = new Set((await corpusTexts(before, repoLocales, frontmatterKeys)).unique);
  return (await corpusTexts(after, repoLocales, frontmatterKeys)).unique.filter((text) => !known.has(text));
}
