import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BenchOptions } from './bench-options.ts';
import { withBenchProject } from './bench-project.ts';
import { editParagraph } from './edit-paragraph.ts';
import { checked, info, seconds, times, type Figure } from './figure.ts';
import { loadCorpus } from './load-corpus.ts';
import { medianBy } from './measure.ts';
import { describePartial, timedRun, withoutReport } from './timed-run.ts';
import { writeCorpus } from './write-corpus.ts';

const section = '5 unchanged';
const maxNothingChanged = 0.05;
const maxOneParagraph = 0.08;

/** A copy-engine run on many articles, then re-runs with nothing changed, and re-runs each after one paragraph changed. */
export async function benchUnchanged(options: BenchOptions): Promise<{ figures: Figure[]; details: object }> {
  const corpus = await writeCorpus(options.seed, options.unchangedArticles);
  const work = await mkdtemp(path.join(os.tmpdir(), 'jialing-bench-unchanged-'));
  try {
    const articlesDir = path.join(work, 'articles');
    await cp(corpus, articlesDir, { recursive: true });
    const articles = await loadCorpus(articlesDir);
    // The budget only guards against a hang: every run here must finish for its time to count.
    const budgetMs = Math.max(options.runBudgetMs, 600_000);
    return await withBenchProject(articlesDir, { engine: 'copy' }, async ({ config }) => {
      const first = await timedRun(config, { budgetMs });
      // Re-runs take about a second, where a collection or another process's moment of work shows: the median of several.
      const repeats = Math.max(3, options.repeats);
      const reruns = [];
      for (let round = 0; round < repeats; round++) reruns.push(await timedRun(config, { budgetMs }));
      const edited = [];
      for (let round = 0; round < repeats; round++) {
        await editParagraph(path.join(articlesDir, articles[round % articles.length]!.relativePath), `The new district also opens park number ${round + 1} for local families.`);
        edited.push(await timedRun(config, { budgetMs }));
      }
      const second = medianBy(reruns, (run) => run.ms);
      const third = medianBy(edited, (run) => run.ms);
      const isComplete = first.isComplete && [...reruns, ...edited].every((run) => run.isComplete);
      const ratio = (run: typeof second) => run.ms / first.ms;
      const shown = (run: typeof second) => `${times(ratio(run))} (${run.isComplete ? seconds(run.ms) : describePartial(run)}; ${run.report.languages[0]?.unchanged ?? 0} unchanged)`;
      const figures: Figure[] = [
        info(section, 'first run, engine copy', first.ms, `${first.isComplete ? seconds(first.ms) : describePartial(first)} for ${articles.length} articles`),
        checked(section, 'second run, nothing changed / first', ratio(second), shown(second), `≤ ${times(maxNothingChanged)}`, isComplete && ratio(second) <= maxNothingChanged),
        checked(section, 'second run, one paragraph changed / first', ratio(third), shown(third), `≤ ${times(maxOneParagraph)}`, isComplete && ratio(third) <= maxOneParagraph),
      ];
      return { figures, details: { articles: articles.length, first: withoutReport(first), nothingChanged: withoutReport(second), oneParagraph: withoutReport(third) } };
    });
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
