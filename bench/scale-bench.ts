import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchOptions } from './bench-options.ts';
import { checked, info, seconds, times, type Figure } from './figure.ts';
import { runCommand } from './run-command.ts';
import type { ScaleResult } from './scale-child.ts';
import { writeCorpus } from './write-corpus.ts';

const section = '5 scale';
const child = path.join(path.dirname(fileURLToPath(import.meta.url)), 'scale-child.ts');
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
// Linear within 10%; memory "bounded" when ten times the articles need at most half as much again.
const maxTimeSlack = 1.1;
const maxMemoryGrowth = 1.5;

/** Time and peak RSS of copy-engine runs at growing corpus sizes, each in a child process. */
export async function benchScale(options: BenchOptions): Promise<{ figures: Figure[]; details: object }> {
  const results: { count: number; result?: ScaleResult; failure?: string }[] = [];
  for (const count of options.scaleArticles) {
    const folder = await writeCorpus(options.seed, count);
    results.push({ count, ...(await runChild(folder)) });
  }
  const figures: Figure[] = results.map(({ count, result, failure }) =>
    result
      ? info(section, `${count} articles`, result.ms, `${seconds(result.ms)} (${(result.ms / count).toFixed(1)} ms/article), peak RSS ${result.peakRssMb} MB, peak heap ${result.peakHeapMb} MB`)
      : checked(section, `${count} articles`, Number.NaN, 'failed', 'completes', false),
  );
  const [small, large] = [results[0], results.at(-1)];
  if (small?.result && large?.result && large !== small) {
    const scale = large.count / small.count;
    const timeRatio = large.result.ms / small.result.ms;
    const memoryRatio = large.result.peakRssMb / small.result.peakRssMb;
    figures.push(
      checked(section, `time ${large.count} / ${small.count}`, timeRatio, times(timeRatio), `≤ ${times(scale * maxTimeSlack)} (linear)`, timeRatio <= scale * maxTimeSlack),
      checked(section, `peak RSS ${large.count} / ${small.count}`, memoryRatio, `${times(memoryRatio)} (${small.result.peakRssMb} → ${large.result.peakRssMb} MB)`, `≤ ${times(maxMemoryGrowth)} (bounded)`, memoryRatio <= maxMemoryGrowth),
    );
  }
  for (const { count, failure } of results) if (failure) figures.push(info(section, `${count} articles: failure`, failure));
  return { figures, details: { runs: results } };
}

async function runChild(folder: string): Promise<{ result?: ScaleResult; failure?: string }> {
  const { stdout, stderr, code } = await runCommand(process.execPath, ['--import', tsxLoader, child, folder]);
  const line = stdout.trim().split('\n').at(-1) ?? '';
  if (code === 0 && line.startsWith('{')) return { result: JSON.parse(line) as ScaleResult };
  const reason = /heap out of memory/i.test(stderr) ? 'JavaScript heap out of memory' : stderr.trim().split('\n').slice(-3).join(' ').slice(0, 300);
  return { failure: `exit code ${code}: ${reason}` };
}
