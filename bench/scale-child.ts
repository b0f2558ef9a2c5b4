/**
 * One scale run in a process of its own, so that its peak RSS is its own:
 * `tsx bench/scale-child.ts <articles folder> <budget ms>`. Prints one JSON line with the run's time and memory.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createBenchProject } from './bench-project.ts';
import { timedRun, withoutReport } from './timed-run.ts';

/** What a scale run measured. */
export interface ScaleResult {
  readonly articles: number;
  readonly articlesDone: number;
  readonly isComplete: boolean;
  readonly budgetMs: number;
  readonly ms: number;
  readonly msPerArticle: number;
  /** CPU time of the process (every thread), which other load on the machine disturbs less than wall time. */
  readonly cpuMs: number;
  /** RSS just before the run: Node, tsx and the modules. */
  readonly startRssMb: number;
  /** Peak RSS of the process, from the kernel's count. */
  readonly peakRssMb: number;
  /** Largest V8 heap seen, sampled every 100 ms. */
  readonly peakHeapMb: number;
}

const [articlesDir, budget] = process.argv.slice(2);
if (!articlesDir || !budget) throw new Error('Expected the articles folder and the budget in milliseconds as arguments.');
// Pseudo-localisation: output a real engine's shape, which the quality checks pass. With the copy engine every
// segment is an "untranslated" finding, and the report holds every finding: that would measure the findings, not the pipeline.
const project = await createBenchProject(articlesDir, { engine: 'pseudo' });
// The compiled pipeline, as the jialing command runs it: run from the sources, tsx's compiled modules and source
// maps would count in the memory measured.
const { translateArticles } = (await import(pathToFileURL(path.resolve(import.meta.dirname, '..', 'dist', 'index.js')).href)) as typeof import('../src/index.ts');
const megabytes = (bytes: number) => Math.round(bytes / 2 ** 20);
let peakHeap = 0;
const sampler = setInterval(() => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)), 100);
const startRssMb = megabytes(process.memoryUsage().rss);
const cpuBefore = process.cpuUsage();
try {
  const run = withoutReport(await timedRun(project.config, { budgetMs: Number(budget), translate: translateArticles }));
  const cpu = process.cpuUsage(cpuBefore);
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  const result: ScaleResult = {
    ...run,
    cpuMs: (cpu.user + cpu.system) / 1000,
    startRssMb,
    // maxRSS is in kilobytes.
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    peakHeapMb: megabytes(peakHeap),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  clearInterval(sampler);
  await project.remove();
}
