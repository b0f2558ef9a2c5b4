import { copyFile, cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createBenchProject } from './bench-project.ts';
import { loadCorpus } from './load-corpus.ts';
import { medianBy } from './measure.ts';
import { timedRun, withoutReport, type TimedRun } from './timed-run.ts';
import { writeCorpus } from './write-corpus.ts';

/** New articles translated into an empty memory and into one that already holds other articles' translations. */
export interface MemoryPenalty {
  readonly articles: number;
  /** The runs of median time per article, of `repeats` each. */
  readonly emptyMemory: Omit<TimedRun, 'report'>;
  readonly filledMemory: Omit<TimedRun, 'report'>;
  readonly msPerArticle: { readonly empty: readonly number[]; readonly filled: readonly number[] };
}

/**
 * Translates `count` new articles with the copy engine, `repeats` times each: into a fresh memory, and into a
 * copy of a memory already filled by `count` other articles, as when a site with translated articles gets new
 * ones. Anything the memory does per new text (lookups, fuzzy suggestions) shows as the difference. The two
 * alternate, as in `compareMedians`, so that drift in machine load falls on both alike.
 */
export async function measureMemoryPenalty(seed: number, count: number, options: { readonly budgetMs: number; readonly repeats: number }): Promise<MemoryPenalty> {
  const earlierFolder = await writeCorpus(seed, count);
  const allFolder = await writeCorpus(seed, count * 2);
  const earlier = new Set((await loadCorpus(earlierFolder)).map((article) => article.relativePath));
  const work = await mkdtemp(path.join(os.tmpdir(), 'jialing-bench-new-'));
  try {
    // The second half of the larger corpus: articles the earlier run never saw.
    const newFolder = path.join(work, 'new');
    for (const { relativePath } of await loadCorpus(allFolder)) {
      if (earlier.has(relativePath)) continue;
      await mkdir(path.dirname(path.join(newFolder, relativePath)), { recursive: true });
      await cp(path.join(allFolder, relativePath), path.join(newFolder, relativePath));
    }
    const filler = await createBenchProject(earlierFolder);
    try {
      await timedRun(filler.config, { budgetMs: options.budgetMs });
      const runs = { empty: [] as Omit<TimedRun, 'report'>[], filled: [] as Omit<TimedRun, 'report'>[] };
      for (let round = 0; round < options.repeats; round++) {
        const order = round % 2 === 0 ? (['empty', 'filled'] as const) : (['filled', 'empty'] as const);
        for (const memory of order) {
          const project = await createBenchProject(newFolder);
          try {
            if (memory === 'filled') await copyFile(filler.config.memoryFile, project.config.memoryFile);
            runs[memory].push(withoutReport(await timedRun(project.config, { budgetMs: options.budgetMs })));
          } finally {
            await project.remove();
          }
        }
      }
      return { articles: count, emptyMemory: medianBy(runs.empty, perArticle), filledMemory: medianBy(runs.filled, perArticle), msPerArticle: { empty: runs.empty.map((run) => run.msPerArticle), filled: runs.filled.map((run) => run.msPerArticle) } };
    } finally {
      await filler.remove();
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

const perArticle = (run: { readonly msPerArticle: number }) => run.msPerArticle;
