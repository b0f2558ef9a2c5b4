/**
 * One scale run in a process of its own, so its peak RSS is its own: `tsx bench/scale-child.ts <articles folder>`.
 * Prints one JSON line with the run's time and memory.
 */
import { translateArticles } from '../src/run.ts';
import { createBenchProject } from './bench-project.ts';

/** What a scale run measured. */
export interface ScaleResult {
  readonly articles: number;
  readonly segments: number;
  readonly ms: number;
  /** RSS just before the run: Node, tsx and the modules. */
  readonly startRssMb: number;
  /** Peak RSS of the process, from the kernel's count. */
  readonly peakRssMb: number;
  /** Largest V8 heap seen, sampled every 100 ms. */
  readonly peakHeapMb: number;
}

const articlesDir = process.argv[2];
if (!articlesDir) throw new Error('Expected the articles folder as the first argument.');
const project = await createBenchProject(articlesDir, { engine: 'copy' });
const megabytes = (bytes: number) => Math.round(bytes / 2 ** 20);
let peakHeap = 0;
const sampler = setInterval(() => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)), 100);
const startRssMb = megabytes(process.memoryUsage().rss);
const start = performance.now();
try {
  const { report } = await translateArticles(project.config);
  const ms = performance.now() - start;
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  const result: ScaleResult = {
    articles: report.articles,
    segments: report.languages[0]?.segments ?? 0,
    ms,
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
