import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createBenchProject } from './bench-project.ts';
import { loadCorpus } from './load-corpus.ts';
import { timedRun, withoutReport, type TimedRun } from './timed-run.ts';
import { writeCorpus } from './write-corpus.ts';

/** New articles translated into an empty memory and into one that already holds other articles' translations. */
export interface MemoryPenalty {
  readonly articles: number;
  readonly emptyMemory: Omit<TimedRun, 'report'>;
  readonly filledMemory: Omit<TimedRun, 'report'>;
}

/**
 * Translates `count` new articles with the copy engine twice: into a fresh memory, and into a memory already
 * filled by `count` other articles, as when a site with translated articles gets new ones. Anything the memory
 * does per new text (lookups, fuzzy suggestions) shows as the difference.
 */
export async function measureMemoryPenalty(seed: number, count: number, budgetMs: number): Promise<MemoryPenalty> {
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
    const fresh = await createBenchProject(newFolder);
    const filler = await createBenchProject(earlierFolder);
    const filled = await createBenchProject(newFolder, { memory: filler.config.memoryFile });
    try {
      const emptyMemory = withoutReport(await timedRun(fresh.config, { budgetMs }));
      await timedRun(filler.config, { budgetMs });
      const filledMemory = withoutReport(await timedRun(filled.config, { budgetMs }));
      return { articles: count, emptyMemory, filledMemory };
    } finally {
      await Promise.all([fresh.remove(), filler.remove(), filled.remove()]);
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
